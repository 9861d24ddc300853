"""Interviews API: guides read by all, interviews by their partner only (404 for everybody else), writes with
bearer tokens, a refusal changing nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from smartcluster.stakeholders.models import Interview, InterviewGuide
from smartcluster.stakeholders.tests.interviews_factories import build_interview_world, interviews_dump

pytestmark = pytest.mark.django_db

API = "/api/stakeholders"


@pytest.fixture
def setup():
    return build_interview_world()


def _call(setup, role: str | None, method: str, url: str, body: dict | None = None):
    headers = {} if role is None else {"HTTP_AUTHORIZATION": f"Bearer {setup.tokens[role]}"}
    client = Client(enforce_csrf_checks=True)
    if body is None:
        return getattr(client, method)(f"{API}{url}", secure=True, **headers)
    return getattr(client, method)(f"{API}{url}", body, content_type="application/json", secure=True, **headers)


def test_guides_with_their_questions_and_themes_are_public(setup) -> None:
    guides = _call(setup, None, "get", "/interview-guides/").json()["items"]
    assert [(guide["version"], guide["interview_count"]) for guide in guides] == [(1, 1)]
    detail = _call(setup, None, "get", f"/interview-guides/{setup.guide.pk}").json()
    assert len(detail["questions"]) == 8
    assert [theme["code"] for theme in detail["questions"][1]["themes"]] == ["digitalisation"]


def test_an_interview_is_404_for_another_partner_and_anonymous_in_list_and_detail(setup) -> None:
    detail = f"/interviews/{setup.interview.pk}"
    listed = f"/interviews/?partner={setup.world.partner_a.pk}"
    for role in ("editor_b", None):
        assert _call(setup, role, "get", detail).status_code == 404
        assert _call(setup, role, "get", listed).status_code == 404
    assert _call(setup, "editor_b", "get", "/interviews/").json()["items"] == []
    answers = _call(setup, "viewer", "get", detail).json()["answers"]
    assert [(row["number"], row["answer"]) for row in answers if row["answer"]] == [
        (1, "Energy prices hit us hard."), (4, "Universities answer too slowly.")]


def test_an_editor_records_an_interview_with_a_bearer_token(setup) -> None:
    body = {"partner": setup.world.partner_a.pk, "organisation": setup.university.pk, "held_on": "2026-02-01",
            "mode": "phone", "interviewer": setup.interviewer.pk, "answers": {"2": "We use robots.", "3": ""}}
    response = _call(setup, "editor_a", "post", "/interviews/", body)
    assert response.status_code == 201, response.content
    created = Interview.objects.get(pk=response.json()["id"])
    assert [(a.question.number, a.text) for a in created.answers.all()] == [(2, "We use robots.")]
    assert created.guide == setup.guide and created.created_by == setup.users["editor_a"]


@pytest.mark.parametrize(("role", "body", "status", "message"), [
    (None, {}, 401, ""),
    ("viewer", {}, 403, ""),
    ("editor_b", {}, 404, ""),
    ("editor_a", {"answers": {"12": "No such question."}}, 400, "answers: Question 12"),
    ("editor_a", {"held_on": "2999-01-01"}, 400, "held_on"),
    ("editor_a", {"organisation": None, "organisation_name": "Authority B", "organisation_type": "sme"}, 400,
     "organisation_name"),
])
def test_a_refused_interview_write_answers_why_and_changes_nothing(setup, role, body, status, message) -> None:
    payload = {"partner": setup.world.partner_a.pk, "organisation": setup.university.pk, "held_on": "2026-02-01",
               "mode": "phone", "answers": {"2": "Text."}, **body}
    before = interviews_dump()
    response = _call(setup, role, "post", "/interviews/", payload)
    assert response.status_code == status
    assert message in response.content.decode()
    assert interviews_dump() == before


def test_change_and_delete_are_the_owners_and_patch_keeps_unsent_answers(setup) -> None:
    url = f"/interviews/{setup.interview.pk}"
    before = interviews_dump()
    assert _call(setup, "editor_b", "patch", url, {"mode": "phone"}).status_code == 404
    assert _call(setup, "editor_b", "delete", url).status_code == 404
    assert _call(setup, "viewer", "patch", url, {"mode": "phone"}).status_code == 404
    assert interviews_dump() == before
    changed = _call(setup, "editor_a", "patch", url, {"mode": "phone", "consent_to_quote": True}).json()
    assert changed["mode"] == "phone" and changed["consent_to_quote"]
    assert len([row for row in changed["answers"] if row["answer"]]) == 2
    assert _call(setup, "editor_a", "delete", url).status_code == 204
    assert not Interview.objects.filter(pk=setup.interview.pk).exists()


def test_guide_versions_are_made_by_administrators_and_a_used_one_refuses_changes(setup) -> None:
    question = setup.guide.questions.get(number=1)
    before = interviews_dump()
    assert _call(setup, "editor_a", "post", f"/interview-guides/{setup.guide.pk}/versions/").status_code == 403
    refused = _call(setup, "administrator", "put", f"/interview-guide-questions/{question.pk}",
                    {"text": "Changed?", "themes": []})
    assert refused.status_code == 400 and "create a new version" in refused.json()["detail"]
    assert interviews_dump() == before
    copy = _call(setup, "administrator", "post", f"/interview-guides/{setup.guide.pk}/versions/").json()
    assert copy["version"] == 2 and len(copy["questions"]) == 8
    second = InterviewGuide.objects.get(pk=copy["id"]).questions.get(number=1)
    changed = _call(setup, "administrator", "put", f"/interview-guide-questions/{second.pk}",
                    {"text": "Reworded.", "themes": ["digitalisation", "green-business"]}).json()
    assert [theme["code"] for theme in changed["themes"]] == ["digitalisation", "green-business"]
    unknown = _call(setup, "administrator", "put", f"/interview-guide-questions/{second.pk}",
                    {"text": "Reworded.", "themes": ["no-such-theme"]})
    assert unknown.status_code == 400 and "no-such-theme" in unknown.json()["detail"]


def test_the_project_quota_is_counts_for_the_partnership_only(setup) -> None:
    url = f"/interview-quota/{setup.world.project.pk}"
    quota = _call(setup, "editor_b", "get", url).json()
    first = next(row for row in quota["partners"] if row["partner_name"] == "Agency A")
    assert [(group["group"], group["done"], group["missing_text"]) for group in first["groups"]] == [
        ("sme", 1, "1 more SME"), ("university", 0, "2 more universities"),
        ("government_cluster", 0, "2 more government or cluster organisations")]
    assert _call(setup, None, "get", url).status_code == 404
