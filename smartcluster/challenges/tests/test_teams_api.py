"""Teams API with real bearer tokens: my teams and submissions, the organiser's list, forming a team, writing,
sending and withdrawing the submission, eligibility; refusals answer 400/403/404 and leave the database
unchanged."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from smartcluster.accounts.services import api_token_create
from smartcluster.challenges.choices import Eligibility, SubmissionStatus
from smartcluster.challenges.models import Submission, Team
from smartcluster.challenges.tests.world import TeamWorld, build_team_world, challenges_dump, make_solver

pytestmark = pytest.mark.django_db
API = "/api/challenges"
FULL = {"title": "Vibration kit", "summary": "A retrofit kit.", "solution": "Sensors and a model.",
        "expected_impact": "A tenth fewer stops.", "implementation": "Pilot in two plants."}


@pytest.fixture
def tw() -> TeamWorld:
    return build_team_world()


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _send(method: str, path: str, data: dict | None = None, token: str | None = None) -> Any:
    return getattr(Client(), method)(f"{API}{path}", data, content_type="application/json",
                                     **(bearer(token) if token else {}))


def test_my_teams_and_submissions_list_only_mine(tw: TeamWorld) -> None:
    teams = _send("get", "/teams/", token=tw.cw.tokens["team_member"]).json()
    submissions = _send("get", "/submissions/", token=tw.cw.tokens["team_member"]).json()

    [team] = teams["items"]
    assert (team["id"], team["organisation"], team["submission"]["status"]) == (
        tw.team.pk, "Lena Robotics", "draft")
    assert sorted(member["username"] for member in team["members"]) == ["lena", "mark"]
    assert [item["id"] for item in submissions["items"]] == [tw.team.submission.pk]


def test_a_team_and_its_submission_are_404_to_another_solver_and_the_anonymous(tw: TeamWorld) -> None:
    submission = tw.team.submission

    assert _send("get", f"/teams/{tw.team.pk}", token=tw.cw.tokens["other_solver"]).status_code == 404
    assert _send("get", f"/submissions/{submission.pk}", token=tw.cw.tokens["other_solver"]).status_code == 404
    assert _send("get", f"/submissions/{submission.pk}").status_code in (401, 404)
    assert _send("get", f"/submissions/{submission.pk}", token=tw.cw.tokens["editor_a"]).status_code == 200


def test_a_solver_forms_a_team_with_a_token(tw: TeamWorld) -> None:
    nora = make_solver("nora", "Nora Analytics")
    token = api_token_create(user=nora, name="tests")[1]

    response = _send("post", f"/briefs/{tw.cw.challenge.pk}/teams",
                     {"name": "Nora's crew", "organisation_name": "Nora Analytics"}, token)

    assert response.status_code == 201, response.content
    assert Team.objects.get(name="Nora's crew").members.get().user == nora


def test_the_team_writes_sends_and_the_lead_withdraws_with_tokens(tw: TeamWorld) -> None:
    path = f"/teams/{tw.team.pk}/submission"

    written = _send("patch", path, FULL, tw.cw.tokens["team_member"])
    by_member = _send("post", f"{path}/submit", token=tw.cw.tokens["team_member"])
    sent = _send("post", f"{path}/submit", token=tw.cw.tokens["team_lead"])
    withdrawn = _send("post", f"{path}/withdraw", token=tw.cw.tokens["team_lead"])

    assert written.status_code == 200 and written.json()["solution"] == "Sensors and a model."
    assert by_member.status_code == 403
    assert sent.status_code == 200 and sent.json()["status"] == SubmissionStatus.SUBMITTED
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == SubmissionStatus.WITHDRAWN


def test_a_late_send_answers_400_naming_the_deadline_and_changes_nothing(tw: TeamWorld) -> None:
    _send("patch", f"/teams/{tw.team.pk}/submission", FULL, tw.cw.tokens["team_member"])
    tw.cw.challenge.deadline_at = timezone.now() - timedelta(minutes=1)
    tw.cw.challenge.save(update_fields=["deadline_at"])
    before = challenges_dump()

    response = _send("post", f"/teams/{tw.team.pk}/submission/submit", token=tw.cw.tokens["team_lead"])

    assert response.status_code == 400 and "deadline" in response.json()["detail"]
    assert challenges_dump() == before


def test_another_solver_cannot_write_into_a_team_and_nothing_changes(tw: TeamWorld) -> None:
    before = challenges_dump()

    response = _send("patch", f"/teams/{tw.team.pk}/submission", {"title": "Hijacked"},
                     tw.cw.tokens["other_solver"])

    assert response.status_code == 404 and challenges_dump() == before


def test_the_organiser_lists_submissions_and_sets_eligibility_with_a_reason(tw: TeamWorld) -> None:
    token = tw.cw.tokens["editor_a"]
    rows = _send("get", f"/briefs/{tw.cw.challenge.pk}/submissions", token=token).json()
    submission = tw.other_team.submission
    before = challenges_dump()

    without_reason = _send("post", f"/submissions/{submission.pk}/eligibility", {"eligible": False}, token)
    unchanged = challenges_dump()
    recorded = _send("post", f"/submissions/{submission.pk}/eligibility",
                     {"eligible": False, "reason": "Outside the regions."}, token)

    assert sorted((row["team"], row["team_size"], row["region_eligible"]) for row in rows) == [
        ("Team lena", 2, True), ("Team otto", 1, True)]
    assert without_reason.status_code == 400 and "reason" in without_reason.json()["detail"].lower()
    assert unchanged == before
    assert recorded.status_code == 200 and recorded.json()["eligibility"] == Eligibility.INELIGIBLE
    assert Submission.objects.get(pk=submission.pk).eligibility_checked_by == tw.users["editor_a"]


@pytest.mark.parametrize("role", ["team_lead", "editor_b", "viewer"])
def test_the_organisers_list_and_eligibility_are_404_to_others(tw: TeamWorld, role: str) -> None:
    token = tw.cw.tokens[role]
    before = challenges_dump()

    listed = _send("get", f"/briefs/{tw.cw.challenge.pk}/submissions", token=token)
    checked = _send("post", f"/submissions/{tw.other_team.submission.pk}/eligibility", {"eligible": True}, token)

    assert (listed.status_code, checked.status_code) == (404, 404)
    assert challenges_dump() == before
