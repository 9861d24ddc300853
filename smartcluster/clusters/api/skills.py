"""API of the clusters app: skills."""

from ninja import Router

router = Router()
