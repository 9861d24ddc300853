"""A semester's progress report as DOCX and XLSX (through `smartcluster.reports`): the same tables as its page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from smartcluster.monitoring.choices import ImplementationStatus, WorkStrand
from smartcluster.monitoring.selectors import SemesterDeliverable, SemesterReport
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes


def semester_report_title(report: SemesterReport) -> str:
    """"Progress report, semester 3: <project>" (and the partner's name for a partner's report)."""
    title = _("Progress report, semester %(semester)s: %(project)s") % {"semester": report.semester,
                                                                      "project": report.project}
    return f"{title} ({report.partner.organisation})" if report.partner else title


def _period(report: SemesterReport) -> str:
    if report.dates is None:
        return _("The project has no start date: its semesters have no dates.")
    return _("From %(first)s to %(last)s.") % {"first": report.dates[0].isoformat(),
                                              "last": report.dates[1].isoformat()}


def _deliverable_rows(rows: list[SemesterDeliverable]) -> list[list[Any]]:
    return [[row.deliverable.title, row.deliverable.get_kind_display(), str(row.deliverable.responsible.organisation),
             row.deliverable.due_semester, row.status_label, row.deliverable.done_on, row.evidence, row.deliverable.evidence_url] for row in rows]


def semester_report_tables(report: SemesterReport) -> list[Table]:
    """The report's tables, in the order its page shows them."""
    deliverable_columns = [_("Deliverable"), _("Kind"), _("Responsible partner"), _("Due in semester"), _("Status"),
                           _("Done on"), _("Evidence"), _("Evidence link")]
    return [
        Table(_("Activities"), [_("Work strand"), _("Activity"), _("Topic"), _("Host")],
              [[WorkStrand(a.strand).label, a.title, a.topic, str(a.host.organisation) if a.host else a.host_name]
               for a in report.activities]),
        Table(_("Deliverables"), deliverable_columns, _deliverable_rows(report.deliverables)),
        Table(_("Late deliverables"), deliverable_columns, _deliverable_rows(report.late)),
        Table(_("Indicators"), [_("Code"), _("Indicator"), _("Unit"), _("Target"), _("Achieved"), _("In drafts")],
              [[r.indicator.code, r.indicator.name, r.indicator.unit, r.target, r.achieved,
                r.drafted] for r in report.indicators]),
        Table(_("Events held"), [_("Event"), _("Kind"), _("Host"), _("Starts")],
              [[e.title, e.get_kind_display(), str(e.host.organisation), e.starts_at.date()] for e in report.events]),
        Table(_("Good practices approved"), [_("Good practice"), _("Partner"), _("Status")],
              [[p.title, str(p.partner.organisation), p.get_status_display()] for p in report.practices]),
        Table(_("Action plans"), [_("Partner"), _("Action"), _("Status"), _("What was done"), _("Explanation"),
                                  _("Evidence")],
              [[str(e.action.plan.partner.organisation), e.action.title, ImplementationStatus(e.status).label, e.what_was_done,
                e.explanation, e.evidence_url] for e in report.entries]),
        Table(_("Partners' reports"), [_("Partner"), _("Status"), _("Submitted on"), _("Summary of the semester")],
              [[str(r.partner.organisation), r.get_status_display(), r.submitted_at.date() if r.submitted_at else None,
                r.summary] for r in report.partner_reports]),
    ]


def semester_report_docx(report: SemesterReport) -> bytes:
    """The report as a Word document: the period, then each table (an empty one says so)."""
    document = WordDocument(semester_report_title(report))
    document.paragraph(_period(report))
    for table in semester_report_tables(report):
        if table.rows:
            document.table(table)
        else:
            document.heading(table.title)
            document.paragraph(_("None."))
    return document.to_bytes()


def semester_report_xlsx(report: SemesterReport) -> bytes:
    """The report as a workbook: one sheet per table."""
    return xlsx_bytes(semester_report_tables(report))
