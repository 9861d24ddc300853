"""The reports API (/api/monitoring/projects/{id}/reports/…): a project's semesters and a semester's report, for the
project or one partner (`?partner=`), as JSON; the partnership and administrators read it (404 to anyone else)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.monitoring import selectors

router = Router()


class SemesterReportSemesterOut(Schema):
    semester: int
    starts_on: dt.date | None
    ends_on: dt.date | None
    is_current: bool
    has_started: bool


class SemesterReportActivityOut(Schema):
    id: int
    strand: str
    title: str
    topic: str
    host: str


class SemesterReportDeliverableOut(Schema):
    id: int
    kind: str
    number: int | None
    title: str
    responsible: str
    due_semester: int
    status: str
    done_on: dt.date | None
    evidence: str
    evidence_url: str


class SemesterReportIndicatorOut(Schema):
    code: str
    name: str
    unit: str
    kind: str
    target: Decimal | None
    achieved: Decimal | None
    drafted: Decimal | None


class SemesterReportEventOut(Schema):
    id: int
    kind: str
    title: str
    host: str
    starts_at: dt.datetime


class SemesterReportPracticeOut(Schema):
    id: int
    title: str
    partner: str
    status: str


class SemesterReportEntryOut(Schema):
    id: int
    partner: str
    action: str
    status: str
    what_was_done: str
    explanation: str
    evidence_url: str


class SemesterReportPartnerOut(Schema):
    partner: str
    status: str
    summary: str
    submitted_at: dt.datetime | None


class SemesterReportOut(Schema):
    project_id: int
    project: str
    semester: int
    partner_id: int | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    is_current: bool
    activities: list[SemesterReportActivityOut]
    deliverables: list[SemesterReportDeliverableOut]
    late: list[SemesterReportDeliverableOut]
    indicators: list[SemesterReportIndicatorOut]
    events: list[SemesterReportEventOut]
    practices: list[SemesterReportPracticeOut]
    entries: list[SemesterReportEntryOut]
    partner_reports: list[SemesterReportPartnerOut]


def _deliverable(row: selectors.SemesterDeliverable) -> dict[str, Any]:
    d = row.deliverable
    return {"id": d.pk, "kind": d.kind, "number": d.number, "title": d.title, "responsible": str(d.responsible.organisation),
            "due_semester": d.due_semester, "status": row.status, "done_on": d.done_on, "evidence": row.evidence,
            "evidence_url": d.evidence_url}


def _indicator(row: Any) -> dict[str, Any]:
    indicator = row.indicator
    return {"code": indicator.code, "name": indicator.name, "unit": indicator.unit, "kind": indicator.kind,
            "target": row.target, "achieved": row.achieved, "drafted": row.drafted}


def _report(report: selectors.SemesterReport) -> dict[str, Any]:
    """The report's records as plain values (names rather than ids where people read them)."""
    first, last = report.dates or (None, None)
    return {
        "project_id": report.project.pk, "project": str(report.project), "semester": report.semester,
        "partner_id": report.partner.pk if report.partner else None, "starts_on": first, "ends_on": last,
        "is_current": report.is_current,
        "activities": [{"id": a.pk, "strand": a.strand, "title": a.title, "topic": a.topic,
                        "host": str(a.host.organisation) if a.host else a.host_name} for a in report.activities],
        "deliverables": [_deliverable(row) for row in report.deliverables],
        "late": [_deliverable(row) for row in report.late],
        "indicators": [_indicator(row) for row in report.indicators],
        "events": [{"id": e.pk, "kind": e.kind, "title": e.title, "host": str(e.host.organisation), "starts_at": e.starts_at}
                   for e in report.events],
        "practices": [{"id": p.pk, "title": p.title, "partner": str(p.partner.organisation), "status": p.status}
                      for p in report.practices],
        "entries": [{"id": e.pk, "partner": str(e.action.plan.partner.organisation), "action": e.action.title, "status": e.status,
                     "what_was_done": e.what_was_done, "explanation": e.explanation, "evidence_url": e.evidence_url}
                    for e in report.entries],
        "partner_reports": [{"partner": str(r.partner.organisation), "status": r.status, "summary": r.summary,
                             "submitted_at": r.submitted_at} for r in report.partner_reports],
    }


@router.get("/projects/{project_id}/reports/", response=list[SemesterReportSemesterOut], auth=READ_AUTH)
def progress_report_semesters(request: HttpRequest, project_id: int) -> Any:
    """The project's semesters with their dates, the running one marked."""
    project = selectors.project_monitored_get(user=request.user, project_id=project_id)
    return [{"semester": c.semester, "starts_on": c.dates[0] if c.dates else None,
             "ends_on": c.dates[1] if c.dates else None, "is_current": c.is_current, "has_started": c.has_started}
            for c in selectors.progress_report_semester_list(project=project)]


@router.get("/projects/{project_id}/reports/{semester}", response=SemesterReportOut, auth=READ_AUTH)
def progress_report_semester(request: HttpRequest, project_id: int, semester: int, partner: int | None = None
                             ) -> Any:
    """The semester's report for the project, or for one of its partners (`partner` = the partner's id)."""
    return _report(selectors.semester_report(user=request.user, project_id=project_id, semester=semester,
                                             partner_id=partner))
