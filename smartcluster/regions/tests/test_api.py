"""The regions API on the real reference data: anonymous reads, filters, pagination, geometry on request."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_list_filters_by_country_level_and_version(client: Client, loaded_reference: dict) -> None:
    body = client.get("/api/regions/", {"country": "el", "level": 2, "version": 2021}, secure=True).json()
    assert body["count"] == 13
    assert {item["code"] for item in body["items"]} >= {"EL30", "EL61", "EL65"}
    thessaly = next(item for item in body["items"] if item["code"] == "EL61")
    assert thessaly == {"code": "EL61", "version": 2021, "level": 2, "country": "EL", "name": "Θεσσαλία",
                        "name_latn": "Thessalia", "parent": "EL6", "has_boundary": True}


def test_the_list_filters_by_code_prefix_and_search(client: Client, loaded_reference: dict) -> None:
    body = client.get("/api/regions/", {"code": "LT00", "version": 2013}, secure=True).json()
    assert body["count"] == 11  # LT00 and its ten level-3 regions
    body = client.get("/api/regions/", {"q": "Kontinentalna"}, secure=True).json()
    assert {(item["code"], item["version"]) for item in body["items"]} == {("HR04", 2013), ("HR04", 2016)}
    assert all(item["has_boundary"] is (item["version"] == 2016) for item in body["items"])


def test_the_list_is_paginated(client: Client, loaded_reference: dict) -> None:
    first = client.get("/api/regions/", {"version": 2021}, secure=True).json()
    second = client.get("/api/regions/", {"version": 2021, "page": 2}, secure=True).json()
    assert first["count"] == 2010 and len(first["items"]) == 100
    assert first["items"][-1]["code"] < second["items"][0]["code"]


def test_the_detail_gives_the_boundary_only_on_request(client: Client, loaded_reference: dict) -> None:
    plain = client.get("/api/regions/EL61/2021", secure=True).json()
    assert plain["boundary"] is None and plain["versions"] == [2013, 2016, 2021, 2024]
    assert plain["children"] == ["EL611", "EL612", "EL613"]
    with_geometry = client.get("/api/regions/EL61/2021", {"geometry": "true"}, secure=True).json()
    assert with_geometry["boundary"]["type"] == "MultiPolygon"


def test_an_unknown_region_is_a_clear_404(client: Client, loaded_reference: dict) -> None:
    response = client.get("/api/regions/LT00/2021", secure=True)
    assert response.status_code == 404 and response.json() == {"detail": "NUTS 2021 has no region LT00"}


def test_invalid_filters_are_refused(client: Client, loaded_reference: dict) -> None:
    assert client.get("/api/regions/", {"level": 7}, secure=True).status_code == 422
