"""The ranking API."""

from ninja import Router

router = Router()
