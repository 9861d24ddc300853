"""API of the events app: communication."""

from ninja import Router

router = Router()
