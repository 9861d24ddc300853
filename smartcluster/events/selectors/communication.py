"""Reads of the events app: the communication plan, its items, what is due and late, and its KPIs' achieved values.

An item is open while planned or in progress; it is *due* when its due semester is the project's current semester
and *late* when that semester has passed (a published or cancelled item is neither). Semesters come from
`project_semester` (calendar part), never stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.accounts.permissions import can_change, editable_queryset, visible_queryset
from smartcluster.events.models import (
    CommunicationChannel,
    CommunicationItem,
    CommunicationKind,
    CommunicationKpi,
    CommunicationPlan,
    CommunicationStatus,
    KpiMeasure,
    ProjectEvent,
    TargetGroup,
)
from smartcluster.events.selectors.calendar import project_semester
from smartcluster.organisations.selectors import partner_list

__all__ = [
    "OPEN_STATUSES",
    "CommunicationBoard",
    "CommunicationKindCount",
    "CommunicationKpiProgress",
    "communication_board",
    "communication_entry_get",
    "communication_item_events",
    "communication_item_get",
    "communication_item_list",
    "communication_item_state",
    "communication_kind_counts",
    "communication_kpi_progress",
    "communication_plan_get",
    "communication_plan_list",
    "communication_plannable_partners",
    "communication_project_partners",
]

OPEN_STATUSES = (CommunicationStatus.PLANNED, CommunicationStatus.IN_PROGRESS)


def communication_plan_list(*, user: Any) -> QuerySet[CommunicationPlan]:
    """The communication plans the user may read (plans are public)."""
    return visible_queryset(user, CommunicationPlan.objects.select_related(
        "project", "responsible__organisation")).prefetch_related("target_groups", "channels", "kpis")


def communication_plan_get(*, user: Any, project: Any = None, pk: int | None = None) -> CommunicationPlan | None:
    """The project's plan (or the plan `pk`), None when there is none the user may read."""
    plans = communication_plan_list(user=user)
    return plans.filter(project=project).first() if project is not None else plans.filter(pk=pk).first()


# What a missing plan entry answers (the API shows it), by kind of entry.
_ENTRY_MISSING = {
    TargetGroup: gettext_lazy("No target group %(id)s."),
    CommunicationChannel: gettext_lazy("No channel %(id)s."),
    CommunicationKpi: gettext_lazy("No communication KPI %(id)s."),
}


def communication_entry_get(*, model: type[Any], pk: int) -> Any:
    """One target group, channel or KPI (`model`) with its plan's partner (404 when there is none; callers check
    who may change the plan)."""
    entry = model.objects.select_related("plan__responsible__organisation").filter(pk=pk).first()
    if entry is None:
        raise Http404(_ENTRY_MISSING[model] % {"id": pk})
    return entry


def communication_project_partners(*, user: Any, project: Any) -> QuerySet[Any]:
    """The project's partners (those whose organisation the user may see), by name."""
    return partner_list(user=user, project_id=project.pk).order_by("organisation__name")


def communication_plannable_partners(*, user: Any, project: Any) -> QuerySet[Any]:
    """The partners the user may plan items for: all of the project's for the communication partner's editors (and
    administrators), else the partners the user edits for."""
    partners = communication_project_partners(user=user, project=project)
    plan = CommunicationPlan.objects.filter(project=project).first()
    return partners if plan is not None and can_change(user, plan) else editable_queryset(user, partners)


def communication_item_list(*, user: Any, project: Any = None, kind: str | None = None, status: str | None = None,
                            semester: int | None = None, responsible: int | None = None,
                            search: str | None = None) -> QuerySet[CommunicationItem]:
    """Items the user may read, filtered by project, kind, status, due semester and responsible partner (id)."""
    items = visible_queryset(user, CommunicationItem.objects.select_related(
        "project", "responsible__organisation")).prefetch_related("events")
    filters = {"project": project, "kind": kind, "status": status, "due_semester": semester,
               "responsible_id": responsible}
    items = items.filter(**{name: value for name, value in filters.items() if value not in (None, "")})
    if search:
        items = items.filter(title__icontains=search)
    return items.order_by("project", "due_semester", "kind", "number")


def communication_item_get(*, user: Any, pk: int) -> CommunicationItem:
    item = communication_item_list(user=user).filter(pk=pk).first()
    if item is None:
        raise Http404(_("No communication item %(id)s that you may read.") % {"id": pk})
    return item


def communication_item_events(*, user: Any, item: CommunicationItem) -> QuerySet[ProjectEvent]:
    """The project events the item reports on that the user may read."""
    return visible_queryset(user, item.events.all())


def communication_item_state(item: CommunicationItem, current_semester: int | None) -> str | None:
    """"due", "late" or None for an item, given the project's current semester (None before the start)."""
    if current_semester is None or item.status not in OPEN_STATUSES:
        return None
    if item.due_semester < current_semester:
        return "late"
    return "due" if item.due_semester == current_semester else None


@dataclass(frozen=True)
class CommunicationBoard:
    """What is due this semester and what is late, for one project on one day."""

    project: Any
    on: dt.date
    semester: int | None
    due: list[CommunicationItem]
    late: list[CommunicationItem]

    @property
    def after_project(self) -> bool:
        return self.semester is not None and self.semester > self.project.semesters


def communication_board(*, user: Any, project: Any, on: dt.date | None = None,
                        responsible: int | None = None) -> CommunicationBoard:
    """Open items due in the project's current semester, and open items whose due semester has passed."""
    on = on or timezone.localdate()
    semester = project_semester(project=project, on=on)
    items = communication_item_list(user=user, project=project, responsible=responsible).filter(
        status__in=OPEN_STATUSES)
    if semester is None:
        return CommunicationBoard(project, on, None, [], [])
    return CommunicationBoard(project, on, semester, due=list(items.filter(due_semester=semester)),
                              late=list(items.filter(due_semester__lt=semester)))


@dataclass(frozen=True)
class CommunicationKindCount:
    kind: str
    label: str
    planned: int
    published: int
    reach: int


def communication_kind_counts(*, user: Any, project: Any) -> list[CommunicationKindCount]:
    """Per kind of item: items planned (not cancelled), items published and their reach summed."""
    rows = communication_item_list(user=user, project=project).order_by().values("kind").annotate(
        planned=Count("pk", filter=~Q(status=CommunicationStatus.CANCELLED)),
        published=Count("pk", filter=Q(status=CommunicationStatus.PUBLISHED)),
        reach=Sum("reach", filter=Q(status=CommunicationStatus.PUBLISHED)))
    by_kind = {row["kind"]: row for row in rows}
    return [CommunicationKindCount(kind.value, str(kind.label), by_kind[kind]["planned"], by_kind[kind]["published"],
                                   by_kind[kind]["reach"] or 0)
            for kind in CommunicationKind if kind in by_kind]


@dataclass(frozen=True)
class CommunicationKpiProgress:
    """A KPI with its achieved value (None when not known) and a sentence saying how the value was obtained."""

    kpi: CommunicationKpi
    achieved: int | None
    basis: str

    @property
    def percent(self) -> float | None:
        """Achieved in % of the target."""
        if self.achieved is None or not self.kpi.target:
            return None
        return self.achieved / self.kpi.target * 100


def _kind_words(kind: str) -> str:
    return str(CommunicationKind(kind).label) if kind else _("every kind")


def _counted(kpi: CommunicationKpi, published: QuerySet[CommunicationItem]) -> CommunicationKpiProgress:
    """The achieved value of a counted KPI, from the project's published items (of its kind, if it names one)."""
    items = published.filter(kind=kpi.item_kind) if kpi.item_kind else published
    words = {"kind": _kind_words(kpi.item_kind), "count": items.count()}
    if kpi.measure == KpiMeasure.ITEMS_PUBLISHED:
        return CommunicationKpiProgress(kpi, words["count"], _("Counted: published items (%(kind)s).") % words)
    if kpi.measure == KpiMeasure.REACH:
        words["without"] = items.filter(reach__isnull=True).count()
        reach = items.aggregate(total=Sum("reach"))["total"] or 0
        basis = _("Summed: reach of the %(count)s published items (%(kind)s)") % words
        if words["without"]:
            basis += _(", %(without)s of them without a reach recorded") % words
        return CommunicationKpiProgress(kpi, reach, basis + ".")
    events = ProjectEvent.objects.filter(communication_items__in=items).distinct().count()
    return CommunicationKpiProgress(kpi, events, _("Counted: events that published items (%(kind)s) report "
                                                   "on.") % words)


def communication_kpi_progress(*, plan: CommunicationPlan) -> list[CommunicationKpiProgress]:
    """Each KPI of the plan with its achieved value: counted from the project's published items where the KPI says
    so, else the value the communication partner entered (None when none was)."""
    published = CommunicationItem.objects.filter(project=plan.project_id, status=CommunicationStatus.PUBLISHED)
    progress = []
    for kpi in plan.kpis.all():
        if kpi.measure == KpiMeasure.MANUAL:
            basis = _("Entered by the communication partner.") if kpi.achieved is not None else _("Not entered yet.")
            progress.append(CommunicationKpiProgress(kpi, kpi.achieved, basis))
        else:
            progress.append(_counted(kpi, published))
    return progress
