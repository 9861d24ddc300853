"""The semester progress report, generated from the records (never stored): the semester's activities and
deliverables with their derived status and evidence, what is late, the indicators (target / achieved / live), the
events held, the good practices approved, the action plans' monitoring entries and the partners' own reports.

A report is the whole project's (every partner) or one partner's. The other parts' reads are called through their
modules, so this one follows whatever they derive (a linked deliverable's status, an indicator's live count)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.events.selectors import project_event_list
from smartcluster.learning.selectors import good_practice_approved_between
from smartcluster.monitoring.choices import DeliverableStatus
from smartcluster.monitoring.models import ProgressReport
from smartcluster.monitoring.selectors import action_plans as action_plan_reads
from smartcluster.monitoring.selectors import indicators as indicator_reads
from smartcluster.monitoring.selectors import workplan as workplan_reads
from smartcluster.monitoring.selectors.access import (
    project_monitored_get,
    project_partner_get,
    semester_checked,
    semester_current,
    semester_dates,
)

__all__ = ["SemesterDeliverable", "SemesterReport", "SemesterReportChoice",
           "progress_report_semester_list", "semester_report"]


@dataclass(frozen=True)
class SemesterDeliverable:
    """A deliverable as the report shows it: its status derived by the work plan (a linked record's own)."""

    deliverable: Any
    status: str
    status_label: str
    evidence: str  # the linked record, stored file and note in words (the link is the deliverable's evidence_url)


@dataclass(frozen=True)
class SemesterReportChoice:
    """One semester of a project's picker: its dates and whether it has started."""

    semester: int
    dates: tuple[dt.date, dt.date] | None
    is_current: bool
    has_started: bool


@dataclass
class SemesterReport:
    """A semester's report for the project (`partner` None: every partner) or one partner."""

    project: Any
    semester: int
    partner: Any
    dates: tuple[dt.date, dt.date] | None
    is_current: bool
    activities: list[Any] = field(default_factory=list)
    deliverables: list[SemesterDeliverable] = field(default_factory=list)
    late: list[SemesterDeliverable] = field(default_factory=list)
    indicators: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    practices: list[Any] = field(default_factory=list)
    entries: list[Any] = field(default_factory=list)
    partner_reports: list[Any] = field(default_factory=list)


def progress_report_semester_list(*, project: Any, today: dt.date | None = None) -> list[SemesterReportChoice]:
    """Every semester of the project (1 … its number), dated from its start, the running one marked."""
    current = semester_current(project, today)
    return [SemesterReportChoice(n, semester_dates(project, n), n == current, current is not None and n <= current)
            for n in range(1, project.semesters + 1)]


def _evidence(deliverable: Any) -> str:
    """What proves the deliverable besides its link, in words: the record it follows, its stored file, its note."""
    linked = deliverable.event or deliverable.communication_item or deliverable.good_practice
    parts = [str(linked) if linked is not None else "", _("file stored") if deliverable.evidence_file else "",
             deliverable.evidence_note]
    return "; ".join(part for part in parts if part)


def _with_status(deliverables: Any) -> list[SemesterDeliverable]:
    rows = []
    for deliverable in deliverables:
        status = workplan_reads.deliverable_status(deliverable)
        rows.append(SemesterDeliverable(deliverable, status, DeliverableStatus(status).label, _evidence(deliverable)))
    return rows


def _activities(project: Any, semester: int, partner: Any, deliverables: list[SemesterDeliverable]) -> list[Any]:
    """The semester's activities; a partner's report keeps those it hosts or delivers for."""
    activities = list(workplan_reads.activity_list(project=project, semester=semester))
    if partner is None:
        return activities
    delivering = {row.deliverable.activity_id for row in deliverables}
    return [a for a in activities if a.host_id == partner.pk or a.pk in delivering]


def _events(user: Any, project: Any, semester: int, partner: Any, now: dt.datetime) -> list[Any]:
    """Events of the project held in the semester (derived from each event's start day), ended by `now`."""
    events = project_event_list(user=user, project=project.pk, semester=semester, when="past", now=now)
    if partner is not None:
        events = events.filter(host=partner)
    return list(events)


def _practices(project: Any, dates: tuple[dt.date, dt.date] | None, partner: Any) -> list[Any]:
    """Practices approved by the project within the semester's days (in the site's time zone)."""
    if dates is None:
        return []
    zone = timezone.get_current_timezone()
    first = dt.datetime.combine(dates[0], dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(dates[1] + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return list(good_practice_approved_between(project=project, first=first, after=after, partner=partner))


def _indicators(project: Any, partner: Any, semester: int) -> list[Any]:
    """The indicators' progress rows up to the semester (the indicators part's roll-up)."""
    return list(indicator_reads.indicator_progress_list(project=project, partner=partner, semester=semester))


def semester_report(*, user: Any, project_id: Any, semester: Any, partner_id: Any = None,
                    today: dt.date | None = None) -> SemesterReport:
    """The semester's report as the reader may read it (404 outside the partnership, for a semester outside the
    project or a partner of another project)."""
    project = project_monitored_get(user=user, project_id=project_id)
    try:
        semester = semester_checked(project, semester)
    except ValidationError as error:  # a semester outside the project is a page that does not exist
        raise Http404 from error
    partner = project_partner_get(project=project, partner_id=partner_id) if partner_id else None
    today = today or timezone.localdate()
    deliverables = _with_status(workplan_reads.deliverable_list(project=project, semester=semester, partner=partner))
    late = [row for row in _with_status(workplan_reads.deliverable_late_list(project=project, today=today))
            if partner is None or row.deliverable.responsible_id == partner.pk]
    dates = semester_dates(project, semester)
    reports = ProgressReport.objects.filter(partner__project=project, semester=semester).select_related(
        "partner__organisation", "submitted_by")
    return SemesterReport(
        project=project, semester=semester, partner=partner, dates=dates,
        is_current=semester == semester_current(project, today),
        activities=_activities(project, semester, partner, deliverables), deliverables=deliverables, late=late,
        indicators=_indicators(project, partner, semester),
        events=_events(user, project, semester, partner, timezone.now()),
        practices=_practices(project, dates, partner),
        entries=list(action_plan_reads.monitoring_entry_list(project=project, semester=semester, partner=partner)),
        partner_reports=list(reports.filter(partner=partner) if partner is not None else reports))
