"""The action_plans API."""

from ninja import Router

router = Router()
