"""Analysis API over real bearer tokens, on the hand-made set of `analysis_world`: heat maps (counts), quotes under
the same pseudonymisation rule as the pages, the synthesis without a name; outsiders and bad filters refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from smartcluster.accounts.services import api_token_create
from smartcluster.organisations.tests.factories import make_user
from smartcluster.stakeholders.tests.analysis_world import AnalysisWorld, build_analysis_world

pytestmark = pytest.mark.django_db
NAMES = ("Alpha Robotics", "Maria", "Papadopoulou", "maria@alpha.example", "University of Patras")


def _get(built: AnalysisWorld, role: str, tail: str, **params: Any) -> Any:
    address = f"/api/stakeholders/analysis/{built.world.project.pk}{tail}"
    return Client().get(address, params, HTTP_AUTHORIZATION=f"Bearer {built.world.tokens[role]}")


def test_heat_maps_count_interviews_and_answers_per_theme_by_helix_and_partner() -> None:
    built = build_analysis_world()
    body = _get(built, "editor_b", "/heat-maps").json()
    row = [theme["code"] for theme in body["helix"]["themes"]].index("green-business")
    assert [column["key"] for column in body["helix"]["columns"]] == ["business", "academia", "government",
                                                                      "civil_society"]
    assert body["helix"]["interviews"][row] == [2, 1, 0, 0] and body["helix"]["answers"][row] == [3, 1, 0, 0]
    assert body["partner"]["interviews"][row] == [2, 1]
    assert body["codebook_id"] == built.codebook.pk and "at least one of its coders" in body["rule"]
    assert _get(built, "editor_b", "/heat-maps", helix="academia").json()["helix"]["interviews"][row] == [0, 1, 0, 0]


def test_quotes_through_the_api_follow_the_pages_pseudonymisation_rule() -> None:
    built = build_analysis_world()
    theme = built.codebook.themes.get(code="green-business")
    response = _get(built, "editor_b", "/quotes/", theme=theme.pk)
    items = response.json()["items"]
    assert sorted(item["attribution"] for item in items) == ["Beta Foods", "SME, EL64", "SME, EL64"]
    assert not any(name in response.content.decode() for name in NAMES)
    owner = _get(built, "editor_a", "/quotes/", theme=theme.pk).json()["items"]
    assert {item["attribution"] for item in owner if item["named"]} == {"Alpha Robotics", "University of Patras"}


def test_the_synthesis_through_the_api_names_nobody_and_ranks_the_themes() -> None:
    built = build_analysis_world()
    response = _get(built, "editor_a", "/synthesis")
    topics = next(group for group in response.json()["groups"] if group["group"] == "topic")
    assert [line["theme"]["code"] for line in topics["themes"][:2]] == ["green-business", "barriers-university-sme"]
    assert topics["themes"][0]["by_partner"] == [2, 1]
    assert not any(name in response.content.decode() for name in (*NAMES, "Beta Foods"))


def test_a_bad_filter_is_refused_naming_the_field() -> None:
    built = build_analysis_world()
    response = _get(built, "editor_a", "/heat-maps", helix="martians")
    assert response.status_code == 400 and "helix" in json.dumps(response.json())


@pytest.mark.parametrize("tail", ["", "/heat-maps", "/quotes/", "/synthesis"])
def test_outsiders_and_anonymous_callers_get_404(tail: str) -> None:
    built = build_analysis_world()
    _token, key = api_token_create(user=make_user("outsider"), name="tests")
    address = f"/api/stakeholders/analysis/{built.world.project.pk}{tail}"
    assert Client().get(address, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 404
    assert Client().get(address).status_code == 404
    assert Client().get("/api/stakeholders/analysis/", HTTP_AUTHORIZATION=f"Bearer {key}").json()["items"] == []
