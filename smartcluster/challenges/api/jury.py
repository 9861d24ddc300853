"""The jury API (/api/challenges/): a juror's work and assignments, an assignment with the submission and the
scores they may see, saving and sending scores; the organiser's jurors and the assignment run. Every route needs
a bearer token or a session: nothing here is public. A conflicted juror gets 404, like anyone else not entitled."""


import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from smartcluster.challenges import selectors, services
from smartcluster.challenges.models import Assignment, Challenge
from smartcluster.site.api import answers_refusals

router = Router()


class ChallengeAssignmentOut(Schema):
    id: int
    challenge_id: int = Field(..., alias="juror.challenge_id")
    submission_id: int
    submission_title: str = Field(..., alias="submission.title")
    team_organisation: str = Field(..., alias="submission.team.organisation.name")
    assigned_at: dt.datetime
    sent_at: dt.datetime | None = Field(None, alias="submitted_at")


class ChallengeJurorWorkOut(Schema):
    juror_id: int
    challenge_id: int
    challenge_title: str
    accepted_at: dt.datetime | None
    conflicts_declared_at: dt.datetime | None
    sent_count: int
    assignments: list[ChallengeAssignmentOut]


class ChallengeScoreOut(Schema):
    juror: str = Field(..., alias="juror_label",
                       description="Your name on your scores; another juror's is anonymous ('Juror 2') to a juror")
    is_own: bool
    criterion_id: int
    criterion: str = Field(..., alias="criterion_name")
    value: Decimal
    comment: str


class ChallengeAssignmentAttachmentOut(Schema):
    id: int
    title: str
    content_type: str
    size: int


class ChallengeAssignmentDetailOut(ChallengeAssignmentOut):
    summary: str = Field(..., alias="submission.summary")
    solution: str = Field(..., alias="submission.solution")
    expected_impact: str = Field(..., alias="submission.expected_impact")
    implementation: str = Field(..., alias="submission.implementation")
    comment: str
    attachments: list[ChallengeAssignmentAttachmentOut] = Field(..., alias="submission.attachments")
    scores: list[ChallengeScoreOut] = Field(..., alias="visible_scores")


class ChallengeScoreIn(Schema):
    values: dict[int, float | str | None] = Field(
        default_factory=dict, description="Criterion id → score on 0..score_max in steps of 0.5 (null: none yet)")
    comments: dict[int, str] = Field(default_factory=dict, description="Criterion id → comment to the team")
    comment: str | None = Field(None, description="Overall comment to the team (null: unchanged)")
    send: bool = Field(False, description="Send the scores (every criterion scored): they become final")


class ChallengeJurorOut(Schema):
    id: int
    user: str = Field(..., alias="user.username")
    organisation_id: int | None
    invited_at: dt.datetime
    accepted_at: dt.datetime | None
    conflicts_declared_at: dt.datetime | None
    assigned: int
    sent: int


class ChallengeAssignmentRunOut(Schema):
    created: int = Field(..., description="Assignments created by this run")
    loads: dict[int, int] = Field(..., description="Juror id → submissions to score")
    optimal: bool = Field(..., description="Whether the spread of loads is proven the smallest possible")


def _detail(request: HttpRequest, assignment: Assignment) -> Assignment:
    """The assignment with the scores this user may see attached (others' only once their own are sent)."""
    assignment.visible_scores = selectors.score_list_visible(request.user, assignment.submission)
    return assignment


@router.get("/jury/mine", response=list[ChallengeJurorWorkOut])
def jury_mine(request: HttpRequest) -> list[dict[str, Any]]:
    """The challenges you judge, with your assignments (never a conflicted submission)."""
    return [{"juror_id": work.juror.pk, "challenge_id": work.juror.challenge_id,
             "challenge_title": work.juror.challenge.title, "accepted_at": work.juror.accepted_at,
             "conflicts_declared_at": work.juror.conflicts_declared_at, "sent_count": work.sent_count,
             "assignments": work.assignments} for work in selectors.juror_mine(request.user)]


@router.get("/briefs/{challenge_id}/jury/assignments", response=list[ChallengeAssignmentOut])
def jury_assignments(request: HttpRequest, challenge_id: int) -> list[Assignment]:
    """Your assignments in a challenge (404 if you are not one of its jurors)."""
    challenge = get_object_or_404(Challenge, pk=challenge_id)
    selectors.juror_for_user(request.user, challenge)
    return selectors.assignment_list_for_juror(request.user, challenge)


@router.get("/jury/assignments/{assignment_id}", response=ChallengeAssignmentDetailOut)
def jury_assignment(request: HttpRequest, assignment_id: int) -> Assignment:
    """An assignment with the submission and the scores you may see (others' only once yours are sent)."""
    return _detail(request, selectors.assignment_get(request.user, assignment_id))


@router.post("/jury/assignments/{assignment_id}/scores", response=ChallengeAssignmentDetailOut)
@answers_refusals
def jury_scores_save(request: HttpRequest, assignment_id: int, payload: ChallengeScoreIn) -> Assignment:
    """Save your scores as a draft, or send them (final). A value off the scale is refused naming its criterion."""
    assignment = selectors.assignment_get(request.user, assignment_id)
    if assignment.juror.user_id != request.user.pk:
        raise Http404  # the organiser reads an assignment, never scores it
    services.score_save(user=request.user, assignment=assignment, values=payload.values,
                        comments=payload.comments, comment=payload.comment, send=payload.send)
    return _detail(request, selectors.assignment_get(request.user, assignment_id))


@router.get("/briefs/{challenge_id}/jurors", response=list[ChallengeJurorOut])
def jury_jurors(request: HttpRequest, challenge_id: int) -> Any:
    """The challenge's jurors with their counts (its organiser; 404 to others)."""
    return selectors.juror_list(selectors.challenge_managed_get(request.user, challenge_id))


@router.post("/briefs/{challenge_id}/assignment", response=ChallengeAssignmentRunOut)
@answers_refusals
def jury_assignment_run(request: HttpRequest, challenge_id: int) -> dict[str, Any]:
    """Assign the eligible submissions to the jurors (its organiser; 404 to others)."""
    challenge = selectors.challenge_managed_get(request.user, challenge_id)
    run = services.assignment_run(user=request.user, challenge=challenge)
    return {"created": len(run.created), "loads": run.result.loads, "optimal": run.result.optimal}
