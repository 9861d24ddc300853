"""API of the clusters app: evaluation."""

from ninja import Router

router = Router()
