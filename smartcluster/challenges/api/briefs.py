"""The briefs API."""

from ninja import Router

router = Router()
