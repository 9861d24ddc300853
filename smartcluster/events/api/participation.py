"""API of the events app: participation."""

from ninja import Router

router = Router()
