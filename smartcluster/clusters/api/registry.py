"""API of the clusters app: registry."""

from ninja import Router

router = Router()
