"""The workplan API."""

from ninja import Router

router = Router()
