"""Teams rows of the permission matrix: every role × every team write (services) and read (team page, submission
API, file download). The lead invites, removes, submits and withdraws (a member may leave); every member writes the draft and attaches
files; the organiser (editor_a) and administrators check eligibility. A submission and its files are read by the
team, the organiser and an assigned, unconflicted juror; everyone else gets 404. Refused writes raise
PermissionDenied and leave every table as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from smartcluster.challenges import services
from smartcluster.challenges.models import Assignment, ConflictOfInterest, Submission
from smartcluster.challenges.tests.world import TeamWorld, build_team_world, challenges_dump, make_juror
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "team_lead", "team_member", "other_solver", "viewer", "editor_a", "editor_b", "administrator"]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
FULL = {"title": "Vibration kit", "summary": "A retrofit kit.", "solution": "Sensors and a model.",
        "expected_impact": "A tenth fewer stops.", "implementation": "Pilot in two plants."}
TEAM = {"team_lead", "team_member"}
ALLOWED = {
    "invite": {"team_lead"},
    "remove the member mark": TEAM,  # the lead removes him, or mark (team_member) leaves
    "write the draft": TEAM,
    "attach a file": TEAM,
    "submit": {"team_lead"},
    "withdraw": {"team_lead"},
    "check eligibility": {"editor_a", "administrator"},
}
# Who reads the team's submission and its files (the two jurors are added by `_with_jurors`).
SUBMISSION_READERS = TEAM | {"editor_a", "administrator", "juror"}


def _world() -> TeamWorld:
    tw = build_team_world()
    Submission.objects.filter(team=tw.team).update(**FULL)
    return tw


def _writes(tw: TeamWorld) -> dict[str, Callable[[Any], Any]]:
    team, member = tw.team, tw.team.members.get(user=tw.users["team_member"])
    return {
        "invite": lambda user: services.team_member_invite(user=user, team=team, email="nina@example.org"),
        "remove the member mark": lambda user: services.team_member_remove(user=user, member=member),
        "write the draft": lambda user: services.submission_update(user=user, team=team, title="Changed"),
        "attach a file": lambda user: services.submission_attachment_add(
            user=user, team=team, title="Sheet", file=SimpleUploadedFile("sheet.pdf", PDF)),
        "submit": lambda user: services.submission_submit(user=user, team=team),
        "withdraw": lambda user: services.submission_withdraw(user=user, team=team),
        "check eligibility": lambda user: services.submission_eligibility_set(
            user=user, submission=tw.other_team.submission, eligible=True),
    }


def _user(tw: TeamWorld, role: str) -> Any:
    return AnonymousUser() if role == "anonymous" else tw.users[role]


@pytest.mark.parametrize("write", list(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_team_writes_follow_the_matrix(role: str, write: str) -> None:
    tw = _world()
    call = _writes(tw)[write]
    before = challenges_dump()
    if role in ALLOWED[write]:
        call(_user(tw, role))
        assert challenges_dump() != before
    else:
        with pytest.raises(PermissionDenied):
            call(_user(tw, role))
        assert challenges_dump() == before


def _with_jurors(tw: TeamWorld) -> Any:
    """An assigned juror and an assigned juror who declared a conflict with the team's submission."""
    submission = tw.team.submission
    for role in ("juror", "conflicted_juror"):
        user = make_user(role, email=f"{role}@example.org")
        tw.users[role] = user
        juror = make_juror(tw.cw.challenge, user)
        Assignment.objects.create(juror=juror, submission=submission)
        if role == "conflicted_juror":
            ConflictOfInterest.objects.create(juror=juror, submission=submission, reason="Former colleague")
    return services.submission_attachment_add(user=tw.users["team_member"], team=tw.team, title="Sheet",
                                              file=SimpleUploadedFile("sheet.pdf", PDF))


def _client(tw: TeamWorld, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(tw.users[role])
    return client


@pytest.mark.parametrize("role", [*ROLES, "juror", "conflicted_juror"])
def test_a_submission_and_its_file_are_read_by_the_team_the_organiser_and_an_unconflicted_juror_only(
        role: str) -> None:
    tw = _world()
    attachment = _with_jurors(tw)
    client = _client(tw, role)

    api = client.get(f"/api/challenges/submissions/{tw.team.submission.pk}")
    download = client.get(reverse("challenges:submission_attachment", args=[attachment.pk]))

    expected = 200 if role in SUBMISSION_READERS else 404
    assert (api.status_code, download.status_code) == (expected, expected)
    if expected == 200:
        assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize("role", [*ROLES, "juror"])
def test_a_team_page_is_read_by_its_members_and_the_organiser_only(role: str) -> None:
    tw = _world()
    _with_jurors(tw)

    response = _client(tw, role).get(reverse("challenges:team_detail", args=[tw.team.pk]))

    readers = TEAM | {"editor_a", "administrator"}
    assert response.status_code == (200 if role in readers else 302 if role == "anonymous" else 404)
