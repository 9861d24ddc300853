"""API of the events app: outcomes."""

from ninja import Router

router = Router()
