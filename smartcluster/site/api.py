"""The JSON API: one django-ninja router per domain app (`<app>/api.py` defining `router`)."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps
from ninja import NinjaAPI
from ninja.security import SessionAuth

from smartcluster.accounts.auth import ApiTokenAuth

api = NinjaAPI(
    title="smartcluster API",
    version="1",
    description="Read (and, with rights, write) the platform's records. Authenticate with a session cookie "
    "or an `Authorization: Bearer <token>` header; lists are paginated and filterable.",
    urls_namespace="api",
    auth=[SessionAuth(csrf=True), ApiTokenAuth()],
)


def _register_app_routers() -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("smartcluster."):
            continue
        try:
            module = import_module(f"{config.name}.api")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.api":
                raise
            continue
        router = getattr(module, "router", None)
        if router is not None:
            api.add_router(f"/{config.label}/", router)


_register_app_routers()
