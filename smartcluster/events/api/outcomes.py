"""API of the events app: outcomes — decisions, follow-up actions (and mine), check-in status and issues, brainstorm
ideas, themes and the ranked result; writes: post an idea, vote, take a vote back, set an action's status."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.events import selectors, services
from smartcluster.events.choices import EventKind
from smartcluster.events.models import BrainstormIdea, FollowUpAction, ProjectEvent
from smartcluster.organisations.selectors import project_get
from smartcluster.site.api import answers_refusals

router = Router()


class EventDecisionOut(Schema):
    id: int
    event_id: int
    number: int
    text: str


class EventDecisionFilters(Schema):
    event: int | None = Field(None, description="Id of a project event")


class EventActionOut(Schema):
    id: int
    event_id: int
    issue_id: int | None = None
    title: str
    owner: str = Field(..., alias="owner.name")
    due_on: dt.date
    status: str
    done_on: dt.date | None = None
    is_late: bool

    @staticmethod
    def resolve_is_late(obj: FollowUpAction) -> bool:
        return obj.status == "open" and obj.due_on < timezone.localdate()


class EventActionFilters(Schema):
    event: int | None = Field(None, description="Id of a project event")
    project: int | None = Field(None, description="Id of a project")
    status: str = Field("", description="open, done or dropped")


class EventActionStatusIn(Schema):
    status: str = Field(..., description="open, done or dropped")
    done_on: dt.date | None = Field(None, description="Required when done")


class CheckInStatusOut(Schema):
    partner_id: int
    partner: str
    last_check_in_id: int | None = None
    last_on: dt.date | None = None
    days_since: int | None = None
    interval_days: int
    is_overdue: bool
    open_issues: int


class CheckInIssueOut(Schema):
    id: int
    event_id: int
    topic: str
    text: str
    follow_up_ids: list[int]

    @staticmethod
    def resolve_follow_up_ids(obj: Any) -> list[int]:
        return [action.pk for action in obj.follow_ups.all()]


class BrainstormIdeaOut(Schema):
    id: int
    event_id: int
    text: str
    theme_id: int | None = None
    votes: int = Field(..., alias="vote_count")
    created_at: dt.datetime


class BrainstormIdeaIn(Schema):
    text: str


class BrainstormThemeOut(Schema):
    id: int
    title: str


class BrainstormRankedIdeaOut(Schema):
    rank: int
    idea_id: int
    text: str
    theme: str
    votes: int


class BrainstormRankedThemeOut(Schema):
    rank: int
    theme_id: int
    title: str
    votes: int
    idea_count: int


class BrainstormResultOut(Schema):
    event_id: int = Field(..., alias="event.pk")
    votes: int
    voters: int
    ranking_rule: str = "votes descending; ties: earliest post first"
    ideas: list[BrainstormRankedIdeaOut]
    themes: list[BrainstormRankedThemeOut]


class BrainstormVoteOut(Schema):
    idea_id: int
    votes_left: int


@router.get("/decisions/", response=list[EventDecisionOut], auth=READ_AUTH)
@paginate(page_size=50)
def decision_list(request: HttpRequest, filters: Query[EventDecisionFilters]) -> Any:
    decisions = selectors.decision_visible_list(user=request.user)
    return decisions.filter(event_id=filters.event) if filters.event else decisions


@router.get("/decisions/{decision_id}", response=EventDecisionOut, auth=READ_AUTH)
def decision_detail(request: HttpRequest, decision_id: int) -> Any:
    return selectors.decision_get(user=request.user, decision_id=decision_id)


@router.get("/actions/", response=list[EventActionOut], auth=READ_AUTH)
@paginate(page_size=50)
def action_list(request: HttpRequest, filters: Query[EventActionFilters]) -> Any:
    actions = selectors.action_visible_list(user=request.user)
    if filters.event:
        actions = actions.filter(event_id=filters.event)
    if filters.project:
        actions = actions.filter(event__project_id=filters.project)
    return actions.filter(status=filters.status) if filters.status else actions


@router.get("/actions/mine/", response=list[EventActionOut])
@paginate(page_size=50)
def action_mine_list(request: HttpRequest) -> Any:
    """The caller's open actions across events (owner = the caller's person)."""
    return selectors.action_mine_list(user=request.user)


@router.get("/actions/{action_id}", response=EventActionOut, auth=READ_AUTH)
def action_detail(request: HttpRequest, action_id: int) -> FollowUpAction:
    return selectors.action_get(user=request.user, action_id=action_id)


@router.post("/actions/{action_id}/status", response=EventActionOut)
@answers_refusals
def action_status_set(request: HttpRequest, action_id: int, payload: EventActionStatusIn) -> FollowUpAction:
    """By the action's owner or the host's editors; done needs `done_on`."""
    action = selectors.action_get(user=request.user, action_id=action_id)
    return services.action_status_set(user=request.user, action=action, status=payload.status,
                                      done_on=payload.done_on)


@router.get("/check-ins/status/", response=list[CheckInStatusOut])
@answers_refusals
def check_in_status_list(request: HttpRequest, project: int) -> list[dict[str, Any]]:
    """For the lead partner's editors: each partner's last check-in and whether it is overdue."""
    rows = selectors.check_in_status_list(user=request.user, project=project_get(project_id=project),
                                          today=timezone.localdate())
    return [{"partner_id": row.partner.pk, "partner": row.partner.organisation.name,
             "last_check_in_id": row.last_event.pk if row.last_event else None, "last_on": row.last_on,
             "days_since": row.days_since, "interval_days": row.interval_days, "is_overdue": row.is_overdue,
             "open_issues": row.open_issues} for row in rows]


@router.get("/check-ins/{event_id}/issues/", response=list[CheckInIssueOut])
@paginate(page_size=50)
def check_in_issue_list(request: HttpRequest, event_id: int) -> Any:
    event = selectors.outcome_event_get(user=request.user, event_id=event_id)
    return selectors.check_in_issue_list(user=request.user, event=event)


@router.get("/check-in-issues/{issue_id}", response=CheckInIssueOut)
def check_in_issue_detail(request: HttpRequest, issue_id: int) -> Any:
    return selectors.check_in_issue_get(user=request.user, issue_id=issue_id)


def _brainstorm(request: HttpRequest, event_id: int) -> ProjectEvent:
    event = selectors.outcome_event_get(user=request.user, event_id=event_id)
    if event.kind != EventKind.BRAINSTORM:
        raise HttpError(404, "This event is not a brainstorm.")
    return event


@router.get("/brainstorms/{event_id}/ideas/", response=list[BrainstormIdeaOut], auth=READ_AUTH)
@paginate(page_size=100)
def brainstorm_idea_list(request: HttpRequest, event_id: int) -> Any:
    return selectors.brainstorm_idea_list(event=_brainstorm(request, event_id))


@router.get("/brainstorms/ideas/{idea_id}", response=BrainstormIdeaOut, auth=READ_AUTH)
def brainstorm_idea_detail(request: HttpRequest, idea_id: int) -> Any:
    idea = selectors.brainstorm_idea_get(user=request.user, idea_id=idea_id)
    return selectors.brainstorm_idea_list(event=idea.event).get(pk=idea.pk)


@router.post("/brainstorms/{event_id}/ideas/", response={201: BrainstormIdeaOut})
@answers_refusals
def brainstorm_idea_add(request: HttpRequest, event_id: int, payload: BrainstormIdeaIn) -> Status[Any]:
    idea = services.brainstorm_idea_add(user=request.user, event=_brainstorm(request, event_id), text=payload.text)
    return Status(201, selectors.brainstorm_idea_list(event=idea.event).get(pk=idea.pk))


def _vote_answer(request: HttpRequest, idea: BrainstormIdea) -> dict[str, int]:
    used = selectors.brainstorm_votes_used(user=request.user, event=idea.event)
    return {"idea_id": idea.pk, "votes_left": idea.event.votes_per_participant - used}


@router.post("/brainstorms/ideas/{idea_id}/votes", response={201: BrainstormVoteOut})
@answers_refusals
def brainstorm_vote_cast(request: HttpRequest, idea_id: int) -> Status[dict[str, int]]:
    """One vote within the caller's budget (400 once it is used up)."""
    idea = selectors.brainstorm_idea_get(user=request.user, idea_id=idea_id)
    services.brainstorm_vote_cast(user=request.user, idea=idea)
    return Status(201, _vote_answer(request, idea))


@router.post("/brainstorms/ideas/{idea_id}/votes/withdraw", response=BrainstormVoteOut)
@answers_refusals
def brainstorm_vote_withdraw(request: HttpRequest, idea_id: int) -> dict[str, int]:
    idea = selectors.brainstorm_idea_get(user=request.user, idea_id=idea_id)
    services.brainstorm_vote_withdraw(user=request.user, idea=idea)
    return _vote_answer(request, idea)


@router.get("/brainstorms/{event_id}/themes/", response=list[BrainstormThemeOut], auth=READ_AUTH)
@paginate(page_size=100)
def brainstorm_theme_list(request: HttpRequest, event_id: int) -> Any:
    return _brainstorm(request, event_id).themes.all()


@router.get("/brainstorms/{event_id}/themes/{theme_id}", response=BrainstormThemeOut, auth=READ_AUTH)
def brainstorm_theme_detail(request: HttpRequest, event_id: int, theme_id: int) -> Any:
    return selectors.brainstorm_theme_get(event=_brainstorm(request, event_id), theme_id=theme_id)


@router.get("/brainstorms/{event_id}/result", response=BrainstormResultOut, auth=READ_AUTH)
def brainstorm_result(request: HttpRequest, event_id: int) -> Any:
    return selectors.brainstorm_result(event=_brainstorm(request, event_id))
