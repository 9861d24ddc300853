"""Transfers API."""

from ninja import Router

router = Router()
