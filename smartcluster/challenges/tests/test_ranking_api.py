"""Ranking API with real bearer tokens: the organiser's ranking (404 to a juror of the jury and everyone else), the
winners' confirmation (refused before its time and to non-organisers, nothing stored), public results once
published, a team's feedback for its members only, and the public statistics."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from smartcluster.accounts.services import api_token_create
from smartcluster.challenges.models import Award
from smartcluster.challenges.services import award_load
from smartcluster.challenges.tests.ranking_world import RankingWorld, build_ranking_world
from smartcluster.challenges.tests.world import challenges_dump

pytestmark = pytest.mark.django_db
API = "/api/challenges"


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _get(path: str, token: str | None = None) -> Any:
    return Client().get(f"{API}{path}", **(bearer(token) if token else {}))


def _post(path: str, data: dict, token: str | None = None) -> Any:
    return Client().post(f"{API}{path}", data, content_type="application/json", **(bearer(token) if token else {}))


@pytest.fixture
def rw() -> RankingWorld:
    return build_ranking_world()


def test_the_organiser_reads_the_ranking_with_the_calibration_refusal(rw: RankingWorld) -> None:
    body = _get(f"/briefs/{rw.challenge.pk}/ranking", rw.cw.tokens["editor_a"]).json()
    assert [(line["team"], line["rank"], line["score"]) for line in body["lines"]] == [
        ("Alpha", 1, 4.0), ("Beta", 2, 3.0), ("Gamma", 3, 2.0)]
    assert "juror2 (3)" in body["calibration_refusal"] and "declared order" in body["tie_break_rule"]
    assert body["lines"][0]["criteria"][0] == {"criterion_id": rw.cw.criteria[0].pk, "name": "Impact",
                                               "aggregate": 4.0, "below_threshold": False}


@pytest.mark.parametrize("role", ["editor_b", "viewer", "participant", None])
def test_a_juror_and_everyone_else_get_404_on_the_ranking(rw: RankingWorld, role: str | None) -> None:
    response = _get(f"/briefs/{rw.challenge.pk}/ranking", rw.cw.tokens[role] if role else None)
    assert response.status_code == 404 and b"score" not in response.content


def test_the_organiser_confirms_the_winners_with_a_token(rw: RankingWorld) -> None:
    alpha = rw.teams["alpha"].submission
    assert _get(f"/briefs/{rw.challenge.pk}/results").status_code == 404
    response = _post(f"/briefs/{rw.challenge.pk}/results",
                     {"awards": [{"submission": alpha.pk, "place": 1, "prize": "EUR 5 000"}]},
                     rw.cw.tokens["administrator"])
    assert response.status_code == 201
    public = _get(f"/briefs/{rw.challenge.pk}/results").json()
    assert public["submissions"] == 3 and public["awards"][0]["title"] == "Alpha kit"
    assert public["awards"][0]["prize"] == "EUR 5 000"


@pytest.mark.parametrize("case", ["juror", "bad place", "no token", "again"])
def test_refused_confirmations_store_nothing(rw: RankingWorld, case: str) -> None:
    alpha = rw.teams["alpha"].submission
    if case == "again":
        award_load(challenge=rw.challenge, submission=rw.teams["beta"].submission, place=1)
    token = {"juror": rw.cw.tokens["editor_b"], "no token": None}.get(case, rw.cw.tokens["editor_a"])
    before = challenges_dump()
    response = _post(f"/briefs/{rw.challenge.pk}/results",
                     {"awards": [{"submission": alpha.pk, "place": 4 if case == "bad place" else 1}]}, token)
    assert response.status_code == {"juror": 404, "bad place": 400, "no token": 401, "again": 400}[case]
    assert challenges_dump() == before


def test_a_session_post_without_csrf_is_refused(rw: RankingWorld) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(rw.users["editor_a"])
    alpha = rw.teams["alpha"].submission
    response = client.post(f"{API}/briefs/{rw.challenge.pk}/results", {"awards": [{"submission": alpha.pk,
                                                                                   "place": 1}]},
                           content_type="application/json")
    assert response.status_code in (401, 403) and not Award.objects.exists()


def test_feedback_is_for_the_teams_members_once_published(rw: RankingWorld) -> None:
    alpha = rw.teams["alpha"]
    lead_token = api_token_create(user=alpha.members.get().user, name="tests")[1]
    other_token = api_token_create(user=rw.teams["beta"].members.get().user, name="tests")[1]
    assert _get(f"/teams/{alpha.pk}/feedback", lead_token).status_code == 404
    award_load(challenge=rw.challenge, submission=alpha.submission, place=1)
    body = _get(f"/teams/{alpha.pk}/feedback", lead_token).json()
    assert (body["rank"], body["score"], body["award"]) == (1, 4.0, "Winner")
    assert [j["label"] for j in body["jurors"]] == ["Juror 1", "Juror 2", "Juror 3"]
    assert "editor_b" not in str([j["label"] for j in body["jurors"]])
    assert _get(f"/teams/{alpha.pk}/feedback", other_token).status_code == 404
    assert _get(f"/teams/{alpha.pk}/feedback", rw.cw.tokens["editor_b"]).status_code == 404


def test_statistics_are_public_and_filtered_by_challenge(rw: RankingWorld) -> None:
    body = _get(f"/statistics/?challenge={rw.challenge.pk}").json()
    assert body["total"] == 3 and body["by_helix"] == [{"label": "Business", "count": 3}]
    assert body["by_team_size"] == [{"label": "1", "count": 3}]
    assert _get("/statistics/?challenge=999999").status_code == 404
