"""Writes of the teams: create a team, invite and remove members, join by invitation, draft, submit and withdraw the
submission, attach files, and the organiser's eligibility check; `team_load` is the demo's trusted writer.

Our rules where the issue is silent: a user is in at most one team per challenge; teams are formed and drafts
edited while the challenge is open (before `deadline_at`, checked on the server's clock), and membership is frozen
after the deadline (the jury's conflicts rest on it); the lead invites, removes, submits and withdraws, every
accepted member edits the draft and attaches files; a withdrawal is final and possible until the results are
published; eligibility is checked on submitted submissions, with a reason when not eligible."""

from __future__ import annotations

import secrets
import zoneinfo
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.challenges.choices import ChallengePhase, Eligibility, SubmissionStatus, TeamRole
from smartcluster.challenges.models import Challenge, Submission, SubmissionAttachment, Team, TeamMember
from smartcluster.challenges.selectors.briefs import challenge_can_manage, challenge_phase
from smartcluster.challenges.selectors.teams import team_get_for_invitation, team_is_lead, team_is_member
from smartcluster.events.services import material_file_checked
from smartcluster.notifications.services import (
    notification_email_send,
    notification_kind_register,
    notification_send,
)
from smartcluster.organisations.selectors import organisation_has_member, person_with_email
from smartcluster.organisations.services import organisation_get_or_create
from smartcluster.site.validators import nul_characters_refused

__all__ = [
    "SUBMISSION_FIELDS",
    "SUBMISSION_REQUIRED",
    "TEAM_INVITATION",
    "submission_attachment_add",
    "submission_eligibility_set",
    "submission_submit",
    "submission_update",
    "submission_withdraw",
    "team_create",
    "team_load",
    "team_member_invite",
    "team_member_join",
    "team_member_remove",
]

TEAM_INVITATION = notification_kind_register("challenges.team_invitation",
                                             gettext_lazy("Invitation to a challenge team"))

# The structured fields of a submission a team fills, and those a submission needs before it is sent.
SUBMISSION_FIELDS = ("title", "summary", "solution", "expected_impact", "implementation")
SUBMISSION_REQUIRED = SUBMISSION_FIELDS


def _signed_in(user: Any) -> None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise PermissionDenied(_("Sign in to take part in a challenge."))


def _require_member(user: Any, team: Team) -> None:
    if not team_is_member(user, team):
        raise PermissionDenied(_("Only the team's members may do this."))


def _require_lead(user: Any, team: Team) -> None:
    if not team_is_lead(user, team):
        raise PermissionDenied(_("Only the team's lead may do this."))


def _deadline_text(challenge: Challenge) -> str:
    """The deadline as the challenge shows it: in its own time zone, named."""
    local = timezone.localtime(challenge.deadline_at, timezone=zoneinfo.ZoneInfo(challenge.time_zone))
    return f"{date_format(local, 'j F Y H:i')} ({challenge.time_zone})"


def _require_open(challenge: Challenge, field: str = "challenge") -> None:
    """Refuse a write once the challenge is no longer open (server clock), naming the deadline."""
    phase = challenge_phase(challenge)
    if phase == ChallengePhase.OPEN:
        return
    if phase in (ChallengePhase.DRAFT, ChallengePhase.ANNOUNCED):
        raise ValidationError({field: _("This challenge is not open for submissions yet.")})
    if phase == ChallengePhase.CANCELLED:
        raise ValidationError({field: _("This challenge was cancelled.")})
    raise ValidationError({field: _("The deadline of this challenge has passed (%(deadline)s).")
                           % {"deadline": _deadline_text(challenge)}})


def _not_in_another_team(user: Any, challenge: Challenge, field: str) -> None:
    other = TeamMember.objects.filter(team__challenge=challenge, user=user, accepted_at__isnull=False).first()
    if other is not None:
        raise ValidationError({field: _("You are already in the team “%(team)s” of this challenge.")
                               % {"team": other.team.name}})


def _team_organisation(user: Any, organisation: Any, organisation_name: str, organisation_type: str,
                       profile: Any) -> Any:
    """The applying organisation: one the user belongs to, the one of their matchmaking profile, or one named
    (found or created by the organisations app, never a second of the same name)."""
    if organisation is not None:
        vouched = profile is not None and profile.organisation_id == organisation.pk
        if not (vouched or organisation_has_member(user=user, organisation=organisation)):
            raise ValidationError({"organisation": _("Choose an organisation you belong to.")})
        return organisation
    if profile is not None and not organisation_name.strip():
        return profile.organisation
    if not organisation_name.strip():
        raise ValidationError({"organisation_name": _("Name the organisation your team applies from.")})
    return organisation_get_or_create(user=user, name=organisation_name, type=organisation_type)


def _new_member(team: Team, email: str, *, user: Any = None, role: str = TeamRole.MEMBER) -> TeamMember:
    member = TeamMember(team=team, email=email.strip(), user=user, role=role,
                        invitation_token=secrets.token_urlsafe(32),
                        accepted_at=timezone.now() if user is not None else None)
    member.full_clean(exclude=["team", "user"], validate_unique=False, validate_constraints=False)
    member.save()
    return member


def team_create(*, user: Any, challenge: Challenge, name: str, organisation: Any = None,
                organisation_name: str = "", organisation_type: str = "", matchmaking_profile: Any = None) -> Team:
    """A new team of an open challenge, led by `user`, applying from an organisation they belong to (or the one
    of their matchmaking profile, or one named)."""
    _signed_in(user)
    nul_characters_refused({"name": name, "organisation_name": organisation_name})
    _require_open(challenge)
    if matchmaking_profile is not None and matchmaking_profile.user_id != user.pk:
        raise ValidationError({"matchmaking_profile": _("Choose one of your own matchmaking profiles.")})
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give your team a name.")})
    if Team.objects.filter(challenge=challenge, name__iexact=name).exists():
        raise ValidationError({"name": _("A team named “%(name)s” already answers this challenge.") % {"name": name}})
    _not_in_another_team(user, challenge, "challenge")
    with transaction.atomic():
        applying = _team_organisation(user, organisation, organisation_name, organisation_type, matchmaking_profile)
        team = Team(challenge=challenge, name=name, organisation=applying, created_by=user,
                    matchmaking_profile=matchmaking_profile)
        team.full_clean(exclude=["challenge", "organisation", "created_by", "matchmaking_profile"])
        team.save()
        _new_member(team, user.email or f"{user.username}@users.invalid", user=user, role=TeamRole.LEAD)
    return team


def _frozen_after_deadline(team: Team) -> None:
    if timezone.now() >= team.challenge.deadline_at:
        raise ValidationError({"email": _("The team's members cannot change after the deadline (%(deadline)s).")
                               % {"deadline": _deadline_text(team.challenge)}})


def _send_invitation(member: TeamMember, inviter: Any, site_url: str) -> None:
    team = member.team
    subject = _("Join the team “%(team)s”") % {"team": team.name}
    body = _("%(inviter)s invites you to the team “%(team)s” answering the challenge “%(challenge)s” (deadline "
             "%(deadline)s). Sign in with this e-mail address and accept with your personal link:") % {
        "inviter": inviter.get_full_name() or inviter.username, "team": team.name,
        "challenge": team.challenge.title, "deadline": _deadline_text(team.challenge)}
    url = f"{site_url}{reverse('challenges:team_join', args=[member.invitation_token])}"
    person = person_with_email(email=member.email)
    if person is not None and person.user_id is not None:
        notification_send(user=person.user, kind=TEAM_INVITATION, subject=subject, body=body, url=url,
                          topic=team.challenge.title, topic_key=f"challenge:{team.challenge_id}",
                          time_zone=team.challenge.time_zone)
    else:
        notification_email_send(email=member.email, kind=TEAM_INVITATION, subject=subject, body=body, url=url)


def team_member_invite(*, user: Any, team: Team, email: str, site_url: str = "") -> TeamMember:
    """Invite someone by e-mail (the lead, before the deadline); they get a link to join (inbox and e-mail for a
    known user, e-mail otherwise); `site_url` prefixes the link."""
    _require_lead(user, team)
    nul_characters_refused({"email": email})
    _frozen_after_deadline(team)
    email = email.strip()
    if not email:
        raise ValidationError({"email": _("Give the e-mail address the invitation goes to.")})
    if team.members.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("%(email)s is already invited to this team.") % {"email": email}})
    with transaction.atomic():
        member = _new_member(team, email)
        _send_invitation(member, user, site_url)
    return member


def team_member_join(*, user: Any, token: str) -> TeamMember:
    """Accept an invitation: the signed-in user whose e-mail address is the invited one becomes a member."""
    _signed_in(user)
    member = team_get_for_invitation(token)
    team = member.team
    if (user.email or "").strip().lower() != member.email.strip().lower():
        raise ValidationError({"email": _("This invitation was sent to %(invited)s, but you are signed in as "
                                          "%(mine)s. Sign in with the invited address, or ask the team's lead to "
                                          "invite this one.") % {"invited": member.email,
                                                                 "mine": user.email or _("(no e-mail address)")}})
    _frozen_after_deadline(team)
    _not_in_another_team(user, team.challenge, "email")
    member.user, member.accepted_at = user, timezone.now()
    member.save(update_fields=["user", "accepted_at"])
    return member


def team_member_remove(*, user: Any, member: TeamMember) -> None:
    """Remove a member or an open invitation (the lead; a member may also leave), never the lead, not after the
    deadline."""
    team = member.team
    leaving = member.user_id is not None and member.user_id == getattr(user, "pk", None)
    if not (team_is_lead(user, team) or (leaving and team_is_member(user, team))):
        raise PermissionDenied(_("Only the team's lead removes members."))
    if member.role == TeamRole.LEAD:
        raise ValidationError({"member": _("The team's lead cannot be removed.")})
    _frozen_after_deadline(team)
    member.delete()


def _submission_of(team: Team) -> Submission | None:
    return Submission.objects.filter(team=team).first()


def _require_draft(submission: Submission | None, team: Team) -> None:
    if submission is not None and submission.status != SubmissionStatus.DRAFT:
        raise ValidationError({"status": _("The submission was sent or withdrawn (status: %(status)s): it can no "
                                           "longer be changed.") % {"status": submission.get_status_display()}})
    _require_open(team.challenge, "status")


def submission_update(*, user: Any, team: Team, **fields: Any) -> Submission:
    """Write the team's draft (any member, before the deadline); the first write creates it."""
    _require_member(user, team)
    unknown = set(fields) - set(SUBMISSION_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    nul_characters_refused(fields)
    submission = _submission_of(team)
    _require_draft(submission, team)
    submission = submission or Submission(team=team)
    for name, value in fields.items():
        setattr(submission, name, value.strip() if isinstance(value, str) else value)
    submission.full_clean(exclude=["team"], validate_constraints=False)
    submission.save()
    return submission


def submission_submit(*, user: Any, team: Team) -> Submission:
    """Send the draft (the lead, before `deadline_at` on the server's clock, every structured field filled); a
    late submission is refused naming the deadline and changes nothing."""
    _require_lead(user, team)
    submission = _submission_of(team)
    if submission is None:
        raise ValidationError({"title": _("Write the submission before sending it.")})
    _require_draft(submission, team)
    missing = {name: _("Fill this field before sending the submission.") for name in SUBMISSION_REQUIRED
               if not str(getattr(submission, name) or "").strip()}
    if missing:
        raise ValidationError(missing)
    submission.status, submission.submitted_at = SubmissionStatus.SUBMITTED, timezone.now()
    submission.save(update_fields=["status", "submitted_at", "updated_at"])
    return submission


def submission_withdraw(*, user: Any, team: Team) -> Submission:
    """Withdraw the submission for good (the lead, until the results are published): it leaves the evaluation."""
    _require_lead(user, team)
    submission = _submission_of(team)
    if submission is None or submission.status == SubmissionStatus.WITHDRAWN:
        raise ValidationError({"status": _("There is no submission to withdraw.")})
    if team.challenge.results_published_at is not None:
        raise ValidationError({"status": _("The results are published: the submission can no longer be "
                                           "withdrawn.")})
    submission.status, submission.withdrawn_at = SubmissionStatus.WITHDRAWN, timezone.now()
    submission.save(update_fields=["status", "withdrawn_at", "updated_at"])
    return submission


def submission_attachment_add(*, user: Any, team: Team, title: str, file: UploadedFile) -> SubmissionAttachment:
    """Attach a file to the draft (any member, before the deadline): its type read from its content, its size
    limited (`SMARTCLUSTER_MATERIAL_MAX_BYTES`); a refused file is not stored."""
    _require_member(user, team)
    nul_characters_refused({"title": title})
    submission = _submission_of(team)
    if submission is None:
        raise ValidationError({"file": _("Write the submission before attaching files to it.")})
    _require_draft(submission, team)
    content_type, extension = material_file_checked(file)
    attachment = SubmissionAttachment(submission=submission, title=title.strip() or file.name or "",
                                      content_type=content_type, size=file.size, uploaded_by=user)
    attachment.full_clean(exclude=["file", "submission", "uploaded_by"])
    attachment.file.save(f"{secrets.token_hex(8)}.{extension}", file, save=False)
    try:
        attachment.save()
    except DatabaseError:
        attachment.file.storage.delete(attachment.file.name)  # nothing half-written: no file without its record
        raise
    return attachment


def submission_eligibility_set(*, user: Any, submission: Submission, eligible: bool, reason: str = ""
                               ) -> Submission:
    """The organiser's eligibility check of a sent submission, with a reason when not eligible; who and when are
    recorded."""
    if not challenge_can_manage(user, submission.team.challenge):
        raise PermissionDenied(_("Only the challenge's organiser checks eligibility."))
    nul_characters_refused({"reason": reason})
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError({"eligible": _("Only a submitted submission is checked for eligibility.")})
    if submission.team.challenge.results_published_at is not None:
        raise ValidationError({"eligible": _("The results are published: eligibility can no longer change.")})
    reason = reason.strip()
    if not eligible and not reason:
        raise ValidationError({"reason": _("Say why the submission is not eligible.")})
    submission.eligibility = Eligibility.ELIGIBLE if eligible else Eligibility.INELIGIBLE
    submission.eligibility_reason = reason
    submission.eligibility_checked_by, submission.eligibility_checked_at = user, timezone.now()
    submission.save(update_fields=["eligibility", "eligibility_reason", "eligibility_checked_by",
                                   "eligibility_checked_at", "updated_at"])
    return submission


@transaction.atomic
def team_load(*, challenge: Challenge, name: str, organisation: Any, lead: Any, members: Iterable[Any] = (),
              invited: Iterable[str] = (), submission: dict[str, Any] | None = None,
              status: str = SubmissionStatus.DRAFT, eligibility: str = Eligibility.PENDING,
              eligibility_reason: str = "", checked_by: Any = None, submitted_at: datetime | None = None,
              checked_at: datetime | None = None) -> Team:
    """The demo's trusted writer (no rights check, no deadline, same validation): a team with its lead, accepted
    members (users), open invitations (e-mails) and a submission with its status and eligibility; loading it again
    updates it. `submitted_at`/`checked_at` (default: now) date a history the demo tells in the past."""
    team = Team.objects.filter(challenge=challenge, name=name).first() or Team(challenge=challenge, name=name,
                                                                               created_by=lead)
    team.organisation = organisation
    team.full_clean(exclude=["challenge", "organisation", "created_by", "matchmaking_profile"],
                    validate_constraints=False)
    team.save()
    for user, role in [(lead, TeamRole.LEAD), *((member, TeamRole.MEMBER) for member in members)]:
        if not team.members.filter(user=user).exists():
            _new_member(team, user.email or f"{user.username}@users.invalid", user=user, role=role)
    for email in invited:
        if not team.members.filter(email__iexact=email).exists():
            _new_member(team, email)
    if submission is not None:
        _submission_load(team, submission, status, eligibility, eligibility_reason, checked_by,
                         submitted_at or timezone.now(), checked_at or timezone.now())
    return team


def _submission_load(team: Team, fields: dict[str, Any], status: str, eligibility: str, reason: str,
                     checked_by: Any, submitted_at: datetime, checked_at: datetime) -> Submission:
    record = _submission_of(team) or Submission(team=team)
    for name in SUBMISSION_FIELDS:
        setattr(record, name, fields.get(name, getattr(record, name)))
    record.status = status
    record.submitted_at = (record.submitted_at or submitted_at) if status != SubmissionStatus.DRAFT else None
    record.withdrawn_at = (record.withdrawn_at or checked_at) if status == SubmissionStatus.WITHDRAWN else None
    record.eligibility, record.eligibility_reason = eligibility, reason
    checked = eligibility != Eligibility.PENDING
    record.eligibility_checked_by = checked_by if checked else None
    record.eligibility_checked_at = (record.eligibility_checked_at or checked_at) if checked else None
    record.full_clean(exclude=["team"])
    record.save()
    return record
