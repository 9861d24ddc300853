"""Reads of the events app: outcomes (decisions, follow-up actions, check-in status, brainstorm results and the
event report composed from the records).

Brainstorm ranking rule: ideas by votes (most first), ties by the earliest post (then the lower id); themes by the
votes of their ideas, ties by their earliest idea's post (then title). The rank is the position in that order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, is_administrator, visible_queryset
from smartcluster.events.choices import ActionStatus, EventKind, MaterialKind, RegistrationStatus
from smartcluster.events.models import (
    BrainstormIdea,
    BrainstormVote,
    CheckInIssue,
    Decision,
    FollowUpAction,
    Material,
    ProjectEvent,
    ProjectLifeSettings,
    Registration,
)
from smartcluster.events.selectors.calendar import event_session_list, project_event_local_date
from smartcluster.events.selectors.participation import (
    AttendanceCounts,
    FeedbackResults,
    attendance_counts,
    feedback_results,
)
from smartcluster.organisations.choices import PartnerRole

__all__ = [
    "ActionOverview",
    "BrainstormResult",
    "CheckInStatus",
    "EventReport",
    "RankedIdea",
    "RankedTheme",
    "action_get",
    "action_list",
    "action_mine_list",
    "action_visible_list",
    "action_owner_choices",
    "action_overview",
    "brainstorm_idea_get",
    "brainstorm_idea_list",
    "brainstorm_is_participant",
    "brainstorm_result",
    "brainstorm_theme_get",
    "brainstorm_votes_used",
    "check_in_interval_days",
    "check_in_issue_get",
    "check_in_issue_list",
    "check_in_status_list",
    "decision_get",
    "decision_list",
    "decision_visible_list",
    "event_report",
    "event_report_may_view",
    "outcome_event_get",
]

DEFAULT_CHECK_IN_INTERVAL_DAYS = 92  # ProjectLifeSettings' default: "every two or three months" (project idea)
ACTIVE_REGISTRATIONS = (RegistrationStatus.INVITED, RegistrationStatus.REGISTERED)


def _readable_events(user: Any) -> QuerySet[ProjectEvent]:
    """The events the user may read, and those the user is invited or registered to (internal ones too)."""
    events = ProjectEvent.objects.select_related("project", "host__organisation")
    readable = Q(pk__in=visible_queryset(user, ProjectEvent.objects.all()).values("pk"))
    if getattr(user, "is_authenticated", False):
        readable |= Q(pk__in=Registration.objects.filter(person__user=user, status__in=ACTIVE_REGISTRATIONS)
                      .values("event"))
    return events.filter(readable)


def outcome_event_get(*, user: Any, event_id: int) -> ProjectEvent:
    """The project event if the user may read it or is invited to it, else 404 (an internal event is not
    revealed)."""
    event = _readable_events(user).filter(pk=event_id).first()
    if event is None:
        raise Http404(_("No project event %(id)s.") % {"id": event_id})
    return event


def decision_list(*, event: ProjectEvent) -> QuerySet[Decision]:
    return event.decisions.order_by("number")


def decision_visible_list(*, user: Any) -> QuerySet[Decision]:
    """The decisions of every event the user may read."""
    return Decision.objects.filter(event__in=_readable_events(user)).order_by("event__starts_at", "event", "number")


def decision_get(*, user: Any, decision_id: int) -> Decision:
    decision = decision_visible_list(user=user).filter(pk=decision_id).first()
    if decision is None:
        raise Http404(_("No decision %(id)s.") % {"id": decision_id})
    return decision


def _actions() -> QuerySet[FollowUpAction]:
    return FollowUpAction.objects.select_related("owner", "event__project", "event__host__organisation", "issue")


def action_list(*, event: ProjectEvent) -> QuerySet[FollowUpAction]:
    return _actions().filter(event=event)


def action_owner_choices(*, event: ProjectEvent) -> QuerySet[Any]:
    """Who may own an action of the event: the people of the project's partners and the event's invitees."""
    people = FollowUpAction._meta.get_field("owner").related_model.objects  # organisations' Person, by relation
    return people.filter(Q(organisation__partnerships__project=event.project)
                         | Q(event_registrations__event=event)).distinct().order_by("name")


def action_visible_list(*, user: Any) -> QuerySet[FollowUpAction]:
    """The actions of every event the user may read, and the user's own actions (of internal events too)."""
    readable = Q(event__in=_readable_events(user))
    if getattr(user, "is_authenticated", False):
        readable |= Q(owner__user=user)
    return _actions().filter(readable).order_by("due_on", "pk")


def action_get(*, user: Any, action_id: int) -> FollowUpAction:
    """An action of an event the user may read, else 404."""
    action = action_visible_list(user=user).filter(pk=action_id).first()
    if action is None:
        raise Http404(_("No action %(id)s.") % {"id": action_id})
    return action


def action_mine_list(*, user: Any, open_only: bool = True) -> QuerySet[FollowUpAction]:
    """The actions whose owner is the user's person, across events (open ones only by default)."""
    if not getattr(user, "is_authenticated", False):
        return FollowUpAction.objects.none()
    actions = _actions().filter(owner__user=user)
    return actions.filter(status=ActionStatus.OPEN) if open_only else actions


@dataclass(frozen=True)
class ActionOverview:
    """A project's open actions (the late ones first) with their counts."""

    project: Any
    today: dt.date
    actions: list[FollowUpAction]
    late_count: int

    @property
    def open_count(self) -> int:
        return len(self.actions)


def _require_partner_editor(user: Any, project: Any, *, lead_only: bool = False) -> None:
    partners = project.partners.select_related("organisation")
    if lead_only:
        partners = partners.filter(role=PartnerRole.LEAD)
    if not (is_administrator(user) or any(can_change(user, partner) for partner in partners)):
        raise PermissionDenied(_("Only the lead partner's editors see the check-ins.") if lead_only
                               else _("Only the project partners' editors see the project's actions."))


def action_overview(*, user: Any, project: Any, today: dt.date) -> ActionOverview:
    """Open actions of the project's events the user may read, for the partners' editors; late = due before today."""
    _require_partner_editor(user, project)
    actions = list(action_visible_list(user=user).filter(event__project=project, status=ActionStatus.OPEN))
    return ActionOverview(project, today, actions, sum(action.due_on < today for action in actions))


def check_in_interval_days(*, project: Any) -> int:
    """The project's interval between check-ins (92 days when it has no settings row)."""
    settings = ProjectLifeSettings.objects.filter(project=project).first()
    return settings.check_in_interval_days if settings else DEFAULT_CHECK_IN_INTERVAL_DAYS


@dataclass(frozen=True)
class CheckInStatus:
    """One partner's last check-in with the lead partner, whether it is overdue, and the issues still open (none
    followed up, or a follow-up still open) with their follow-ups."""

    partner: Any
    last_event: ProjectEvent | None
    last_on: dt.date | None
    days_since: int | None
    interval_days: int
    issues: list[CheckInIssue]

    @property
    def is_overdue(self) -> bool:
        """Never met, or more than the interval since the last check-in."""
        return self.days_since is None or self.days_since > self.interval_days

    @property
    def open_issues(self) -> int:
        return len(self.issues)


def check_in_status_list(*, user: Any, project: Any, today: dt.date) -> list[CheckInStatus]:
    """For the lead partner's editors: each other partner's last check-in (up to `today`) and its warning."""
    _require_partner_editor(user, project, lead_only=True)
    interval = check_in_interval_days(project=project)
    check_ins = ProjectEvent.objects.filter(project=project, kind=EventKind.CHECK_IN).order_by("-starts_at")
    open_issues = visible_queryset(user, CheckInIssue.objects.filter(
        Q(follow_ups__isnull=True) | Q(follow_ups__status=ActionStatus.OPEN))).prefetch_related("follow_ups__owner")
    rows = []
    for partner in project.partners.exclude(role=PartnerRole.LEAD).select_related("organisation"):
        met = check_ins.filter(partner_met=partner)
        held = [event for event in met if project_event_local_date(event) <= today]
        last_on = project_event_local_date(held[0]) if held else None
        issues = list(open_issues.filter(event__in=met).select_related("event").order_by("event__starts_at", "pk"))
        rows.append(CheckInStatus(partner, held[0] if held else None, last_on,
                                  (today - last_on).days if last_on else None, interval, issues))
    return rows


def check_in_issue_list(*, user: Any, event: ProjectEvent) -> QuerySet[CheckInIssue]:
    """The issues raised at a check-in with their follow-ups, for the lead partner's members (owner-only)."""
    return visible_queryset(user, CheckInIssue.objects.filter(event=event)).prefetch_related("follow_ups__owner")


def check_in_issue_get(*, user: Any, issue_id: int) -> CheckInIssue:
    issue = visible_queryset(user, CheckInIssue.objects.select_related("event")).filter(pk=issue_id).first()
    if issue is None:
        raise Http404(_("No check-in issue %(id)s.") % {"id": issue_id})
    return issue


def brainstorm_is_participant(*, user: Any, event: ProjectEvent) -> bool:
    """Invited or registered people with an account, and the host's editors (and administrators)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return can_change(user, event) or Registration.objects.filter(
        event=event, person__user=user, status__in=ACTIVE_REGISTRATIONS).exists()


def brainstorm_votes_used(*, user: Any, event: ProjectEvent) -> int:
    return BrainstormVote.objects.filter(idea__event=event, voter=user).count()


def brainstorm_idea_list(*, event: ProjectEvent) -> QuerySet[BrainstormIdea]:
    """The brainstorm's ideas in the order they were posted, with their vote counts."""
    return event.ideas.select_related("theme").annotate(vote_count=Count("votes")).order_by("created_at", "pk")


def brainstorm_idea_get(*, user: Any, idea_id: int) -> BrainstormIdea:
    events = _readable_events(user).filter(kind=EventKind.BRAINSTORM)
    idea = BrainstormIdea.objects.select_related("event").filter(pk=idea_id, event__in=events).first()
    if idea is None:
        raise Http404(_("No brainstorm idea %(id)s.") % {"id": idea_id})
    return idea


def brainstorm_theme_get(*, event: ProjectEvent, theme_id: int) -> Any:
    theme = event.themes.filter(pk=theme_id).first()
    if theme is None:
        raise Http404(_("No theme %(id)s in this brainstorm.") % {"id": theme_id})
    return theme


@dataclass(frozen=True)
class RankedIdea:
    rank: int
    idea_id: int
    text: str
    theme: str
    votes: int
    posted_at: dt.datetime


@dataclass(frozen=True)
class RankedTheme:
    rank: int
    theme_id: int
    title: str
    votes: int
    idea_count: int


@dataclass(frozen=True)
class BrainstormResult:
    """A brainstorm's ranked ideas and themes (rule in this module's docstring)."""

    event: ProjectEvent
    ideas: list[RankedIdea]
    themes: list[RankedTheme]
    votes: int
    voters: int


def brainstorm_result(*, event: ProjectEvent) -> BrainstormResult:
    """The ranked result of a brainstorm (read by the result page, its downloads and, later, action plans)."""
    ideas = sorted(brainstorm_idea_list(event=event), key=lambda idea: (-idea.vote_count, idea.created_at, idea.pk))
    ranked_ideas = [RankedIdea(rank, idea.pk, idea.text, idea.theme.title if idea.theme else "", idea.vote_count,
                               idea.created_at) for rank, idea in enumerate(ideas, start=1)]
    themes = event.themes.annotate(vote_count=Count("ideas__votes"), idea_count=Count("ideas", distinct=True),
                                   first_post=Min("ideas__created_at"))
    never = dt.datetime.max.replace(tzinfo=dt.UTC)  # a theme without ideas comes after those with ideas
    themes = sorted(themes, key=lambda theme: (-theme.vote_count, theme.first_post or never, theme.title))
    ranked_themes = [RankedTheme(rank, theme.pk, theme.title, theme.vote_count, theme.idea_count)
                     for rank, theme in enumerate(themes, start=1)]
    votes = BrainstormVote.objects.filter(idea__event=event)
    return BrainstormResult(event, ranked_ideas, ranked_themes, votes.count(),
                            votes.values("voter").distinct().count())


def event_report_may_view(*, user: Any, event: ProjectEvent) -> bool:
    """The report shows registrations and feedback (owner-only records): the host's editors and administrators."""
    return can_change(user, event)


@dataclass(frozen=True)
class EventReport:
    """Everything the event report shows, read from the records."""

    event: ProjectEvent
    sessions: list[Any]
    participants: list[Registration]
    attendance: AttendanceCounts
    decisions: list[Decision]
    actions: list[FollowUpAction]
    feedback: FeedbackResults
    photos: list[Material]


def event_report(*, event: ProjectEvent) -> EventReport:
    """The event's programme, who attended (by partner and helix), decisions, actions, feedback and photos."""
    attended = list(event.registrations.filter(attended=True).select_related(
        "person__organisation", "partner__organisation").order_by("person__name"))
    photos = list(event.materials.filter(kind=MaterialKind.PHOTO).order_by("title", "pk"))
    return EventReport(event, event_session_list(event=event), attended, attendance_counts(event=event),
                       list(decision_list(event=event)), list(action_list(event=event).order_by("due_on", "pk")),
                       feedback_results(event=event), photos)
