"""API of the clusters app: mission."""

from ninja import Router

router = Router()
