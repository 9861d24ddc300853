"""The teams API (/api/challenges/): my teams and their submissions, the organiser's list of a challenge's
submissions; with bearer tokens: form a team, invite, write, send and withdraw the submission, check eligibility.
A team or submission the caller may not read answers 404."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.challenges import selectors, services
from smartcluster.challenges.models import Submission, SubmissionAttachment, Team
from smartcluster.matchmaking.selectors import participant_profiles_of
from smartcluster.organisations.selectors import organisation_queryset
from smartcluster.site.api import answers_refusals

router = Router()


class ChallengeSubmissionAttachmentOut(Schema):
    id: int
    title: str
    content_type: str
    size: int
    url: str

    @staticmethod
    def resolve_url(obj: SubmissionAttachment) -> str:
        return reverse("challenges:submission_attachment", args=[obj.pk])


class ChallengeSubmissionOut(Schema):
    id: int
    team_id: int
    title: str
    summary: str
    solution: str
    expected_impact: str
    implementation: str
    status: str
    submitted_at: dt.datetime | None
    withdrawn_at: dt.datetime | None
    eligibility: str
    eligibility_reason: str
    attachments: list[ChallengeSubmissionAttachmentOut]

    @staticmethod
    def resolve_attachments(obj: Submission) -> list[SubmissionAttachment]:
        return list(obj.attachments.all())


class ChallengeTeamMemberOut(Schema):
    id: int
    email: str
    role: str
    username: str | None = Field(None, alias="user.username")
    invited_at: dt.datetime
    accepted_at: dt.datetime | None


class ChallengeTeamOut(Schema):
    id: int
    name: str
    challenge_id: int
    challenge: str = Field(..., alias="challenge.title")
    deadline_at: dt.datetime = Field(..., alias="challenge.deadline_at")
    time_zone: str = Field(..., alias="challenge.time_zone")
    organisation_id: int
    organisation: str = Field(..., alias="organisation.name")
    members: list[ChallengeTeamMemberOut]
    submission: ChallengeSubmissionOut | None

    @staticmethod
    def resolve_members(obj: Team) -> list[Any]:
        return list(obj.members.all())

    @staticmethod
    def resolve_submission(obj: Team) -> Submission | None:
        return getattr(obj, "submission", None)


class ChallengeSubmissionRowOut(Schema):
    """A line of the organiser's list."""

    submission: ChallengeSubmissionOut
    team: str
    organisation: str
    region: str | None
    region_eligible: bool | None = Field(..., description="null: the organisation's region is unknown")
    helix: str
    team_size: int
    eligibility_checked_by: str | None
    eligibility_checked_at: dt.datetime | None


class ChallengeTeamIn(Schema):
    name: str
    organisation: int | None = Field(None, description="Id of an organisation you belong to")
    organisation_name: str = Field("", description="Or the name of your organisation (found or registered)")
    organisation_type: str = Field("", description="Its type when it is new (sme, university, …)")
    matchmaking_profile: int | None = Field(None, description="Id of one of your matchmaking profiles")


class ChallengeTeamInviteIn(Schema):
    email: str


class ChallengeSubmissionIn(Schema):
    title: str | None = None
    summary: str | None = None
    solution: str | None = None
    expected_impact: str | None = None
    implementation: str | None = None


class ChallengeSubmissionEligibilityIn(Schema):
    eligible: bool
    reason: str = ""


def _row(row: selectors.SubmissionRow) -> dict[str, Any]:
    submission = row.submission
    organisation = submission.team.organisation
    checked_by = submission.eligibility_checked_by
    return {"submission": submission, "team": submission.team.name, "organisation": organisation.name,
            "region": organisation.region.code if organisation.region else None,
            "region_eligible": row.region_eligible, "helix": row.helix, "team_size": row.team_size,
            "eligibility_checked_by": checked_by.username if checked_by else None,
            "eligibility_checked_at": submission.eligibility_checked_at}


def _chosen(queryset: Any, pk: int | None, field: str) -> Any:
    """The record an id names, None for no id; an unknown id is refused naming the field."""
    if pk is None:
        return None
    record = queryset.first()
    if record is None:
        raise ValidationError({field: _("There is no such record (id %(id)s) among yours.") % {"id": pk}})
    return record


@router.get("/teams/", response=list[ChallengeTeamOut], auth=READ_AUTH)
@paginate(page_size=50)
def team_list(request: HttpRequest) -> Any:
    """The caller's teams in every challenge."""
    return selectors.team_mine(request.user)


@router.get("/teams/{team_id}", response=ChallengeTeamOut, auth=READ_AUTH)
def team_detail(request: HttpRequest, team_id: int) -> Any:
    return selectors.team_get(request.user, team_id)


@router.get("/submissions/", response=list[ChallengeSubmissionOut], auth=READ_AUTH)
@paginate(page_size=50)
def submission_mine(request: HttpRequest) -> Any:
    """The submissions of the caller's teams."""
    return [team.submission for team in selectors.team_mine(request.user) if getattr(team, "submission", None)]


@router.get("/submissions/{submission_id}", response=ChallengeSubmissionOut, auth=READ_AUTH)
def submission_detail(request: HttpRequest, submission_id: int) -> Any:
    return selectors.submission_get(request.user, submission_id)


@router.get("/briefs/{challenge_id}/submissions", response=list[ChallengeSubmissionRowOut], auth=READ_AUTH)
def submission_list(request: HttpRequest, challenge_id: int) -> Any:
    """Every submission of the challenge, for its organiser (404 to anyone else)."""
    challenge = selectors.challenge_get(user=request.user, pk=challenge_id)
    return [_row(row) for row in selectors.submission_rows_for_organiser(request.user, challenge)]


@router.post("/briefs/{challenge_id}/teams", response={201: ChallengeTeamOut})
@answers_refusals
def team_create(request: HttpRequest, challenge_id: int, payload: ChallengeTeamIn) -> Status[Any]:
    """Form a team answering an open challenge, led by the caller."""
    challenge = selectors.challenge_get(user=request.user, pk=challenge_id)
    data = payload.dict()
    organisation_id, profile_id = data.pop("organisation"), data.pop("matchmaking_profile")
    organisation = _chosen(organisation_queryset(ids=[organisation_id]), organisation_id, "organisation")
    profile = _chosen(participant_profiles_of(user=request.user).filter(pk=profile_id or 0), profile_id,
                      "matchmaking_profile")
    team = services.team_create(user=request.user, challenge=challenge, organisation=organisation,
                                matchmaking_profile=profile, **data)
    return Status(201, selectors.team_get(request.user, team.pk))


@router.post("/teams/{team_id}/members", response={201: ChallengeTeamMemberOut})
@answers_refusals
def team_invite(request: HttpRequest, team_id: int, payload: ChallengeTeamInviteIn) -> Status[Any]:
    """Invite someone by e-mail (the lead)."""
    team = selectors.team_get(request.user, team_id)
    member = services.team_member_invite(user=request.user, team=team, email=payload.email,
                                         site_url=request.build_absolute_uri("/")[:-1])
    return Status(201, member)


@router.patch("/teams/{team_id}/submission", response=ChallengeSubmissionOut)
@answers_refusals
def submission_update(request: HttpRequest, team_id: int, payload: ChallengeSubmissionIn) -> Any:
    """Write the team's draft (any member, before the deadline); the first write creates it."""
    team = selectors.team_get(request.user, team_id)
    submission = services.submission_update(user=request.user, team=team, **payload.dict(exclude_unset=True))
    return selectors.submission_get(request.user, submission.pk)


@router.post("/teams/{team_id}/submission/submit", response=ChallengeSubmissionOut)
@answers_refusals
def submission_submit(request: HttpRequest, team_id: int) -> Any:
    """Send the draft (the lead, before the deadline)."""
    team = selectors.team_get(request.user, team_id)
    submission = services.submission_submit(user=request.user, team=team)
    return selectors.submission_get(request.user, submission.pk)


@router.post("/teams/{team_id}/submission/withdraw", response=ChallengeSubmissionOut)
@answers_refusals
def submission_withdraw(request: HttpRequest, team_id: int) -> Any:
    """Withdraw the submission for good (the lead, until the results are published)."""
    team = selectors.team_get(request.user, team_id)
    submission = services.submission_withdraw(user=request.user, team=team)
    return selectors.submission_get(request.user, submission.pk)


@router.post("/submissions/{submission_id}/eligibility", response=ChallengeSubmissionOut)
@answers_refusals
def submission_eligibility(request: HttpRequest, submission_id: int,
                           payload: ChallengeSubmissionEligibilityIn) -> Any:
    """The organiser's eligibility check, with a reason when not eligible."""
    submission = selectors.submission_get_for_organiser(request.user, submission_id)
    services.submission_eligibility_set(user=request.user, submission=submission, **payload.dict())
    return selectors.submission_get(request.user, submission_id)
