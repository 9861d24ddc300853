"""Downloads of the events app (composed with smartcluster.reports): the communication plan and its items as XLSX."""

from __future__ import annotations

from collections.abc import Sequence, Set

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.events.models import CommunicationItem, CommunicationPlan
from smartcluster.events.selectors.communication import (
    CommunicationKindCount,
    CommunicationKpiProgress,
    communication_item_state,
)
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes

STATE_LABELS = {"due": gettext_lazy("due this semester"), "late": gettext_lazy("late")}


def _plan_table(project: object, plan: CommunicationPlan | None, semester: int | None) -> Table:
    rows = [[_("Project"), str(project)], [_("Current semester"), semester if semester is not None else "—"]]
    if plan is not None:
        rows += [[_("Communication partner"), str(plan.responsible.organisation)], [_("Objectives"), plan.objectives]]
    return Table(_("Plan"), [], rows)


def _entries_table(title: str, entries: Sequence[object]) -> Table:
    return Table(title, [_("Name"), _("Description")], [[entry.name, entry.description] for entry in entries])


def kpis_table(progress: Sequence[CommunicationKpiProgress]) -> Table:
    columns = [_("Indicator"), _("Unit"), _("Target"), _("Achieved"), _("Share of the target"), _("How it is obtained")]
    rows = [[p.kpi.name, p.kpi.unit, p.kpi.target, p.achieved, None if p.percent is None else round(p.percent, 1),
             p.basis] for p in progress]
    return Table(_("KPIs"), columns, rows)


def kinds_table(counts: Sequence[CommunicationKindCount]) -> Table:
    columns = [_("Kind"), _("Planned"), _("Published"), _("Reach of the published")]
    return Table(_("Per kind"), columns, [[c.label, c.planned, c.published, c.reach] for c in counts])


def items_table(items: Sequence[CommunicationItem], semester: int | None, readable: Set[int]) -> Table:
    """Every item with whether it is due or late; of the events it reports on, those in `readable` (ids)."""
    columns = [_("Kind"), _("Number"), _("Title"), _("Due in semester"), _("Responsible partner"), _("Status"),
               _("Due or late"), _("Published on"), _("Link"), _("Reach"), _("Events it reports on")]
    rows = [[item.get_kind_display(), item.number, item.title, item.due_semester, str(item.responsible.organisation),
             item.get_status_display(), str(STATE_LABELS.get(communication_item_state(item, semester) or "", "")),
             item.published_on, item.url, item.reach, "; ".join(str(event) for event in item.events.all() if event.pk in readable)]
            for item in items]
    return Table(_("Items"), columns, rows)


def communication_workbook(*, project: object, plan: CommunicationPlan | None, semester: int | None,
                           progress: Sequence[CommunicationKpiProgress], counts: Sequence[CommunicationKindCount],
                           items: Sequence[CommunicationItem], readable_events: Set[int]) -> bytes:
    """The plan (objectives, target groups, channels, KPIs with their achieved values), counts per kind, and every
    item with whether it is due or late (naming only the events in `readable_events`), one sheet each."""
    tables = [_plan_table(project, plan, semester)]
    if plan is not None:
        tables += [_entries_table(_("Target groups"), list(plan.target_groups.all())),
                   _entries_table(_("Channels"), list(plan.channels.all())), kpis_table(progress)]
    return xlsx_bytes([*tables, kinds_table(counts), items_table(items, semester, readable_events)])
