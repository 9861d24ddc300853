"""Reads of the teams and their submissions: a team is seen by its accepted members and the challenge's organiser;
a submission and its files also by the jurors assigned to it and not conflicted. Anyone else gets a 404."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from smartcluster.challenges.models import (
    Challenge,
    Submission,
    SubmissionAttachment,
    Team,
    TeamMember,
    TeamRole,
)

# a module, not its names: the jury part reads this one too
from smartcluster.challenges.selectors import jury as jury_selectors
from smartcluster.challenges.selectors.briefs import challenge_can_manage, challenge_region_eligible
from smartcluster.organisations.choices import HELIX_ROLE_BY_TYPE, HelixRole
from smartcluster.organisations.selectors import person_for_user

__all__ = [
    "SubmissionRow",
    "submission_region_eligible",
    "submission_rows_for_organiser",
    "submission_attachment_get",
    "submission_get",
    "submission_get_for_organiser",
    "submission_list_for_organiser",
    "submission_organisation_ids",
    "submission_readable",
    "team_get",
    "team_get_for_invitation",
    "team_invitations_open",
    "team_is_lead",
    "team_is_member",
    "team_member_get",
    "team_member_user_ids",
    "team_mine",
]


def _accepted(team: Team) -> QuerySet[TeamMember]:
    return team.members.filter(user__isnull=False, accepted_at__isnull=False)


def team_member_user_ids(team: Team) -> set[int]:
    """The users who accepted to be in the team (its lead included)."""
    return set(_accepted(team).values_list("user_id", flat=True))


def team_is_member(user: Any, team: Team) -> bool:
    """Is the user an accepted member (or the lead) of the team?"""
    return bool(getattr(user, "is_authenticated", False)) and _accepted(team).filter(user=user).exists()


def team_is_lead(user: Any, team: Team) -> bool:
    """Is the user the team's lead (an accepted member with the lead role)?"""
    return (bool(getattr(user, "is_authenticated", False))
            and _accepted(team).filter(user=user, role=TeamRole.LEAD).exists())


def submission_organisation_ids(submission: Submission) -> set[int]:
    """The organisations behind a submission: the team's applying organisation and those of its accepted members'
    person records (the jury's automatic conflicts of interest)."""
    team = submission.team
    ids = {team.organisation_id}
    for member in _accepted(team).select_related("user"):
        person = person_for_user(user=member.user)
        if person is not None and person.organisation_id is not None:
            ids.add(person.organisation_id)
    return ids


def _teams() -> QuerySet[Team]:
    members = TeamMember.objects.select_related("user").order_by("role", "email")
    return (Team.objects.select_related("challenge", "organisation", "organisation__region", "submission")
            .prefetch_related(Prefetch("members", queryset=members)))


def team_mine(user: Any) -> QuerySet[Team]:
    """The teams the user accepted to be in, in every challenge, the latest deadline first."""
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    ids = TeamMember.objects.filter(user=user, accepted_at__isnull=False).values("team_id")
    return _teams().filter(pk__in=ids).order_by("-challenge__deadline_at", "name")


def team_get(user: Any, pk: int) -> Team:
    """A team its members or the challenge's organiser read (404 for anyone else)."""
    team = _teams().filter(pk=pk).first()
    if team is None or not (team_is_member(user, team) or challenge_can_manage(user, team.challenge)):
        raise Http404(_("No such team."))
    return team


def team_member_get(user: Any, pk: int) -> TeamMember:
    """A member (or open invitation) of a team the user reads (404 otherwise)."""
    member = TeamMember.objects.select_related("team").filter(pk=pk).first()
    if member is None:
        raise Http404(_("No such member."))
    team_get(user, member.team_id)
    return member


def team_invitations_open(user: Any) -> QuerySet[TeamMember]:
    """The open invitations sent to the user's e-mail address (ignoring case), for teams of challenges still open
    to them (not cancelled)."""
    email = (getattr(user, "email", "") or "").strip()
    if not getattr(user, "is_authenticated", False) or not email:
        return TeamMember.objects.none()
    return (TeamMember.objects.select_related("team", "team__challenge", "team__organisation")
            .filter(email__iexact=email, accepted_at__isnull=True, team__challenge__is_cancelled=False)
            .order_by("-invited_at"))


def team_get_for_invitation(token: str) -> TeamMember:
    """The invitation a token names, still open (404 for an unknown or used token)."""
    invitation = (TeamMember.objects.select_related("team", "team__challenge", "team__organisation")
                  .filter(invitation_token=token, accepted_at__isnull=True).first() if token else None)
    if invitation is None:
        raise Http404(_("This invitation does not exist or was already used."))
    return invitation


def submission_readable(user: Any, submission: Submission) -> bool:
    """May the user read the submission: a team member, the organiser, or a juror assigned to it and not
    conflicted?"""
    team = submission.team
    return (team_is_member(user, team) or challenge_can_manage(user, team.challenge)
            or jury_selectors.submission_readable_by_juror(user, submission))


def _submissions() -> QuerySet[Submission]:
    return (Submission.objects.select_related("team", "team__challenge", "team__organisation",
                                              "team__organisation__region", "eligibility_checked_by")
            .prefetch_related("attachments"))


def submission_get(user: Any, pk: int) -> Submission:
    """A submission its readers read (404 for anyone else)."""
    submission = _submissions().filter(pk=pk).first()
    if submission is None or not submission_readable(user, submission):
        raise Http404(_("No such submission."))
    return submission


def submission_get_for_organiser(user: Any, pk: int) -> Submission:
    """A submission for its challenge's organiser only (404 for anyone else, team and jurors included)."""
    submission = _submissions().filter(pk=pk).first()
    if submission is None or not challenge_can_manage(user, submission.team.challenge):
        raise Http404(_("No such submission."))
    return submission


def submission_attachment_get(user: Any, pk: int) -> SubmissionAttachment:
    """A submission's file for the submission's readers (404 for anyone else)."""
    attachment = (SubmissionAttachment.objects.select_related("submission__team__challenge")
                  .filter(pk=pk).first())
    if attachment is None or not submission_readable(user, attachment.submission):
        raise Http404(_("No such file."))
    return attachment


def submission_list_for_organiser(user: Any, challenge: Challenge) -> QuerySet[Submission]:
    """Every submission of the challenge, drafts included, for its organiser (404 for anyone else)."""
    if not challenge_can_manage(user, challenge):
        raise Http404(_("No such list."))
    members = TeamMember.objects.filter(accepted_at__isnull=False)
    return (_submissions().filter(team__challenge=challenge)
            .prefetch_related(Prefetch("team__members", queryset=members))
            .order_by("team__name"))


def submission_region_eligible(challenge: Challenge, organisation: Any) -> bool | None:
    """Does the team's organisation lie in an eligible region: yes, no, or None when its region is unknown (and
    the challenge lists regions)?"""
    region = organisation.region
    if region is None and challenge.eligible_regions.exists():
        return None
    return challenge_region_eligible(challenge, region.code if region is not None else None)


@dataclass(frozen=True)
class SubmissionRow:
    """A line of the organiser's list: the submission with what eligibility is judged on."""

    submission: Submission
    team_size: int
    helix: str
    region_eligible: bool | None


def submission_rows_for_organiser(user: Any, challenge: Challenge) -> list[SubmissionRow]:
    """The organiser's list with team size (accepted members), helix of the applying organisation and whether its
    region is eligible (404 for anyone else)."""
    rows = []
    for submission in submission_list_for_organiser(user, challenge):
        organisation = submission.team.organisation
        rows.append(SubmissionRow(
            submission=submission, team_size=len(submission.team.members.all()),
            helix=str(HelixRole(HELIX_ROLE_BY_TYPE[organisation.type]).label),
            region_eligible=submission_region_eligible(challenge, organisation)))
    return rows
