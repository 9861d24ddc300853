"""Reads of the work plan: activities, deliverables with their status derived from the record they follow, what is
late, a partner's to-do list and the timeline by semester."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from smartcluster.events.choices import CommunicationStatus
from smartcluster.events.selectors import communication_item_list, project_event_list
from smartcluster.learning.choices import PUBLIC_STATUSES
from smartcluster.learning.selectors import good_practice_list
from smartcluster.monitoring.choices import DeliverableStatus, WorkStrand
from smartcluster.monitoring.models import Activity, Deliverable, WorkPlanNote
from smartcluster.monitoring.selectors.access import project_can_read, semester_current, semester_dates

__all__ = ["Timeline", "TimelineCell", "TimelineRow", "activity_get", "activity_list", "deliverable_get",
           "deliverable_late_list", "deliverable_link_choices", "deliverable_link_record", "deliverable_list", "deliverable_status", "work_plan_note_get", "deliverable_todo_list", "work_plan_exists", "work_plan_note_list",
           "work_plan_timeline"]

_OPEN = (DeliverableStatus.PLANNED, DeliverableStatus.IN_PROGRESS)


def activity_list(*, project: Any, semester: int | None = None) -> QuerySet[Activity]:
    """The project's activities in semester and strand order (one semester's when given)."""
    activities = Activity.objects.filter(project=project).select_related("host__organisation")
    return activities.filter(semester=semester) if semester is not None else activities


def deliverable_list(*, project: Any, semester: int | None = None, partner: Any = None) -> QuerySet[Deliverable]:
    """The project's deliverables by due semester (one semester's, one responsible partner's when given)."""
    deliverables = Deliverable.objects.filter(project=project).select_related(
        "responsible__organisation", "activity", "event", "communication_item", "good_practice")
    if semester is not None:
        deliverables = deliverables.filter(due_semester=semester)
    if partner is not None:
        deliverables = deliverables.filter(responsible=partner)
    return deliverables


def _readable(user: Any, record: Any) -> Any:
    if not project_can_read(user, record.project):
        raise Http404
    return record


def activity_get(*, user: Any, pk: Any) -> Activity:
    """An activity the user reads (the partnership's); 404 for anyone else."""
    return _readable(user, _one(Activity.objects.select_related("project", "host__organisation"), pk))


def deliverable_get(*, user: Any, pk: Any) -> Deliverable:
    """A deliverable the user reads (the partnership's); 404 for anyone else."""
    return _readable(user, _one(Deliverable.objects.select_related(
        "project", "responsible__organisation", "activity", "event", "communication_item", "good_practice",
        "updated_by"), pk))


def work_plan_note_get(*, user: Any, pk: Any) -> WorkPlanNote:
    """A note of the template the user reads; 404 for anyone else."""
    return _readable(user, _one(WorkPlanNote.objects.select_related("project"), pk))


def _one(records: QuerySet, pk: Any) -> Any:
    try:
        return records.get(pk=int(pk))
    except (TypeError, ValueError, records.model.DoesNotExist) as error:
        raise Http404 from error


def _linkable(user: Any, project: Any) -> dict[str, QuerySet]:
    return {"event": project_event_list(user=user, project=project.pk),
            "item": communication_item_list(user=user, project=project),
            "practice": good_practice_list(user=user, project=project.pk)}


def deliverable_link_choices(*, user: Any, project: Any) -> list[tuple[str, str]]:
    """The project's records the user reads that a deliverable may follow, as ("event:12", "Workshop in Lamia")."""
    return [(f"{prefix}:{record.pk}", str(record)) for prefix, records in _linkable(user, project).items()
            for record in records]


def deliverable_link_record(*, user: Any, project: Any, value: str) -> Any:
    """The record a choice of `deliverable_link_choices` names; None when it names none the user reads."""
    prefix, _sep, pk = value.partition(":")
    records = _linkable(user, project).get(prefix)
    if records is None or not pk.isdigit():
        return None
    return records.filter(pk=int(pk)).first()


def _linked_done(deliverable: Deliverable, now: dt.datetime) -> bool:
    """Whether the record the deliverable follows is done: an event held, an item published, a practice approved."""
    if deliverable.event is not None:
        return deliverable.event.ends_at <= now
    if deliverable.communication_item is not None:
        return deliverable.communication_item.status == CommunicationStatus.PUBLISHED
    return deliverable.good_practice.status in PUBLIC_STATUSES


def deliverable_status(deliverable: Deliverable, now: dt.datetime | None = None) -> str:
    """The DeliverableStatus value: a linked record's status decides (done, else in progress unless cancelled);
    an unlinked deliverable keeps the status entered."""
    linked = deliverable.event_id or deliverable.communication_item_id or deliverable.good_practice_id
    if not linked or deliverable.status == DeliverableStatus.CANCELLED:
        return deliverable.status
    if _linked_done(deliverable, now or timezone.now()):
        return DeliverableStatus.DONE
    return DeliverableStatus.IN_PROGRESS


def deliverable_late_list(*, project: Any, today: dt.date | None = None) -> list[Deliverable]:
    """Deliverables whose due semester has ended and which are neither done nor cancelled."""
    current = semester_current(project, today or timezone.localdate())
    if current is None:
        return []
    due = deliverable_list(project=project).filter(due_semester__lt=current)
    return [deliverable for deliverable in due if deliverable_status(deliverable) in _OPEN]


def deliverable_todo_list(*, project: Any, partner: Any) -> list[Deliverable]:
    """A partner's open deliverables (neither done nor cancelled), the earliest due first."""
    return [deliverable for deliverable in deliverable_list(project=project, partner=partner)
            if deliverable_status(deliverable) in _OPEN]


def work_plan_exists(*, project: Any) -> bool:
    """Whether the project has started a work plan (an activity or a deliverable)."""
    return Activity.objects.filter(project=project).exists() or Deliverable.objects.filter(project=project).exists()


def work_plan_note_list(*, project: Any, open_only: bool = False) -> QuerySet[WorkPlanNote]:
    """The template's defects noted for the project (the unresolved ones only when asked)."""
    notes = WorkPlanNote.objects.filter(project=project).select_related("resolved_by")
    return notes.filter(resolved_at__isnull=True) if open_only else notes


@dataclass
class TimelineCell:
    semester: int
    activities: list[Activity] = field(default_factory=list)


@dataclass
class TimelineRow:
    strand: str
    label: str
    cells: list[TimelineCell]


@dataclass
class Timeline:
    semesters: list[int]
    current: int | None
    dates: dict[int, tuple[dt.date, dt.date] | None]
    rows: list[TimelineRow]
    deliverables: dict[int, list[tuple[Deliverable, str, str]]]  # deliverable, status, status in words


def work_plan_timeline(*, project: Any, today: dt.date | None = None) -> Timeline:
    """Strands × semesters with their activities, each semester's deliverables with their status, and the
    semester running today."""
    semesters = list(range(1, project.semesters + 1))
    rows = [TimelineRow(strand.value, str(strand.label), [TimelineCell(n) for n in semesters])
            for strand in WorkStrand]
    by_strand = {row.strand: row for row in rows}
    for activity in activity_list(project=project):
        if 1 <= activity.semester <= project.semesters:
            by_strand[activity.strand].cells[activity.semester - 1].activities.append(activity)
    deliverables: dict[int, list[tuple[Deliverable, str, str]]] = {n: [] for n in semesters}
    for deliverable in deliverable_list(project=project):
        status = deliverable_status(deliverable)
        deliverables.setdefault(deliverable.due_semester, []).append(
            (deliverable, status, str(DeliverableStatus(status).label)))
    return Timeline(semesters, semester_current(project, today), {n: semester_dates(project, n) for n in semesters},
                    rows, deliverables)
