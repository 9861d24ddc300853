"""The indicators API (/api/monitoring/…): a project's indicators with their progress (target, achieved by submitted
reports, drafted, live count) and targets, the methods' checks, the partners' progress reports and their values,
list and detail, for the partnership (404 to anyone else); writes with bearer tokens: a report created, a value set,
a report submitted (the partner's editors, the lead's, administrators), a target set and a value reviewed (the
lead's editors, administrators); all through the services."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.models import Indicator, IndicatorTarget, IndicatorValue, ProgressReport
from smartcluster.site.api import answers_refusals

router = Router()


class IndicatorTargetOut(Schema):
    id: int
    partner_id: int | None = Field(None, description="None for the project's own target")
    value: Decimal


class IndicatorProgressOut(Schema):
    id: int = Field(..., alias="indicator.id")
    project_id: int = Field(..., alias="indicator.project_id")
    code: str = Field(..., alias="indicator.code")
    name: str = Field(..., alias="indicator.name")
    unit: str = Field(..., alias="indicator.unit")
    kind: str = Field(..., alias="indicator.kind")
    measure: str = Field(..., alias="indicator.measure")
    target: Decimal | None = Field(None, description="The partner's target, or the project's (explicit, else the sum "
                                                     "of the partners')")
    achieved: Decimal = Field(..., description="Submitted reports up to the semester")
    drafted: Decimal = Field(..., description="Draft reports (not counted yet)")
    live: Decimal | None = Field(None, description="Counted now from the platform's records, for a measured indicator")
    percentage: int | None


class IndicatorDetailOut(IndicatorProgressOut):
    definition: str = Field(..., alias="indicator.definition")
    targets: list[IndicatorTargetOut]

    @staticmethod
    def resolve_targets(obj: Any) -> list[IndicatorTarget]:
        return list(obj.indicator.targets.all())


class IndicatorCheckOut(Schema):
    name: str
    passed: bool
    message: str


class IndicatorFilters(Schema):
    partner: int | None = Field(None, description="Id of a partner of the project: its targets and reports only")
    semester: int | None = Field(None, description="Indicators: achieved up to this semester; reports: of it")


class ProgressReportValueOut(Schema):
    id: int
    report_id: int
    indicator_id: int
    indicator: str = Field(..., alias="indicator.name")
    value: Decimal
    is_computed: bool
    evidence_type: str
    evidence_issuer: str
    evidence_date: dt.date | None
    evidence_url: str
    has_evidence_file: bool
    review: str
    reviewed_at: dt.datetime | None
    review_comment: str = Field(..., description="Why the lead partner rejected (or accepted) the value")
    comment: str

    @staticmethod
    def resolve_has_evidence_file(obj: IndicatorValue) -> bool:
        return bool(obj.evidence_file)


class IndicatorReportOut(Schema):
    id: int
    partner_id: int
    partner: str = Field(..., alias="partner.organisation.name")
    project_id: int = Field(..., alias="partner.project_id")
    semester: int
    status: str
    summary: str
    submitted_at: dt.datetime | None
    values: list[ProgressReportValueOut]

    @staticmethod
    def resolve_values(obj: ProgressReport) -> list[IndicatorValue]:
        return list(obj.values.select_related("indicator"))


class IndicatorReportIn(Schema):
    partner: int = Field(..., description="Id of the reporting partner (of the project)")
    semester: int
    summary: str = ""


class ProgressReportValueIn(Schema):
    indicator: int = Field(..., description="Id of an indicator of the report's project")
    value: Decimal
    evidence_type: str = ""
    evidence_issuer: str = ""
    evidence_date: dt.date | None = None
    evidence_url: str = Field("", description="A link to the evidence document")
    comment: str = ""


class IndicatorTargetIn(Schema):
    partner: int | None = Field(None, description="Id of a partner of the project; None for the project's own target")
    value: Decimal


class IndicatorValueReviewIn(Schema):
    decision: str = Field(..., description="accepted or rejected")
    comment: str = Field("", description="Required for a rejection: why")


def _project(request: HttpRequest, project_id: int) -> Any:
    return selectors.project_monitored_get(user=request.user, project_id=project_id)


def _first(records: QuerySet, pk: int) -> Any:
    """The record of that id, None without one (an id beyond the database's integers included)."""
    try:
        return records.filter(pk=pk).first()
    except OverflowError:
        return None


def _partner(project: Any, partner_id: int | None) -> Any:
    """The project's partner of that id (None without one); 404 for a partner of another project."""
    if partner_id is None:
        return None
    partner = _first(project.partners.select_related("organisation", "project"), partner_id)
    if partner is None:
        raise Http404
    return partner


def _semester(project: Any, semester: int | None) -> int | None:
    return None if semester is None else selectors.semester_checked(project, semester)


def _readable(request: HttpRequest, records: QuerySet, pk: int, project_of: Callable[[Any], Any]) -> Any:
    """The record of that id if the user reads its project's monitoring; 404 otherwise (its existence unsaid)."""
    try:
        record = records.get(pk=pk)
    except (records.model.DoesNotExist, OverflowError) as error:
        raise Http404 from error
    if not selectors.project_can_read(request.user, project_of(record)):
        raise Http404
    return record


def _indicator(request: HttpRequest, indicator_id: int) -> Indicator:
    return _readable(request, Indicator.objects.select_related("project"), indicator_id, lambda row: row.project)


def _report(request: HttpRequest, report_id: int) -> ProgressReport:
    reports = ProgressReport.objects.select_related("partner__organisation", "partner__project")
    return _readable(request, reports, report_id, lambda report: report.partner.project)


@router.get("/projects/{project_id}/indicators/", response=list[IndicatorProgressOut], auth=READ_AUTH)
@paginate(page_size=100)
@answers_refusals
def indicator_list(request: HttpRequest, project_id: int, filters: Query[IndicatorFilters]) -> Any:
    project = _project(request, project_id)
    return selectors.indicator_progress_list(project=project, partner=_partner(project, filters.partner),
                                             semester=_semester(project, filters.semester))


@router.get("/indicators/{indicator_id}", response=IndicatorDetailOut, auth=READ_AUTH)
@answers_refusals
def indicator_detail(request: HttpRequest, indicator_id: int, filters: Query[IndicatorFilters]) -> Any:
    indicator = _indicator(request, indicator_id)
    project = indicator.project
    rows = selectors.indicator_progress_list(project=project, partner=_partner(project, filters.partner),
                                             semester=_semester(project, filters.semester))
    return next(row for row in rows if row.indicator.pk == indicator.pk)


@router.get("/projects/{project_id}/indicator-checks/", response=list[IndicatorCheckOut], auth=READ_AUTH)
def indicator_check_list(request: HttpRequest, project_id: int) -> Any:
    return selectors.indicator_check_list(project=_project(request, project_id))


@router.get("/projects/{project_id}/progress-reports/", response=list[IndicatorReportOut], auth=READ_AUTH)
@paginate(page_size=100)
@answers_refusals
def indicator_report_list(request: HttpRequest, project_id: int, filters: Query[IndicatorFilters]) -> Any:
    project = _project(request, project_id)
    reports = ProgressReport.objects.filter(partner__project=project).select_related("partner__organisation")
    partner, semester = _partner(project, filters.partner), _semester(project, filters.semester)
    if partner is not None:
        reports = reports.filter(partner=partner)
    if semester is not None:
        reports = reports.filter(semester=semester)
    return reports.order_by("semester", "partner_id")


@router.post("/projects/{project_id}/progress-reports/", response=IndicatorReportOut)
@answers_refusals
def indicator_report_create(request: HttpRequest, project_id: int, payload: IndicatorReportIn) -> ProgressReport:
    project = _project(request, project_id)
    partner = _first(project.partners.select_related("project"), payload.partner)
    if partner is None:
        raise ValidationError({"partner": _("The project has no partner %(id)s.") % {"id": payload.partner}})
    return services.progress_report_create(user=request.user, partner=partner, semester=payload.semester,
                                           summary=payload.summary)


@router.get("/progress-reports/{report_id}", response=IndicatorReportOut, auth=READ_AUTH)
def indicator_report_detail(request: HttpRequest, report_id: int) -> ProgressReport:
    return _report(request, report_id)


@router.get("/progress-reports/{report_id}/values/", response=list[ProgressReportValueOut], auth=READ_AUTH)
@paginate(page_size=100)
def progress_report_value_list(request: HttpRequest, report_id: int) -> Any:
    return _report(request, report_id).values.select_related("indicator").order_by("indicator__position", "pk")


@router.post("/progress-reports/{report_id}/values/", response=ProgressReportValueOut)
@answers_refusals
def progress_report_value_set(request: HttpRequest, report_id: int, payload: ProgressReportValueIn) -> IndicatorValue:
    report = _report(request, report_id)
    indicator = _first(Indicator.objects.filter(project_id=report.partner.project_id), payload.indicator)
    if indicator is None:
        raise ValidationError({"indicator": _("The report's project has no indicator %(id)s.")
                               % {"id": payload.indicator}})
    fields = payload.dict(exclude={"indicator"})
    return services.progress_report_value_set(user=request.user, report=report, indicator=indicator, **fields)


@router.post("/progress-reports/{report_id}/submit", response=IndicatorReportOut)
@answers_refusals
def progress_report_submit(request: HttpRequest, report_id: int) -> ProgressReport:
    return services.progress_report_submit(user=request.user, report=_report(request, report_id))


@router.post("/indicators/{indicator_id}/targets", response=IndicatorTargetOut)
@answers_refusals
def indicator_target_set(request: HttpRequest, indicator_id: int, payload: IndicatorTargetIn) -> IndicatorTarget:
    indicator = _indicator(request, indicator_id)
    partner = None
    if payload.partner is not None:
        partner = _first(indicator.project.partners.all(), payload.partner)
        if partner is None:
            raise ValidationError({"partner": _("The project has no partner %(id)s.") % {"id": payload.partner}})
    return services.target_set(user=request.user, indicator=indicator, value=payload.value, partner=partner)


@router.post("/indicator-values/{value_id}/review", response=ProgressReportValueOut)
@answers_refusals
def indicator_value_review(request: HttpRequest, value_id: int, payload: IndicatorValueReviewIn) -> IndicatorValue:
    value = selectors.indicator_value_get(user=request.user, pk=value_id)
    return services.indicator_value_review(user=request.user, value=value, decision=payload.decision,
                                           comment=payload.comment)
