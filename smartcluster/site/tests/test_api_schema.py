"""The OpenAPI document describes every schema once: django-ninja keys components by class name and lets a later
class of the same name silently replace an earlier one, so two apps' `RegionRef`s would document one shape for both."""

from __future__ import annotations

import typing
from collections import defaultdict
from enum import Enum

from pydantic import BaseModel

from smartcluster.site.api import api


def _models_in(annotation: object) -> set[type]:
    """The pydantic models and enums an annotation holds (through list[...], X | None, dict[..., X], ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel | Enum):
        return {annotation}
    return {model for argument in typing.get_args(annotation) for model in _models_in(argument)}


def _all_models() -> set[type]:
    """Every model and enum reachable from an operation's parameters, body or responses, nested fields included."""
    pending: list[type] = []
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                pending += [model for model in operation.models]
                pending += [model for model in operation.response_models.values() if model is not None]
    seen: set[type] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for field in getattr(model, "model_fields", {}).values():
            pending += _models_in(field.annotation)
    return seen


def test_no_two_api_schema_classes_share_a_name() -> None:
    by_name: dict[str, set[str]] = defaultdict(set)
    for model in _all_models():
        by_name[model.__name__].add(f"{model.__module__}.{model.__qualname__}")
    # ninja's own wrappers (one per operation, never a component of the document) are named after the operation.
    clashes = {name: sorted(classes) for name, classes in by_name.items() if len(classes) > 1
               and not all(cls.startswith("ninja.") for cls in classes)}
    assert clashes == {}


def test_every_component_of_the_document_is_referenced_by_its_own_class() -> None:
    components = api.get_openapi_schema()["components"]["schemas"]
    names = {model.__name__ for model in _all_models()}
    assert set(components) <= names
