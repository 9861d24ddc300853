"""selectors of the monitoring app: indicators (targets, achieved values of submitted reports, the methods' checks)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from smartcluster.monitoring.choices import IndicatorCode, IndicatorKind, ReportStatus
from smartcluster.monitoring.models import Indicator, IndicatorValue

__all__ = ["IndicatorCheck", "IndicatorProgress", "indicator_check_list", "indicator_code_defaults",
           "indicator_list", "indicator_progress_list"]

# Units and kinds of the verified codes: shared/methods/evaluation.md §3 (Jems constants).
_CODE_UNITS: dict[str, str] = {
    IndicatorCode.RCO83: "strategy/action plan", IndicatorCode.RCO84: "pilot actions",
    IndicatorCode.RCO87: "organisations", IndicatorCode.RCO116: "solutions",
    IndicatorCode.RCR79: "joint strategy/action plan", IndicatorCode.RCR84: "organisations",
    IndicatorCode.RCR104: "solutions",
}


def indicator_code_defaults(code: str) -> dict[str, str]:
    """Name, unit and kind a verified code sets (RCO = output, RCR = result; methods §3)."""
    label = str(IndicatorCode(code).label)
    return {"name": label.split(" ", 1)[1], "unit": _CODE_UNITS[code],
            "kind": IndicatorKind.OUTPUT if code.startswith("RCO") else IndicatorKind.RESULT}


@dataclass(frozen=True)
class IndicatorProgress:
    """One indicator's row: target, achieved (submitted reports), drafted (draft reports), percentage."""

    indicator: Indicator
    target: Decimal | None
    achieved: Decimal
    drafted: Decimal

    @property
    def percentage(self) -> int | None:
        """Achieved as a share of the target, rounded; None without a (positive) target."""
        if not self.target:
            return None
        return round(self.achieved * 100 / self.target)


@dataclass(frozen=True)
class IndicatorCheck:
    """One check of the methods file (§3) with its outcome and message."""

    name: str
    passed: bool
    message: str


def indicator_list(*, project: Any) -> Any:
    """The project's indicators, outputs first."""
    return Indicator.objects.filter(project=project).prefetch_related("targets")


def _target(indicator: Indicator, partner: Any) -> Decimal | None:
    targets = list(indicator.targets.all())
    if partner is not None:
        return next((t.value for t in targets if t.partner_id == partner.pk), None)
    explicit = next((t.value for t in targets if t.partner_id is None), None)
    if explicit is not None:
        return explicit
    # The project's target without an explicit one is the sum of the partners' targets (issue #21).
    partner_values = [t.value for t in targets if t.partner_id is not None]
    return sum(partner_values, Decimal(0)) if partner_values else None


def _reported(indicator: Indicator, *, partner: Any, semester: int | None, status: str) -> Decimal:
    values = IndicatorValue.objects.filter(indicator=indicator, report__status=status)
    if partner is not None:
        values = values.filter(report__partner=partner)
    if semester is not None:
        values = values.filter(report__semester__lte=semester)
    return values.aggregate(total=Sum("value"))["total"] or Decimal(0)


def indicator_progress_list(*, project: Any, partner: Any = None, semester: int | None = None) -> list[IndicatorProgress]:
    """Per indicator: the target, what submitted reports achieved up to the semester, and what drafts state."""
    return [IndicatorProgress(
        indicator=indicator, target=_target(indicator, partner),
        achieved=_reported(indicator, partner=partner, semester=semester, status=ReportStatus.SUBMITTED),
        drafted=_reported(indicator, partner=partner, semester=semester, status=ReportStatus.DRAFT))
        for indicator in indicator_list(project=project)]


def indicator_check_list(*, project: Any) -> list[IndicatorCheck]:
    """The methods' checks that the project's indicators allow (§3): RCR79 ≤ RCO83 on achieved values."""
    rows = {row.indicator.code: row for row in indicator_progress_list(project=project) if row.indicator.code}
    checks: list[IndicatorCheck] = []
    if IndicatorCode.RCR79 in rows and IndicatorCode.RCO83 in rows:
        taken_up, developed = rows[IndicatorCode.RCR79].achieved, rows[IndicatorCode.RCO83].achieved
        checks.append(IndicatorCheck(
            name="RCR79 ≤ RCO83", passed=taken_up <= developed,
            message=_("RCR79 (%(up)s) must not exceed RCO83 (%(dev)s): only jointly developed plans can be "
                      "taken up.") % {"up": taken_up, "dev": developed}))
    return checks
