"""Writes of the indicators: indicators (verified codes or defined by the project) and targets planned by the lead,
partners' semester progress reports with their values, submitted once and then final; trusted loaders for the demo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.monitoring.choices import EvidenceReview, IndicatorCode, IndicatorMeasure, ReportStatus
from smartcluster.monitoring.models import Indicator, IndicatorTarget, IndicatorValue, ProgressReport
from smartcluster.monitoring.selectors.access import (
    project_can_plan,
    project_partner_editable,
    semester_checked,
)
from smartcluster.monitoring.selectors.indicators import indicator_code_defaults, indicator_live_value
from smartcluster.monitoring.services.evidence import record_with_evidence_saved
from smartcluster.site.validators import nul_characters_refused

__all__ = ["indicator_create", "indicator_defaults_create", "indicator_load", "indicator_targets_set",
           "indicator_value_review", "progress_report_create", "progress_report_load", "progress_report_submit",
           "progress_report_value_set", "target_load", "target_set"]


def _number(value: Any, *, field: str = "value") -> Decimal:
    """A non-negative number, else a message naming the field."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise ValidationError({field: _("Give a number.")}) from error
    if not number.is_finite() or number < 0:
        raise ValidationError({field: _("Give a number of zero or more.")})
    return number


def _indicator_fields(*, code: str, name: str, unit: str, kind: str) -> dict[str, str]:
    if code:
        if code not in IndicatorCode.values:
            raise ValidationError({"code": _("%(code)s is not a verified Interreg code; leave the code empty and "
                                             "define the indicator instead.") % {"code": code}})
        return {"code": code, **indicator_code_defaults(code)}
    return {"code": "", "name": name.strip(), "unit": unit.strip(), "kind": kind}


def indicator_load(*, project: Any, code: str = "", name: str = "", unit: str = "", kind: str = "",
                   measure: str = IndicatorMeasure.MANUAL, position: int = 0) -> Indicator:
    """Trusted writer for the demo: the project's indicator by its code (or name), created once."""
    fields = _indicator_fields(code=code, name=name, unit=unit, kind=kind)
    lookup = {"code": fields["code"]} if fields["code"] else {"code": "", "name": fields["name"]}
    indicator = Indicator.objects.filter(project=project, **lookup).first() or Indicator(project=project)
    for key, value in {**fields, "measure": measure, "position": position}.items():
        setattr(indicator, key, value)
    indicator.full_clean()
    indicator.save()
    return indicator


def indicator_create(*, user: Any, project: Any, code: str = "", name: str = "", unit: str = "", kind: str = "",
                     measure: str = IndicatorMeasure.MANUAL) -> Indicator:
    """An indicator of the project (the lead partner's editors): a verified code sets name, unit and kind."""
    if not project_can_plan(user, project):
        raise PermissionDenied(_("Only the lead partner's editors or administrators plan the indicators."))
    fields = _indicator_fields(code=code, name=name, unit=unit, kind=kind)
    indicator = Indicator(project=project, measure=measure, **fields)
    indicator.full_clean()
    indicator.save()
    return indicator


# The measures that apply to the verified codes (issue #21): action plans are counted, the others entered by hand.
_DEFAULT_MEASURES = {IndicatorCode.RCO83: IndicatorMeasure.ACTION_PLANS_DEVELOPED,
                     IndicatorCode.RCR79: IndicatorMeasure.ACTION_PLANS_ADOPTED}


@transaction.atomic
def indicator_defaults_create(*, user: Any, project: Any) -> list[Indicator]:
    """The seven verified codes as the project's indicators (the lead partner's editors); existing ones kept."""
    if not project_can_plan(user, project):
        raise PermissionDenied(_("Only the lead partner's editors or administrators plan the indicators."))
    return [indicator_load(project=project, code=code, position=position,
                           measure=_DEFAULT_MEASURES.get(code, IndicatorMeasure.MANUAL))
            for position, code in enumerate(IndicatorCode.values, start=1)]


def target_load(*, indicator: Indicator, value: Any, partner: Any = None) -> IndicatorTarget:
    """Trusted writer for the demo: the partner's (or the project's, partner None) target, set idempotently."""
    if partner is not None and partner.project_id != indicator.project_id:
        raise ValidationError({"partner": _("The partner is not in this indicator's project.")})
    target = IndicatorTarget.objects.filter(indicator=indicator, partner=partner).first() \
        or IndicatorTarget(indicator=indicator, partner=partner)
    target.value = _number(value, field="value")
    target.full_clean()
    target.save()
    return target


def target_set(*, user: Any, indicator: Indicator, value: Any, partner: Any = None) -> IndicatorTarget:
    """A target for a partner or the project (the lead partner's editors and administrators)."""
    if not project_can_plan(user, indicator.project):
        raise PermissionDenied(_("Only the lead partner's editors or administrators set targets."))
    return target_load(indicator=indicator, value=value, partner=partner)


@transaction.atomic
def indicator_targets_set(*, user: Any, indicator: Indicator, targets: dict[Any, Any]) -> list[IndicatorTarget]:
    """The indicator's targets at once, by partner (None for the project's own): an empty value removes that
    target. A refusal names the row's field (`target_<partner id>` or `target_project`) and keeps every target."""
    if not project_can_plan(user, indicator.project):
        raise PermissionDenied(_("Only the lead partner's editors or administrators set targets."))
    saved = []
    for partner, value in targets.items():
        field = f"target_{partner.pk}" if partner is not None else "target_project"
        if value in (None, ""):
            IndicatorTarget.objects.filter(indicator=indicator, partner=partner).delete()
            continue
        try:
            saved.append(target_load(indicator=indicator, value=value, partner=partner))
        except ValidationError as error:
            raise ValidationError({field: error.messages}) from error
    return saved


def _indicator_named(project: Any, key: str) -> Indicator:
    indicator = Indicator.objects.filter(project=project, code=key).exclude(code="").first() \
        or Indicator.objects.filter(project=project, name=key).first()
    if indicator is None:
        raise ValidationError({"indicator": _("The project has no indicator %(key)s.") % {"key": key}})
    return indicator


def _draft_checked(report: ProgressReport) -> None:
    if report.status == ReportStatus.SUBMITTED:
        raise ValidationError({"report": _("This report was submitted and is final; it can no longer change.")})


@transaction.atomic
def progress_report_load(*, partner: Any, semester: int, values: dict[str, Any], submitted_at: dt.datetime | None = None,
                         summary: str = "") -> ProgressReport:
    """Trusted writer for the demo: the partner's report of the semester with values by code or name, submitted
    at the given moment when one is given; the measured values are counted from the records, as for any report."""
    semester = semester_checked(partner.project, semester)
    report = ProgressReport.objects.filter(partner=partner, semester=semester).first() \
        or ProgressReport(partner=partner, semester=semester)
    report.summary = summary
    if submitted_at is not None:
        report.status, report.submitted_at = ReportStatus.SUBMITTED, submitted_at
    report.full_clean()
    report.save()
    _computed_values_set(report)
    for key, value in values.items():
        IndicatorValue.objects.update_or_create(
            report=report, indicator=_indicator_named(partner.project, key),
            defaults={"value": _number(value)})
    return report


def _require_partner(user: Any, partner: Any) -> None:
    if not project_partner_editable(user, partner):
        raise PermissionDenied(_("Only the partner's editors, the lead partner's editors or administrators "
                                 "write this partner's progress reports."))


def progress_report_create(*, user: Any, partner: Any, semester: Any, summary: str = "") -> ProgressReport:
    """The partner's draft report of a semester (once per semester)."""
    _require_partner(user, partner)
    number = semester_checked(partner.project, semester)
    if ProgressReport.objects.filter(partner=partner, semester=number).exists():
        raise ValidationError({"semester": _("The partner already has a report for semester %(n)s.") % {"n": number}})
    report = ProgressReport(partner=partner, semester=number, summary=summary)
    report.full_clean()
    report.save()
    _computed_values_set(report)
    return report


def _computed_values_set(report: ProgressReport) -> None:
    """The values of the measured indicators, counted from the records of the report's semester."""
    for indicator in Indicator.objects.filter(project=report.partner.project).exclude(measure=IndicatorMeasure.MANUAL):
        value = indicator_live_value(indicator=indicator, partner=report.partner, semester=report.semester)
        if value is not None:
            IndicatorValue.objects.update_or_create(report=report, indicator=indicator,
                                                    defaults={"value": value, "is_computed": True})


def progress_report_value_set(*, user: Any, report: ProgressReport, indicator: Indicator, value: Any,
                              evidence_file: UploadedFile | None = None, **evidence: Any) -> IndicatorValue:
    """A value of a draft report with its evidence (type, issuer, date, link, a document checked by its content);
    a submitted report is final. A refusal stores nothing, no file either."""
    _require_partner(user, report.partner)
    _draft_checked(report)
    if indicator.project_id != report.partner.project_id:
        raise ValidationError({"indicator": _("The indicator is not one of this report's project.")})
    if indicator.measure != IndicatorMeasure.MANUAL:
        # Submission counts it again from the records: a value typed here would be silently replaced.
        raise ValidationError({"indicator": _("%(name)s is counted from the platform's records; its value is "
                                              "filled in for you.") % {"name": indicator.name}})
    number = _number(value)
    row = IndicatorValue.objects.filter(report=report, indicator=indicator).first() \
        or IndicatorValue(report=report, indicator=indicator)
    row.value = number
    for key in ("evidence_type", "evidence_issuer", "evidence_date", "evidence_url", "comment"):
        if key in evidence:
            setattr(row, key, evidence[key])
    nul_characters_refused({key: getattr(row, key) for key in ("evidence_type", "evidence_issuer", "evidence_url",
                                                               "comment")})
    row.full_clean(exclude=["evidence_file"])
    record_with_evidence_saved(row, evidence_file, row.save)
    return row


@transaction.atomic
def progress_report_submit(*, user: Any, report: ProgressReport) -> ProgressReport:
    """Submit the draft: the measured values are counted again and frozen; from now on its values count and the
    report is final."""
    _require_partner(user, report.partner)
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    _draft_checked(report)
    _computed_values_set(report)
    report.status, report.submitted_at, report.submitted_by = ReportStatus.SUBMITTED, timezone.now(), user
    report.save(update_fields=["status", "submitted_at", "submitted_by"])
    return report


@transaction.atomic
def indicator_value_review(*, user: Any, value: IndicatorValue, decision: str, comment: str = "") -> IndicatorValue:
    """Accept or reject a value of a submitted report (the lead partner's editors and administrators); a rejection
    says why in the comment. A rejected value stays visible but no longer counts as achieved."""
    if not project_can_plan(user, value.report.partner.project):
        raise PermissionDenied(_("Only the lead partner's editors or administrators review the reported values."))
    row = IndicatorValue.objects.select_for_update().select_related("report").get(pk=value.pk)
    if row.report.status != ReportStatus.SUBMITTED:
        raise ValidationError({"report": _("Only the values of a submitted report are reviewed; this report is "
                                           "still a draft.")})
    if decision not in (EvidenceReview.ACCEPTED, EvidenceReview.REJECTED):
        raise ValidationError({"decision": _("Choose to accept or to reject the value.")})
    nul_characters_refused({"comment": comment})
    if decision == EvidenceReview.REJECTED and not comment.strip():
        raise ValidationError({"comment": _("Say in the comment why the value is rejected.")})
    row.review, row.reviewed_by, row.reviewed_at = decision, user, timezone.now()
    row.review_comment = comment.strip()
    row.save(update_fields=["review", "reviewed_by", "reviewed_at", "review_comment"])
    return row
