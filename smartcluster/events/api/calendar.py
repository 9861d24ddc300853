"""API of the events app: calendar."""

from ninja import Router

router = Router()
