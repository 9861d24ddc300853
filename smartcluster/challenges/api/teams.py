"""The teams API."""

from ninja import Router

router = Router()
