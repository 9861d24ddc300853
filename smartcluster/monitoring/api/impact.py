"""The impact API."""

from ninja import Router

router = Router()
