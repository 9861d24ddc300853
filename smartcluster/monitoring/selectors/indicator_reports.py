"""Reads of the indicators' planning, reporting and review pages: the plan's targets per partner, a partner's
reports by semester, a report's rows (measured or entered by hand), and the lead's review queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404

from smartcluster.monitoring.choices import EvidenceReview, IndicatorCode, IndicatorMeasure, ReportStatus
from smartcluster.monitoring.models import Indicator, IndicatorValue, ProgressReport
from smartcluster.monitoring.selectors.access import project_can_read

__all__ = ["IndicatorReportRow", "indicator_report_rows", "indicator_review_list", "indicator_target_map",
           "indicator_defaults_missing", "indicator_targets_chosen", "indicator_value_get", "progress_report_get", "progress_report_semesters"]


def _readable(records: Any, pk: Any, user: Any, project_of: Any) -> Any:
    """The record if the user reads its project's monitoring; 404 otherwise (its existence unsaid)."""
    try:
        record = records.get(pk=int(pk))
    except (records.model.DoesNotExist, OverflowError, TypeError, ValueError) as error:
        raise Http404 from error
    if not project_can_read(user, project_of(record)):
        raise Http404
    return record


def progress_report_get(*, user: Any, pk: Any) -> ProgressReport:
    """A progress report for the readers of its project; 404 for anyone else."""
    reports = ProgressReport.objects.select_related("partner__organisation", "partner__project")
    return _readable(reports, pk, user, lambda report: report.partner.project)


def indicator_value_get(*, user: Any, pk: Any) -> IndicatorValue:
    """A reported value for the readers of its project; 404 for anyone else."""
    values = IndicatorValue.objects.select_related("indicator", "report__partner__organisation",
                                                   "report__partner__project")
    return _readable(values, pk, user, lambda value: value.report.partner.project)


def indicator_defaults_missing(*, project: Any) -> bool:
    """Is any of the verified codes not yet an indicator of the project?"""
    return project.indicators.exclude(code="").count() < len(IndicatorCode.values)


def indicator_targets_chosen(*, project: Any, key: str, first_by_default: bool) -> Indicator | None:
    """The project's indicator whose id is `key`; for another key the first indicator when asked, else None."""
    indicators = project.indicators.order_by("kind", "position", "code", "name")
    found = indicators.filter(pk=key).first() if key.isdigit() else None
    return found or (indicators.first() if first_by_default else None)


def indicator_target_map(*, indicator: Indicator) -> dict[int | None, Any]:
    """The indicator's targets by partner id (None for the project's own)."""
    return {target.partner_id: target.value for target in indicator.targets.all()}


def progress_report_semesters(*, partner: Any) -> list[tuple[int, ProgressReport | None]]:
    """Every semester of the partner's project with the partner's report of it (None before it is created)."""
    reports = {report.semester: report for report in partner.progress_reports.all()}
    return [(semester, reports.get(semester)) for semester in range(1, partner.project.semesters + 1)]


@dataclass(frozen=True)
class IndicatorReportRow:
    """An indicator of the report's project with what the report states for it (None: nothing yet)."""

    indicator: Indicator
    value: IndicatorValue | None

    @property
    def is_measured(self) -> bool:
        return self.indicator.measure != IndicatorMeasure.MANUAL


def indicator_report_rows(*, report: ProgressReport) -> list[IndicatorReportRow]:
    """Every indicator of the project, in the plan's order, with the report's value of it."""
    values = {value.indicator_id: value for value in report.values.all()}
    indicators = Indicator.objects.filter(project=report.partner.project).order_by("kind", "position", "code", "name")
    return [IndicatorReportRow(indicator, values.get(indicator.pk)) for indicator in indicators]


def indicator_review_list(*, project: Any) -> list[IndicatorValue]:
    """The values entered by hand in the project's submitted reports: not yet reviewed first, then by semester."""
    values = IndicatorValue.objects.filter(report__partner__project=project, report__status=ReportStatus.SUBMITTED,
                                           is_computed=False).select_related(
        "indicator", "report__partner__organisation", "reviewed_by")
    return sorted(values, key=lambda value: (value.review != EvidenceReview.PENDING, value.report.semester,
                                             value.report.partner.organisation.name, value.indicator.position))
