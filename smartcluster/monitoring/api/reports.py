"""The reports API."""

from ninja import Router

router = Router()
