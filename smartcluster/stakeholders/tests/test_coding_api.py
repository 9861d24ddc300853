"""Coding API: public codebooks, owner-only interviews and codings (404 to another partner), suggestions that store
nothing, agreement, and writes with real bearer tokens (a session without CSRF token is refused)."""

from __future__ import annotations

import pytest
from django.test import Client

from smartcluster.events.tests.participation_factories import browser
from smartcluster.stakeholders.choices import CodeSource
from smartcluster.stakeholders.models import AnswerCoding, AppliedCode
from smartcluster.stakeholders.services import answer_coding_load
from smartcluster.stakeholders.tests.coding_world import build_coding_world, coding_dump

pytestmark = pytest.mark.django_db
API = "/api/stakeholders/coding"


@pytest.fixture
def coding():
    return build_coding_world()


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_codebooks_are_public_with_their_themes(coding):
    listed = Client().get(f"{API}/codebooks/").json()
    codebook = next(item for item in listed["items"] if item["id"] == coding.interview.guide.codebook_id)
    assert codebook["theme_count"] == 20
    detail = Client().get(f"{API}/codebooks/{codebook['id']}").json()
    assert detail["themes"][0] == {**detail["themes"][0], "code": "recovery-resilience-growth", "group": "challenge"}
    assert Client().get(f"{API}/codebooks/999999").status_code == 404


def test_interviews_to_code_are_the_partners_own(coding):
    mine = Client().get(f"{API}/interviews/", **bearer(coding.world.tokens["viewer"])).json()["items"]
    assert [item["id"] for item in mine] == [coding.interview.pk]
    assert mine[0]["answer_count"] == 3 and mine[0]["coded_by_me"] is False
    other = Client().get(f"{API}/interviews/{coding.interview.pk}", **bearer(coding.world.tokens["editor_b"]))
    assert other.status_code == 404
    assert Client().get(f"{API}/interviews/").status_code == 401


def test_suggestions_are_scored_and_store_nothing(coding):
    answer = coding.answers[3]
    suggestions = Client().get(f"{API}/answers/{answer.pk}/suggestions/",
                               **bearer(coding.world.tokens["editor_a"])).json()
    assert suggestions[0]["theme"] in {"sustainability-green-circular", "green-business"}
    assert all(0 < item["score"] <= 1 for item in suggestions)
    assert not AnswerCoding.objects.exists()
    assert Client().get(f"{API}/answers/{answer.pk}/suggestions/",
                        **bearer(coding.world.tokens["editor_b"])).status_code == 404


def test_saving_a_coding_and_accepting_a_suggestion_with_a_bearer_token(coding):
    answer, headers = coding.answers[2], bearer(coding.world.tokens["viewer"])
    saved = Client().post(f"{API}/answers/{answer.pk}/coding", {"themes": ["support-known"]},
                          content_type="application/json", **headers)
    assert saved.status_code == 200 and [code["theme"] for code in saved.json()["codes"]] == ["support-known"]
    accepted = Client().post(f"{API}/answers/{answer.pk}/suggestions/accept", {"theme": "digitalisation"},
                             content_type="application/json", **headers)
    assert accepted.status_code == 201
    codes = {code["theme"]: code for code in accepted.json()["codes"]}
    assert codes["digitalisation"]["source"] == CodeSource.SUGGESTION and codes["digitalisation"]["suggestion_score"]
    assert codes["support-known"]["suggestion_score"] is None


def test_an_empty_coding_is_a_unit(coding):
    response = Client().post(f"{API}/answers/{coding.answers[4].pk}/coding", {"themes": []},
                             content_type="application/json", **bearer(coding.world.tokens["editor_a"]))
    assert response.status_code == 200 and response.json()["codes"] == []
    assert AnswerCoding.objects.count() == 1


@pytest.mark.parametrize(("role", "status"), [("editor_b", 404), ("anonymous", 401)])
def test_writes_of_outsiders_are_refused_and_change_nothing(coding, role, status):
    headers = {} if role == "anonymous" else bearer(coding.world.tokens[role])
    before = coding_dump()
    saved = Client().post(f"{API}/answers/{coding.answers[2].pk}/coding", {"themes": ["digitalisation"]},
                          content_type="application/json", **headers)
    accepted = Client().post(f"{API}/answers/{coding.answers[2].pk}/suggestions/accept", {"theme": "digitalisation"},
                             content_type="application/json", **headers)
    assert (saved.status_code, accepted.status_code) == (status, status)
    assert coding_dump() == before


def test_a_session_without_csrf_token_cannot_write(coding):
    client = browser(coding.world.users["editor_a"])
    before = coding_dump()
    response = client.post(f"{API}/answers/{coding.answers[2].pk}/coding", {"themes": ["digitalisation"]},
                           content_type="application/json", secure=True)
    assert response.status_code in (401, 403)
    assert coding_dump() == before


def test_an_unknown_theme_is_refused_naming_the_field(coding):
    before = coding_dump()
    response = Client().post(f"{API}/answers/{coding.answers[2].pk}/coding", {"themes": ["nope"]},
                             content_type="application/json", **bearer(coding.world.tokens["editor_a"]))
    assert response.status_code == 400 and response.json()["detail"].startswith("themes:")
    assert coding_dump() == before


def test_another_coders_coding_is_readable_only_once_the_caller_coded_the_answer(coding):
    theirs = answer_coding_load(answer=coding.answers[2], coder=coding.coder_b, themes=["digitalisation"])
    headers = bearer(coding.world.tokens["editor_a"])
    assert Client().get(f"{API}/codings/{theirs.pk}", **headers).status_code == 404
    listed = Client().get(f"{API}/interviews/{coding.interview.pk}/codings/", **headers).json()
    assert listed["items"] == []
    answer_coding_load(answer=coding.answers[2], coder=coding.world.users["editor_a"], themes=[])
    assert Client().get(f"{API}/codings/{theirs.pk}", **headers).json()["coder"] == "coder_b"
    listed = Client().get(f"{API}/interviews/{coding.interview.pk}/codings/", **headers).json()
    assert sorted(item["coder"] for item in listed["items"]) == ["coder_b", "editor_a"]
    assert Client().get(f"{API}/codings/{theirs.pk}", **bearer(coding.world.tokens["editor_b"])).status_code == 404


def test_agreement_of_two_coders(coding):
    editor = coding.world.users["editor_a"]
    for answer, first, second in ((2, ["digitalisation"], ["digitalisation"]), (3, [], ["green-business"])):
        answer_coding_load(answer=coding.answers[answer], coder=editor, themes=first)
        answer_coding_load(answer=coding.answers[answer], coder=coding.coder_b, themes=second)
    query = {"partner": coding.world.partner_a.pk, "codebook": coding.interview.guide.codebook_id,
             "first": editor.pk, "second": coding.coder_b.pk}
    result = Client().get(f"{API}/agreement", query, **bearer(coding.world.tokens["editor_a"])).json()
    assert result["units"] == 2 and result["overall"]["decisions"] == 40
    assert result["overall"]["percent"] == pytest.approx(100 * 39 / 40)
    per_theme = {row["theme"]: row for row in result["per_theme"]}
    assert per_theme["digitalisation"]["kappa"] == pytest.approx(1.0)
    assert per_theme["branding-management"]["kappa"] is None and per_theme["branding-management"]["percent"] == 100
    refused = Client().get(f"{API}/agreement", query, **bearer(coding.world.tokens["editor_b"]))
    assert refused.status_code == 404
    assert not AppliedCode.objects.filter(source=CodeSource.SUGGESTION).exists()
