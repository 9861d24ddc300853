"""Reads of the events app: calendar (semesters, project events and their agenda, stakeholder groups)."""

from __future__ import annotations

import calendar as std_calendar
import datetime as dt
import zoneinfo
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core import signing
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import (
    can_change,
    editable_organisation_ids,
    is_administrator,
    visible_queryset,
)
from smartcluster.events.choices import EventKind
from smartcluster.events.models import EventSession, ProjectEvent, StakeholderGroup, StakeholderGroupMember
from smartcluster.organisations.choices import HELIX_ROLE_BY_TYPE, HelixRole
from smartcluster.organisations.selectors import partner_list

__all__ = [
    "CalendarMonth",
    "MeetingPlanRow",
    "event_session_get",
    "event_session_list",
    "months_after",
    "project_event_can_change",
    "project_event_feed_token",
    "project_event_feed_user",
    "project_event_get",
    "project_event_host_choices",
    "project_event_list",
    "project_event_local_date",
    "project_event_month",
    "project_event_semester",
    "project_semester",
    "semester_starts_on",
    "stakeholder_group_can_change",
    "stakeholder_group_get",
    "stakeholder_group_list",
    "stakeholder_group_meeting_plan",
    "stakeholder_member_get",
    "stakeholder_member_helix",
    "stakeholder_member_list",
    "stakeholder_members_on",
]

SEMESTER_MONTHS = 6


def months_after(day: date, months: int) -> date:
    """The same day `months` later; a day the target month lacks becomes its last day (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, std_calendar.monthrange(year, month)[1]))


def semester_starts_on(*, project: Any, semester: int) -> date | None:
    """First day of semester `semester` (1-based), always counted from the start date (never chained)."""
    if project.start_date is None or semester < 1:
        return None
    return months_after(project.start_date, SEMESTER_MONTHS * (semester - 1))


def project_semester(*, project: Any, on: date) -> int | None:
    """The semester `on` falls in: n covers [start + 6(n−1) months, start + 6n months); None before the start.

    After the project's last semester the number is returned anyway (pages mark it "after the project").
    Month ends are clamped (see `months_after`), so a project starting 31 August has its second semester
    start on 28/29 February and its third on 31 August again.
    """
    start = project.start_date
    if start is None or on < start:
        return None
    months = (on.year - start.year) * 12 + on.month - start.month
    semester = months // SEMESTER_MONTHS + 1
    # The month count can overshoot by one semester when `on` is before the (clamped) day of its month.
    if on < months_after(start, SEMESTER_MONTHS * (semester - 1)):
        semester -= 1
    return semester


# --- project events ----------------------------------------------------------------------------------------------

def project_event_local_date(event: ProjectEvent) -> date:
    """The day the event starts, in its own time zone (the day its semester is derived from)."""
    return event.starts_at.astimezone(zoneinfo.ZoneInfo(event.time_zone)).date()


def project_event_semester(event: ProjectEvent) -> int | None:
    """The event's semester, derived from its project's start date and its own start day."""
    return project_semester(project=event.project, on=project_event_local_date(event))


def _events() -> QuerySet[ProjectEvent]:
    return ProjectEvent.objects.select_related(
        "project", "host__organisation", "partner_met__organisation", "stakeholder_group", "matchmaking_event")


def project_event_list(*, user: Any, project: int | None = None, kind: str = "", host: int | None = None,
                       semester: int | None = None, when: str = "", now: dt.datetime | None = None,
                       public_only: bool = False, pks: Collection[int] | None = None) -> QuerySet[ProjectEvent]:
    """Events the user may read (public ones; internal ones to the project's partners), narrowed by filters.

    `when` is "upcoming" (not ended yet) or "past"; `semester` is derived per event, never stored; `pks` keeps
    only those ids.
    """
    events = _events().filter(is_published=True) if public_only else visible_queryset(user, _events())
    if project is not None:
        events = events.filter(project_id=project)
    if pks is not None:
        events = events.filter(pk__in=pks)
    if kind:
        events = events.filter(kind=kind)
    if host is not None:
        events = events.filter(host_id=host)
    now = now or timezone.now()
    if when == "upcoming":
        events = events.filter(ends_at__gte=now)
    elif when == "past":
        events = events.filter(ends_at__lt=now)
    if semester is not None:
        # Derived from each event's local start day: a few hundred events a project, read once.
        events = events.filter(pk__in=[event.pk for event in events if project_event_semester(event) == semester])
    return events.order_by("starts_at", "pk")


def project_event_get(*, user: Any, pk: int) -> ProjectEvent:
    """One event the user may read (404 otherwise, so an internal event does not leak)."""
    event = visible_queryset(user, _events()).filter(pk=pk).first()
    if event is None:
        raise Http404(_("No such project event."))
    return event


def project_event_can_change(*, user: Any, event: ProjectEvent) -> bool:
    return can_change(user, event)


def project_event_host_choices(*, user: Any) -> QuerySet[Any]:
    """The partners the user may host events for (administrators: every partner)."""
    partners = partner_list(user=user)
    return partners if is_administrator(user) else partners.filter(organisation__in=editable_organisation_ids(user))


def event_session_list(*, event: ProjectEvent) -> list[EventSession]:
    """The agenda, with each item's times converted to the event's zone (`local_start`, `local_end`)."""
    zone = zoneinfo.ZoneInfo(event.time_zone)
    sessions = list(event.sessions.all())
    for session in sessions:
        session.local_start = session.starts_at.astimezone(zone)
        session.local_end = session.ends_at.astimezone(zone)
    return sessions


def event_session_get(*, pk: int) -> EventSession:
    """One agenda item with its event (404 when there is none; callers check who may change the event)."""
    session = EventSession.objects.select_related("event").filter(pk=pk).first()
    if session is None:
        raise Http404(_("No such agenda item."))
    return session


@dataclass
class CalendarMonth:
    """A month as weeks of days (Monday first); days outside the month are None, each day lists its events."""

    first: date
    weeks: list[list[tuple[date, list[ProjectEvent]] | None]]
    previous: date
    next: date


def project_event_month(*, events: QuerySet[ProjectEvent], year: int, month: int) -> CalendarMonth:
    """The month's calendar of these events, each shown on every day it spans (in its own time zone)."""
    first = date(year, month, 1)
    last = date(year, month, std_calendar.monthrange(year, month)[1])
    # A day's margin either side: local days can differ from UTC ones.
    window = events.filter(starts_at__date__lte=last + dt.timedelta(days=1),
                           ends_at__date__gte=first - dt.timedelta(days=1))
    by_day: dict[date, list[ProjectEvent]] = {}
    for event in window:
        zone = zoneinfo.ZoneInfo(event.time_zone)
        day, end = event.starts_at.astimezone(zone).date(), event.ends_at.astimezone(zone).date()
        while day <= end:
            by_day.setdefault(day, []).append(event)
            day += dt.timedelta(days=1)
    weeks = [[(day, by_day.get(day, [])) if day.month == month else None for day in week]
             for week in std_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)]
    return CalendarMonth(first=first, weeks=weeks, previous=months_after(first, -1), next=months_after(first, 1))


FEED_SALT = "smartcluster.events.calendar-feed"


def project_event_feed_token(*, user: Any) -> str:
    """The secret of the user's own feed (internal events included): calendar apps cannot log in."""
    return signing.Signer(salt=FEED_SALT, sep=".").sign(str(user.pk))


def project_event_feed_user(*, token: str) -> Any:
    """The active user whose feed token this is, or None (a forged or altered token)."""
    try:
        pk = signing.Signer(salt=FEED_SALT, sep=".").unsign(token)
    except signing.BadSignature:
        return None
    owner = ProjectEvent._meta.get_field("created_by").related_model
    return owner.objects.filter(pk=pk, is_active=True).first()


# --- stakeholder groups ------------------------------------------------------------------------------------------

def stakeholder_group_list(*, project: int | None = None) -> QuerySet[StakeholderGroup]:
    """Stakeholder groups are public (who takes part in a region's group is what the project reports)."""
    groups = StakeholderGroup.objects.select_related("partner__organisation", "partner__project")
    if project is not None:
        groups = groups.filter(partner__project_id=project)
    return groups.order_by("partner__project__acronym", "partner__organisation__name")


def stakeholder_group_get(*, pk: int) -> StakeholderGroup:
    group = stakeholder_group_list().filter(pk=pk).first()
    if group is None:
        raise Http404(_("No such stakeholder group."))
    return group


def stakeholder_group_can_change(*, user: Any, group: StakeholderGroup) -> bool:
    return can_change(user, group)


def stakeholder_member_helix(member: StakeholderGroupMember) -> str:
    """The member's helix, derived from its organisation's type (organisations' quadruple-helix rule)."""
    return HELIX_ROLE_BY_TYPE.get(member.organisation.type, HelixRole.CIVIL_SOCIETY)


def stakeholder_member_list(*, group: StakeholderGroup) -> list[StakeholderGroupMember]:
    """Every membership of the group (past ones too), each with its derived `helix`."""
    members = list(group.members.select_related("organisation", "person"))
    for member in members:
        member.helix = stakeholder_member_helix(member)
        member.helix_label = HelixRole(member.helix).label
    return members


def stakeholder_member_get(*, pk: int) -> StakeholderGroupMember:
    """One membership with its group's partner (404 when there is none; callers check who may change it)."""
    member = StakeholderGroupMember.objects.select_related("group__partner").filter(pk=pk).first()
    if member is None:
        raise Http404(_("No such member."))
    return member


def stakeholder_members_on(*, group: StakeholderGroup, on: date) -> list[StakeholderGroupMember]:
    """The members on a day: joined on or before it and not left before it (a member leaving that day counts)."""
    return [member for member in stakeholder_member_list(group=group)
            if member.joined_on <= on and (member.left_on is None or member.left_on >= on)]


@dataclass
class MeetingPlanRow:
    """One semester of a group: meetings planned against those held (ended) and those still to come."""

    semester: int
    starts_on: date
    planned: int
    held: list[ProjectEvent] = field(default_factory=list)
    upcoming: list[ProjectEvent] = field(default_factory=list)

    @property
    def missing(self) -> int:
        return max(0, self.planned - len(self.held) - len(self.upcoming))


def stakeholder_group_meeting_plan(*, user: Any, group: StakeholderGroup,
                                   now: dt.datetime | None = None) -> list[MeetingPlanRow]:
    """Per semester of the project: planned meetings (`meetings_per_semester`) and the group's stakeholder
    meetings held or to come; a meeting after the last semester gets a row of its own (nothing planned)."""
    project = group.partner.project
    now = now or timezone.now()
    rows = {n: MeetingPlanRow(semester=n, starts_on=semester_starts_on(project=project, semester=n),
                              planned=group.meetings_per_semester)
            for n in range(1, project.semesters + 1)} if project.start_date else {}
    meetings = visible_queryset(user, _events()).filter(stakeholder_group=group,
                                                        kind=EventKind.STAKEHOLDER_MEETING)
    for event in meetings:
        semester = project_event_semester(event)
        if semester is None:
            continue
        row = rows.setdefault(semester, MeetingPlanRow(
            semester=semester, starts_on=semester_starts_on(project=project, semester=semester), planned=0))
        (row.held if event.ends_at < now else row.upcoming).append(event)
    return [rows[n] for n in sorted(rows)]
