"""Industry pages on the real NACE Rev. 2: search, hierarchy, explanatory notes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _page(client: Client, url: str, **params: object) -> str:
    response = client.get(url, params, secure=True)
    assert response.status_code == 200
    return response.content.decode()


def test_search_by_name_finds_the_class(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("industries:list"), q="electronic components")
    assert reverse("industries:detail", args=["26.11"]) in html
    assert reverse("industries:detail", args=["26.1"]) in html


def test_search_by_eurostat_code_and_filters(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("industries:list"), q="C26", level=4)
    assert "10 items found" in html  # the classes 26.11, 26.12, 26.20, 26.30, 26.40, 26.51, 26.52, 26.60, 26.70, 26.80
    html = _page(client, reverse("industries:list"), section="c", level=2)
    assert "24 items found" in html


def test_an_item_page_shows_its_hierarchy_notes_and_children(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("industries:detail", args=["26.1"]))
    assert "<h1>26.1 Manufacture of electronic components and boards</h1>" in html
    assert reverse("industries:detail", args=["C"]) in html and reverse("industries:detail", args=["26"]) in html
    assert reverse("industries:detail", args=["26.11"]) in html and reverse("industries:detail", args=["26.12"]) in html
    html = _page(client, reverse("industries:detail", args=["10.11"]))
    assert "Includes" in html and "slaughtering and processing of whales" in html
    assert "Excludes" in html and "rendering of edible poultry fats" in html


def test_the_eurostat_code_opens_the_same_page_and_unknown_codes_are_not_found(
    client: Client, loaded_reference: dict
) -> None:
    assert "<h1>26.11 Manufacture of electronic components</h1>" in _page(
        client, reverse("industries:detail", args=["C2611"]))
    assert client.get(reverse("industries:detail", args=["99.99"]), secure=True).status_code == 404
