"""Peer reviews API."""

from ninja import Router

router = Router()
