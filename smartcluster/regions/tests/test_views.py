"""Region pages on the real reference data: search, hierarchy, versions, the map or its absence."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _page(client: Client, url: str, **params: object) -> str:
    response = client.get(url, params, secure=True)
    assert response.status_code == 200
    return response.content.decode()


def test_search_by_name_finds_thessaly_in_every_version(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("regions:list"), q="Thessal")
    assert reverse("regions:detail", args=["EL61", 2021]) in html
    assert reverse("regions:detail", args=["EL61", 2013]) in html
    assert "EL611" not in html and "Thessalia" in html


def test_filters_narrow_the_list_to_one_version_country_and_level(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("regions:list"), version=2013, country="lt", level=2)
    assert "2 regions found" in html  # Lithuania was one NUTS 2 region in 2013, plus its extra-regio code
    assert reverse("regions:detail", args=["LT00", 2013]) in html and reverse("regions:detail", args=["LTZZ", 2013]) in html


def test_an_invalid_filter_is_explained(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("regions:list"), country="Lithuania")
    assert "Enter a two-letter country code" in html


def test_the_list_is_paginated(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("regions:list"), version=2021, page=2)
    assert "2010 regions found" in html and "Page 2 of 41" in html
    assert "version=2021&amp;page=3" in html


def test_a_region_page_shows_its_ancestors_children_versions_and_map(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("regions:detail", args=["EL61", 2021]))
    assert "<h1>EL61 Thessalia</h1>" in html
    assert reverse("regions:detail", args=["EL6", 2021]) in html  # parent
    assert reverse("regions:detail", args=["EL", 2021]) in html  # country
    for child in ("EL611", "EL612", "EL613"):
        assert reverse("regions:detail", args=[child, 2021]) in html
    assert "This code exists in NUTS 2013, 2016, 2021 and 2024." in html
    data = json.loads(html.split('id="region-boundary" type="application/json">')[1].split("</script>")[0])
    assert data["code"] == "EL61" and data["geometry"]["type"] == "MultiPolygon"
    assert 'role="img" aria-label="Map of the boundary of EL61 Thessalia (NUTS 2021)"' in html


def test_a_code_of_one_version_only_says_so_and_is_not_on_the_map(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("regions:detail", args=["FRA1", 2013]))
    assert "This code exists in NUTS 2013 only." in html
    assert "This region is not on the map" in html
    assert "plotly.min.js" not in html


def test_lt00_names_the_versions_it_exists_in(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("regions:detail", args=["LT00", 2013]))
    assert "This code exists in NUTS 2006, 2010 and 2013." in html and "Lietuva" in html


def test_a_page_without_boundary_links_to_a_version_on_the_map(client: Client, loaded_reference: dict) -> None:
    html = _page(client, reverse("regions:detail", args=["HR04", 2013]))
    assert "This region is not on the map" in html
    assert f'<a href="{reverse("regions:detail", args=["HR04", 2016])}">' in html
    assert "See the same code in NUTS 2016 on a map" in html


def test_a_code_without_version_opens_its_newest_version(client: Client, loaded_reference: dict) -> None:
    response = client.get(reverse("regions:code", args=["hr04"]), secure=True)
    assert response.status_code == 302 and response["Location"] == reverse("regions:detail", args=["HR04", 2016])


def test_an_unknown_code_or_version_is_not_found(client: Client, loaded_reference: dict) -> None:
    assert client.get(reverse("regions:detail", args=["LT00", 2021]), secure=True).status_code == 404
    assert client.get(reverse("regions:code", args=["XX99"]), secure=True).status_code == 404
