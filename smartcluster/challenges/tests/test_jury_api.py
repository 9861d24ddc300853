"""Jury API with real bearer tokens: a juror's work and assignments, scores saved and sent (others' hidden until
then), conflicted jurors and others answered 404, out-of-scale values refused with nothing stored, the
organiser's jurors and assignment run."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from smartcluster.accounts.services import api_token_create
from smartcluster.challenges import services
from smartcluster.challenges.models import Assignment
from smartcluster.challenges.tests.jury_world import JuryWorld, build_jury_world
from smartcluster.challenges.tests.world import challenges_dump

pytestmark = pytest.mark.django_db
API = "/api/challenges"


@pytest.fixture
def jw() -> JuryWorld:
    """The jury world, every juror with a live API token (made before any dump is taken)."""
    world = build_jury_world()
    for juror in world.jurors.values():
        _TOKENS[juror.user.pk] = api_token_create(user=juror.user, name="tests")[1]
    for name, user in world.users.items():
        _TOKENS[user.pk] = world.tokens[name]
    return world


_TOKENS: dict[int, str] = {}


def _bearer(user: Any) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {_TOKENS[user.pk]}"}


def _post(user: Any, url: str, body: dict[str, Any]) -> Any:
    return Client(enforce_csrf_checks=True).post(url, json.dumps(body), content_type="application/json",
                                                  **_bearer(user))


def _values(jw: JuryWorld, value: Any) -> dict[str, Any]:
    return {str(criterion.pk): value for criterion in jw.criteria}


def test_my_jury_work_lists_my_unconflicted_assignments(jw: JuryWorld) -> None:
    insider = jw.jurors["insider"]
    Assignment.objects.create(juror=insider, submission=jw.submissions[0])
    Assignment.objects.create(juror=insider, submission=jw.submissions[1])
    answer = Client().get(f"{API}/jury/mine", **_bearer(insider.user))
    assert answer.status_code == 200
    [work] = answer.json()
    assert [row["submission_title"] for row in work["assignments"]] == ["Solution 2"]
    listed = Client().get(f"{API}/briefs/{jw.challenge.pk}/jury/assignments", **_bearer(insider.user)).json()
    assert [row["submission_title"] for row in listed] == ["Solution 2"]


def test_anonymous_and_non_jurors_get_nothing(jw: JuryWorld) -> None:
    assert Client().get(f"{API}/jury/mine").status_code == 401
    answer = Client().get(f"{API}/briefs/{jw.challenge.pk}/jury/assignments", **_bearer(jw.users["viewer"]))
    assert answer.status_code == 404


def test_conflicted_juror_gets_404_on_the_assignment_and_its_scores(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["insider"], submission=jw.submissions[0])
    user = jw.jurors["insider"].user
    assert Client().get(f"{API}/jury/assignments/{assignment.pk}", **_bearer(user)).status_code == 404
    before = challenges_dump()
    answer = _post(user, f"{API}/jury/assignments/{assignment.pk}/scores", {"values": _values(jw, 4), "send": True})
    assert answer.status_code == 404 and challenges_dump() == before


def test_no_other_score_before_sending_then_anonymised_after(jw: JuryWorld) -> None:
    first = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    second = Assignment.objects.create(juror=jw.jurors["j2"], submission=jw.submissions[1])
    services.score_save(user=jw.jurors["j1"].user, assignment=first, values=_values(jw, "4.5"), send=True)
    user = jw.jurors["j2"].user
    detail = Client().get(f"{API}/jury/assignments/{second.pk}", **_bearer(user)).json()
    assert detail["scores"] == [] and detail["summary"] == "A retrofit kit with a cloud model."
    answer = _post(user, f"{API}/jury/assignments/{second.pk}/scores", {"values": _values(jw, 2), "send": True})
    assert answer.status_code == 200, answer.content
    others = [score for score in answer.json()["scores"] if not score["is_own"]]
    assert {score["juror"] for score in others} == {"Juror 1"} and {score["value"] for score in others} == {"4.5"}


def test_out_of_scale_value_is_refused_naming_the_criterion_and_nothing_stored(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    values = {**_values(jw, 3), str(jw.criteria[2].pk): 6}
    before = challenges_dump()
    answer = _post(jw.jurors["j1"].user, f"{API}/jury/assignments/{assignment.pk}/scores", {"values": values})
    assert answer.status_code == 400 and "Implementation" in answer.json()["detail"]
    assert challenges_dump() == before


def test_sent_scores_are_final_through_the_api(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    url, user = f"{API}/jury/assignments/{assignment.pk}/scores", jw.jurors["j1"].user
    assert _post(user, url, {"values": _values(jw, 3), "send": True}).status_code == 200
    before = challenges_dump()
    answer = _post(user, url, {"values": _values(jw, 1)})
    assert answer.status_code == 400 and "final" in answer.json()["detail"]
    assert challenges_dump() == before


def test_organiser_reads_but_never_scores(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    organiser = jw.users["editor_a"]
    assert Client().get(f"{API}/jury/assignments/{assignment.pk}", **_bearer(organiser)).status_code == 200
    before = challenges_dump()
    answer = _post(organiser, f"{API}/jury/assignments/{assignment.pk}/scores", {"values": _values(jw, 5)})
    assert answer.status_code == 404 and challenges_dump() == before


def test_session_post_without_csrf_is_refused(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    client = Client(enforce_csrf_checks=True)
    client.force_login(jw.jurors["j1"].user)
    before = challenges_dump()
    answer = client.post(f"{API}/jury/assignments/{assignment.pk}/scores", json.dumps({"values": _values(jw, 3)}),
                         content_type="application/json")
    assert answer.status_code in (401, 403) and challenges_dump() == before


def test_organiser_lists_jurors_and_runs_the_assignment(jw: JuryWorld) -> None:
    organiser = jw.users["editor_a"]
    jurors = Client().get(f"{API}/briefs/{jw.challenge.pk}/jurors", **_bearer(organiser)).json()
    assert sorted(row["user"] for row in jurors) == ["insider", "j1", "j2", "j3"]
    answer = _post(organiser, f"{API}/briefs/{jw.challenge.pk}/assignment", {})
    assert answer.status_code == 200 and answer.json()["created"] == 9
    assert sorted(answer.json()["loads"].values()) == [2, 2, 2, 3]


def test_non_organisers_get_404_on_the_organisers_routes(jw: JuryWorld) -> None:
    before = challenges_dump()
    for user in (jw.jurors["j1"].user, jw.users["editor_b"]):
        assert Client().get(f"{API}/briefs/{jw.challenge.pk}/jurors", **_bearer(user)).status_code == 404
        assert _post(user, f"{API}/briefs/{jw.challenge.pk}/assignment", {}).status_code == 404
    assert challenges_dump() == before
