"""Analysis rows of the permission matrix: every role × every analysis page, download and API endpoint of the
project's analysis (all reads: the part writes nothing). The project's partners and the administrators read (200);
outsiders and anonymous callers get 404; only the owning partner's members and administrators read a name."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.accounts.services import api_token_create
from smartcluster.organisations.tests.factories import make_user
from smartcluster.stakeholders.tests.analysis_world import AnalysisWorld, build_analysis_world

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "viewer", "participant", "editor_a", "editor_b", "administrator"]
READERS = {"viewer", "participant", "editor_a", "editor_b", "administrator"}  # members of partners A, B; admins
NAMED = {"viewer", "participant", "editor_a", "administrator"}  # partner A held Alpha Robotics' interview
PAGES = ["analysis_project", "analysis_quotes", "analysis_synthesis"]
API = ["", "/heat-maps", "/quotes/", "/synthesis"]


def _callers(built: AnalysisWorld) -> dict[str, tuple[Client, dict[str, str]]]:
    """Per role a session client (for pages) and the bearer header of the same user (for the API)."""
    users = {**built.world.users, "outsider": make_user("outsider")}
    tokens = {**built.world.tokens, "outsider": api_token_create(user=users["outsider"], name="tests")[1]}
    callers: dict[str, tuple[Client, dict[str, str]]] = {"anonymous": (Client(), {})}
    for role in ROLES[1:]:
        client = Client()
        client.force_login(users[role])
        callers[role] = (client, {"HTTP_AUTHORIZATION": f"Bearer {tokens[role]}"})
    return callers


def test_every_role_reads_the_analysis_exactly_as_the_matrix_says(monkeypatch: Any) -> None:
    # The synthesis DOCX's chart is drawn in a browser; its readability is tested in test_analysis_views.py.
    monkeypatch.setattr("smartcluster.stakeholders.exports.analysis.figure_pngs", lambda figures: None)
    built = build_analysis_world()
    project = built.world.project.pk
    theme = built.codebook.themes.get(code="green-business").pk
    found, expected = {}, {}
    for role, (client, bearer) in _callers(built).items():
        status = 200 if role in READERS else 404
        for name in [*PAGES, "analysis_synthesis_docx"]:
            found[role, name] = client.get(reverse(f"stakeholders:{name}", args=[project])).status_code
            expected[role, name] = status
        for tail in API:
            found[role, f"api{tail}"] = Client().get(f"/api/stakeholders/analysis/{project}{tail}",
                                                     **bearer).status_code
            expected[role, f"api{tail}"] = status
        quotes = client.get(reverse("stakeholders:analysis_quotes", args=[project]), {"theme": theme})
        found[role, "reads a name"] = "Alpha Robotics" in quotes.content.decode()
        expected[role, "reads a name"] = role in NAMED
    assert found == expected
