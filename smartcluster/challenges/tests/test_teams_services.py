"""Teams services: forming a team (organisation found or created, never twice), invitations by e-mail and joining
with the invited address only, the draft, submitting before the deadline only, withdrawing, attachments checked
by content, the organiser's eligibility check, and the demo's trusted loader."""

from __future__ import annotations

import zoneinfo
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.challenges import services
from smartcluster.challenges.choices import Eligibility, SubmissionStatus, TeamRole
from smartcluster.challenges.models import Submission, SubmissionAttachment, Team, TeamMember
from smartcluster.challenges.tests.world import (
    build_challenge_world,
    build_team_world,
    challenges_dump,
    make_solver,
)
from smartcluster.matchmaking.tests.conftest import create_event, register
from smartcluster.notifications.models import Notification
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# A Windows executable's first bytes (the "MZ" header and PE offset) under a .pdf name.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(46) + b"\x80\x00\x00\x00" + bytes(64)
FULL = {"title": "Vibration kit", "summary": "A retrofit kit.", "solution": "Sensors and a model.",
        "expected_impact": "A tenth fewer stops.", "implementation": "Pilot in two plants."}


def _stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def _close_deadline(challenge: Any) -> None:
    """Move the deadline just behind now (the timeline stays in order)."""
    challenge.deadline_at = timezone.now() - timedelta(minutes=1)
    challenge.save(update_fields=["deadline_at"])


def test_a_solver_forms_a_team_from_their_own_organisation_and_leads_it() -> None:
    cw = build_challenge_world()
    lena = make_solver("lena", "Lena Robotics")

    team = services.team_create(user=lena, challenge=cw.challenge, name="Sensors United",
                                organisation=Organisation.objects.get(name="Lena Robotics"))

    [member] = team.members.all()
    assert (member.user, member.role, member.accepted_at is not None) == (lena, TeamRole.LEAD, True)


def test_a_named_new_organisation_is_created_once_and_another_ones_name_is_refused() -> None:
    cw = build_challenge_world()
    lena = make_user("lena", email="lena@example.org")

    team = services.team_create(user=lena, challenge=cw.challenge, name="Sensors United",
                                organisation_name="Lena Robotics", organisation_type=OrganisationType.SME)
    before = challenges_dump()
    with pytest.raises(ValidationError) as refusal:
        services.team_create(user=make_user("mallory"), challenge=cw.challenge, name="Copycats",
                             organisation_name="lena robotics", organisation_type=OrganisationType.SME)

    assert team.organisation.name == "Lena Robotics" and not team.organisation.is_published
    assert "organisation_name" in refusal.value.message_dict
    assert challenges_dump() == before


def test_a_team_formed_from_a_matchmaking_profile_applies_from_its_organisation_and_anothers_is_refused() -> None:
    cw = build_challenge_world()
    organiser = make_user("organiser")
    Membership.objects.create(user=organiser, organisation=cw.world.candidate, role=MembershipRole.PARTNER_EDITOR)
    event = create_event(organiser)
    profile, other = register(event, "mira"), register(event, "sensa")
    before = challenges_dump()

    with pytest.raises(ValidationError) as refusal:
        services.team_create(user=profile.user, challenge=cw.challenge, name="Borrowed", matchmaking_profile=other)
    assert "matchmaking_profile" in refusal.value.message_dict and challenges_dump() == before
    team = services.team_create(user=profile.user, challenge=cw.challenge, name="Mira's crew",
                                matchmaking_profile=profile)

    assert (team.organisation.name, team.matchmaking_profile) == ("Mira Ltd", profile)


def test_an_organisation_the_user_does_not_belong_to_is_refused() -> None:
    cw = build_challenge_world()
    lena = make_solver("lena", "Lena Robotics")
    before = challenges_dump()

    with pytest.raises(ValidationError) as refusal:
        services.team_create(user=lena, challenge=cw.challenge, name="Borrowed", organisation=cw.world.org_b)

    assert "organisation" in refusal.value.message_dict
    assert challenges_dump() == before


def test_a_user_is_in_one_team_per_challenge_and_no_team_forms_after_the_deadline() -> None:
    tw = build_team_world()
    before = challenges_dump()

    with pytest.raises(ValidationError):
        services.team_create(user=tw.users["team_lead"], challenge=tw.cw.challenge, name="Second",
                             organisation=tw.team.organisation)
    _close_deadline(tw.cw.challenge)
    after_move = challenges_dump()
    with pytest.raises(ValidationError) as late:
        services.team_create(user=make_solver("newcomer", "Newcomer Ltd"), challenge=tw.cw.challenge,
                             name="Late", organisation=Organisation.objects.get(name="Newcomer Ltd"))

    assert "deadline" in late.value.messages[0]
    assert Team.objects.filter(name__in=["Second", "Late"]).count() == 0
    assert before != after_move  # only the deadline moved


def test_the_lead_invites_by_email_and_the_invited_address_joins(django_capture_on_commit_callbacks: Any) -> None:
    tw = build_team_world()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.team_member_invite(user=tw.users["team_lead"], team=tw.team,
                                                 email="Nina@Example.org", site_url="https://cluster.example")

    [message] = mail.outbox
    assert message.to == ["Nina@Example.org"] and invitation.invitation_token in message.body
    assert message.body.count("https://cluster.example/challenges/teams/join/") == 1
    nina = make_user("nina", email="nina@example.org")
    member = services.team_member_join(user=nina, token=invitation.invitation_token)
    assert (member.user, member.accepted_at is not None) == (nina, True)


def test_a_known_user_is_invited_through_their_inbox() -> None:
    tw = build_team_world()
    otto_colleague = make_solver("olga", "Otto Systems")

    services.team_member_invite(user=tw.users["team_lead"], team=tw.team, email=otto_colleague.email)

    assert Notification.objects.get(user=otto_colleague).kind == services.TEAM_INVITATION


def test_joining_with_another_address_is_refused_saying_which_and_changes_nothing() -> None:
    tw = build_team_world()
    invitation = services.team_member_invite(user=tw.users["team_lead"], team=tw.team, email="nina@example.org")
    eve = make_user("eve", email="eve@example.org")
    before = challenges_dump()

    with pytest.raises(ValidationError) as refusal:
        services.team_member_join(user=eve, token=invitation.invitation_token)

    assert "nina@example.org" in refusal.value.messages[0] and "eve@example.org" in refusal.value.messages[0]
    assert challenges_dump() == before
    assert TeamMember.objects.get(pk=invitation.pk).user is None


@pytest.mark.parametrize("role", ["team_member", "other_solver", "editor_a", "viewer"])
def test_only_the_lead_invites(role: str) -> None:
    tw = build_team_world()
    before = challenges_dump()

    with pytest.raises(PermissionDenied):
        services.team_member_invite(user=tw.users[role], team=tw.team, email="nina@example.org")

    assert challenges_dump() == before


def test_the_lead_removes_a_member_but_never_themselves() -> None:
    tw = build_team_world()
    lead = tw.users["team_lead"]
    member = tw.team.members.get(user=tw.users["team_member"])

    with pytest.raises(ValidationError):
        services.team_member_remove(user=lead, member=tw.team.members.get(user=lead))
    services.team_member_remove(user=lead, member=member)

    assert list(tw.team.members.values_list("user__username", flat=True)) == ["lena"]


def test_members_write_the_draft_and_the_lead_submits_it_complete() -> None:
    tw = build_team_world()

    with pytest.raises(ValidationError) as incomplete:
        services.submission_submit(user=tw.users["team_lead"], team=tw.team)
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)
    submission = services.submission_submit(user=tw.users["team_lead"], team=tw.team)

    assert "solution" in incomplete.value.message_dict
    assert (submission.status, submission.submitted_at is not None) == (SubmissionStatus.SUBMITTED, True)
    with pytest.raises(ValidationError):
        services.submission_update(user=tw.users["team_member"], team=tw.team, title="Changed after sending")


def test_a_member_cannot_submit_and_another_solver_cannot_edit() -> None:
    tw = build_team_world()
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)
    before = challenges_dump()

    with pytest.raises(PermissionDenied):
        services.submission_submit(user=tw.users["team_member"], team=tw.team)
    with pytest.raises(PermissionDenied):
        services.submission_update(user=tw.users["other_solver"], team=tw.team, title="Hijacked")

    assert challenges_dump() == before


def test_a_late_submission_is_refused_naming_the_deadline_in_the_challenges_time_zone_and_nothing_changes() -> None:
    tw = build_team_world()
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)
    challenge = tw.cw.challenge
    challenge.time_zone = "Europe/Athens"
    challenge.save(update_fields=["time_zone"])
    _close_deadline(challenge)
    before = challenges_dump()

    with pytest.raises(ValidationError) as refusal:
        services.submission_submit(user=tw.users["team_lead"], team=tw.team)

    local = timezone.localtime(challenge.deadline_at, timezone=zoneinfo.ZoneInfo("Europe/Athens"))
    assert f"{local:%H:%M} (Europe/Athens)" in refusal.value.messages[0]
    assert challenges_dump() == before
    assert Submission.objects.get(team=tw.team).status == SubmissionStatus.DRAFT


def test_the_lead_withdraws_until_the_results_are_published() -> None:
    tw = build_team_world(submitted=True)

    submission = services.submission_withdraw(user=tw.users["team_lead"], team=tw.team)
    assert (submission.status, submission.withdrawn_at is not None) == (SubmissionStatus.WITHDRAWN, True)

    other = tw.other_team
    challenge = tw.cw.challenge
    challenge.results_published_at = timezone.now()
    challenge.save(update_fields=["results_published_at"])
    before = challenges_dump()
    with pytest.raises(ValidationError):
        services.submission_withdraw(user=tw.users["other_solver"], team=other)
    assert challenges_dump() == before


def test_a_pdf_is_attached_with_its_content_type(media: Path) -> None:
    tw = build_team_world()
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)

    attachment = services.submission_attachment_add(
        user=tw.users["team_member"], team=tw.team, title="Data sheet",
        file=SimpleUploadedFile("sheet.pdf", PDF, content_type="application/pdf"))

    assert (attachment.content_type, attachment.size) == ("application/pdf", len(PDF))
    assert [path.read_bytes() for path in _stored_files(media)] == [PDF]


def test_an_executable_named_pdf_is_refused_and_nothing_is_stored(media: Path) -> None:
    tw = build_team_world()
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)
    before = challenges_dump()

    with pytest.raises(ValidationError) as refusal:
        services.submission_attachment_add(
            user=tw.users["team_member"], team=tw.team, title="Data sheet",
            file=SimpleUploadedFile("sheet.pdf", EXE, content_type="application/pdf"))

    assert "sheet.pdf" in refusal.value.message_dict["file"][0]
    assert challenges_dump() == before
    assert SubmissionAttachment.objects.count() == 0 and _stored_files(media) == []


def test_an_attachment_larger_than_the_limit_is_refused(settings: Any, media: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    tw = build_team_world()
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)
    monkeypatch.setenv("SMARTCLUSTER_MATERIAL_MAX_BYTES", "10")

    with pytest.raises(ValidationError) as refusal:
        services.submission_attachment_add(user=tw.users["team_member"], team=tw.team, title="Big",
                                           file=SimpleUploadedFile("big.pdf", PDF))

    assert "at most 10 bytes" in refusal.value.message_dict["file"][0]
    assert _stored_files(media) == []


def test_the_organiser_sets_eligibility_with_a_reason_when_not_eligible() -> None:
    tw = build_team_world(submitted=True)
    submission = tw.team.submission
    organiser = tw.users["editor_a"]
    before = challenges_dump()

    with pytest.raises(ValidationError) as refusal:
        services.submission_eligibility_set(user=organiser, submission=submission, eligible=False, reason=" ")
    assert "reason" in refusal.value.message_dict and challenges_dump() == before

    services.submission_eligibility_set(user=organiser, submission=submission, eligible=False,
                                        reason="Applicant outside the eligible regions.")
    stored = Submission.objects.get(pk=submission.pk)
    assert (stored.eligibility, stored.eligibility_reason, stored.eligibility_checked_by) == (
        Eligibility.INELIGIBLE, "Applicant outside the eligible regions.", organiser)
    assert stored.eligibility_checked_at is not None


@pytest.mark.parametrize("role", ["team_lead", "editor_b", "viewer"])
def test_only_the_organiser_sets_eligibility(role: str) -> None:
    tw = build_team_world(submitted=True)
    before = challenges_dump()

    with pytest.raises(PermissionDenied):
        services.submission_eligibility_set(user=tw.users[role], submission=tw.team.submission, eligible=True)

    assert challenges_dump() == before


def test_the_anonymous_cannot_form_a_team() -> None:
    cw = build_challenge_world()

    with pytest.raises(PermissionDenied):
        services.team_create(user=AnonymousUser(), challenge=cw.challenge, name="Ghosts",
                             organisation_name="Ghost Ltd", organisation_type=OrganisationType.SME)

    assert not Team.objects.exists()


def test_the_trusted_loader_writes_a_team_with_its_submission_and_loading_again_adds_nothing() -> None:
    cw = build_challenge_world()
    lena, mark = make_solver("lena", "Lena Robotics"), make_solver("mark", "Mark University")
    arguments = {"challenge": cw.challenge, "name": "Sensors United", "lead": lena, "members": [mark],
                 "organisation": Organisation.objects.get(name="Lena Robotics"), "invited": ["nina@example.org"],
                 "submission": FULL, "status": SubmissionStatus.SUBMITTED, "eligibility": Eligibility.INELIGIBLE,
                 "eligibility_reason": "Outside the regions.", "checked_by": cw.users["editor_a"]}

    team = services.team_load(**arguments)
    submitted_at = team.submission.submitted_at
    services.team_load(**arguments)

    assert (Team.objects.count(), TeamMember.objects.count(), Submission.objects.count()) == (1, 3, 1)
    stored = Submission.objects.get()
    assert (stored.status, stored.submitted_at, stored.eligibility) == (
        SubmissionStatus.SUBMITTED, submitted_at, Eligibility.INELIGIBLE)
