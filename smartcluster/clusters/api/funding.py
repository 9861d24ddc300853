"""API of the clusters app: funding."""

from ninja import Router

router = Router()
