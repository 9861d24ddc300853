"""The industries API on the real NACE Rev. 2: anonymous reads, filters, pagination, detail."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_list_filters_by_section_level_and_code_prefix(client: Client, loaded_reference: dict) -> None:
    assert client.get("/api/industries/", {"section": "C", "level": 2}, secure=True).json()["count"] == 24
    body = client.get("/api/industries/", {"code": "26.1"}, secure=True).json()
    assert [item["code"] for item in body["items"]] == ["26.1", "26.11", "26.12"]
    body = client.get("/api/industries/", {"code": "C261"}, secure=True).json()
    assert [item["eurostat_code"] for item in body["items"]] == ["C261", "C2611", "C2612"]


def test_the_list_searches_names_and_is_paginated(client: Client, loaded_reference: dict) -> None:
    body = client.get("/api/industries/", {"q": "meat"}, secure=True).json()
    assert "10.11" in {item["code"] for item in body["items"]}
    first = client.get("/api/industries/", secure=True).json()
    assert first["count"] == 996 and len(first["items"]) == 100
    assert first["items"][0] == {"code": "A", "eurostat_code": "A", "level": 1, "section": "A",
                                 "name": "AGRICULTURE, FORESTRY AND FISHING", "parent": None}


def test_the_detail_gives_parent_children_and_notes(client: Client, loaded_reference: dict) -> None:
    body = client.get("/api/industries/C26", secure=True).json()
    assert (body["code"], body["parent"], body["level"]) == ("26", "C", 2)
    assert body["children"] == ["26.1", "26.2", "26.3", "26.4", "26.5", "26.6", "26.7", "26.8"]
    assert client.get("/api/industries/10.11", secure=True).json()["excludes"].startswith("This class excludes")


def test_an_unknown_item_is_a_clear_404(client: Client, loaded_reference: dict) -> None:
    response = client.get("/api/industries/99.99", secure=True)
    assert response.status_code == 404 and response.json() == {"detail": "no NACE Rev. 2 item 99.99"}
