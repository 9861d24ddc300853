"""The OpenAPI document describes every schema once: django-ninja keys components by class name and lets a later
class of the same name silently replace an earlier one, so two apps' `RegionRef`s would document one shape for both."""

from __future__ import annotations

import typing
from collections import defaultdict
from enum import Enum

from ninja import NinjaAPI, Router, Schema
from pydantic import BaseModel

from smartcluster.site.api import api


def _models_in(annotation: object) -> set[type]:
    """The pydantic models and enums an annotation holds (through list[...], X | None, dict[..., X], ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel | Enum):
        return {annotation}
    return {model for argument in typing.get_args(annotation) for model in _models_in(argument)}


def _all_models(api: NinjaAPI) -> set[type]:
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


def schema_name_clashes(api: NinjaAPI) -> dict[str, list[str]]:
    """Names shared by two or more schema classes of `api` → the classes (module.qualname) sharing each."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for model in _all_models(api):
        by_name[model.__name__].add(f"{model.__module__}.{model.__qualname__}")
    # ninja's own wrappers (one per operation, never a component of the document) are named after the operation.
    return {name: sorted(classes) for name, classes in by_name.items() if len(classes) > 1
            and not all(cls.startswith("ninja.") for cls in classes)}


def test_no_two_api_schema_classes_share_a_name() -> None:
    assert schema_name_clashes(api) == {}


def _schema(name: str, module: str, **fields: type) -> type[Schema]:
    """A Schema class as if written in `module` (two apps' `api.py`), with the given field annotations."""
    return type(name, (Schema,), {"__module__": module, "__annotations__": fields})


def test_two_schema_classes_of_one_name_are_found_where_ninja_merges_them_silently() -> None:
    # Two apps each define a `Ref`: one answered directly, the other only nested in another schema's field.
    ref_a = _schema("Ref", "smartcluster.app_a.api", code=int)
    ref_b = _schema("Ref", "smartcluster.app_b.api", code=str)
    outer = _schema("Outer", "smartcluster.app_b.api", ref=ref_b)
    router_a, router_b = Router(), Router()
    router_a.get("/a", response=ref_a)(lambda request: None)
    router_b.get("/b", response=list[outer])(lambda request: None)
    probe = NinjaAPI(urls_namespace="schema-clash-probe")
    probe.add_router("/a/", router_a)
    probe.add_router("/b/", router_b)

    components = probe.get_openapi_schema(path_prefix="")["components"]["schemas"]
    # ninja documents one `Ref` (the later one) for both, without a warning: the reason for this check
    assert [name for name in components if name == "Ref"] == ["Ref"]
    assert components["Ref"]["properties"]["code"]["type"] == "string"
    assert schema_name_clashes(probe) == {"Ref": ["smartcluster.app_a.api.Ref", "smartcluster.app_b.api.Ref"]}


def test_every_component_of_the_document_is_referenced_by_its_own_class() -> None:
    components = api.get_openapi_schema()["components"]["schemas"]
    names = {model.__name__ for model in _all_models(api)}
    assert set(components) <= names
