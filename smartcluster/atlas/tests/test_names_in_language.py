"""Category names follow the reader's language on the atlas pages (the cached result itself stays English)."""

from __future__ import annotations

import html

import pandas as pd
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from smartcluster.mapping.taxonomies import translated_category_names, translated_taxonomy_rule

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sbs_store")]
REGION = "EL61"
CLUSTERS = pd.read_csv("smartcluster/mapping/taxonomies/cluster_categories_nace.csv")


def _page(language: str) -> str:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("atlas:region", args=[REGION]), {"year": 2014})
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_region_profile_names_the_cluster_categories_in_greek_and_again_in_english(
        loaded_reference: dict) -> None:
    greek = _page("el")
    english_names = set(CLUSTERS["cluster_name"])
    greek_names = set(translated_category_names("cluster_categories", "el").values())
    assert sum(name in greek for name in greek_names) >= 10
    assert [name for name in english_names if name in greek] == []
    english = _page("en")
    assert sum(name in english for name in english_names) >= 10
    assert [name for name in greek_names if name in english] == []


def test_the_region_report_states_the_taxonomy_rule_in_greek(loaded_reference: dict) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "el"
    report = html.unescape(client.get(reverse("atlas:region_report", args=[REGION]), {"year": 2014}).content.decode())
    assert translated_taxonomy_rule("cluster_categories", "el") in report
    assert "ties: traded before local" not in report


@pytest.mark.parametrize(("name", "args", "query"), [
    ("atlas:home", [], {"year": 2014}),
    ("atlas:category", ["4"], {"year": 2014}),
    ("atlas:compare", [], {"year": 2014, "regions": "EL61,EL30"}),
])
def test_the_landing_category_and_compare_pages_name_no_cluster_category_in_english(
        loaded_reference: dict, name: str, args: list[str], query: dict) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "el"
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert any(greek in page for greek in translated_category_names("cluster_categories", "el").values())
    assert [english for english in set(CLUSTERS["cluster_name"]) if english in page] == []
