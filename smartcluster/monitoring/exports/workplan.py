"""The work plan as XLSX (through `smartcluster.reports`): activities, deliverables with their derived status,
and the template's notes."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from smartcluster.monitoring.choices import DeliverableKind, DeliverableStatus, WorkStrand
from smartcluster.monitoring.selectors.workplan import (
    activity_list,
    deliverable_list,
    deliverable_status,
    work_plan_note_list,
)
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes


def work_plan_title(project: Any) -> str:
    return _("Work plan: %(project)s") % {"project": project}


def work_plan_tables(project: Any) -> list[Table]:
    """Activities, deliverables and notes, one table each."""
    activities = [[a.semester, WorkStrand(a.strand).label, a.title, a.topic,
                   str(a.host.organisation) if a.host else a.host_name] for a in activity_list(project=project)]
    deliverables = [[d.due_semester, DeliverableKind(d.kind).label, d.number, d.title, str(d.responsible.organisation),
                     DeliverableStatus(deliverable_status(d)).label, d.done_on, d.evidence_url or d.evidence_note]
                    for d in deliverable_list(project=project)]
    notes = [[n.semester, n.code, n.message, n.resolution] for n in work_plan_note_list(project=project)]
    return [
        Table(_("Activities"), [_("Semester"), _("Work strand"), _("Activity"), _("Topic"), _("Host")], activities),
        Table(_("Deliverables"), [_("Due in semester"), _("Kind"), _("Number"), _("Deliverable"),
                                  _("Responsible partner"), _("Status"), _("Done on"), _("Evidence")], deliverables),
        Table(_("Template notes"), [_("Semester"), _("Kind of defect"), _("What the text says"),
                                    _("How it was resolved")], notes),
    ]


def work_plan_xlsx(project: Any) -> bytes:
    return xlsx_bytes(work_plan_tables(project))
