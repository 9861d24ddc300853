"""selectors of the monitoring app: indicators (targets, achieved values of submitted reports, the methods' checks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.events.selectors import event_attendance_held
from smartcluster.learning.selectors import good_practice_approved_between
from smartcluster.matchmaking.selectors import meeting_held_between
from smartcluster.maturity.selectors import assessment_submitted_in_regions
from smartcluster.monitoring.choices import (
    ActionPlanStatus,
    IndicatorCode,
    IndicatorKind,
    IndicatorMeasure,
    ReportStatus,
)
from smartcluster.monitoring.models import ActionPlan, Indicator, IndicatorValue
from smartcluster.monitoring.selectors.access import semester_dates
from smartcluster.stakeholders.selectors import stakeholder_registered_between

__all__ = ["IndicatorCheck", "IndicatorProgress", "indicator_check_list", "indicator_code_defaults",
           "indicator_list", "indicator_live_value", "indicator_progress_list", "measure_count"]

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
    live: Decimal | None = None  # counted from the records up to the semester (None for a value entered by hand)

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
        drafted=_reported(indicator, partner=partner, semester=semester, status=ReportStatus.DRAFT),
        live=indicator_live_value(indicator=indicator, partner=partner, semester=semester, cumulative=True))
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


# --- live counts from the records (issue #21): each measure counts a partner's (or the project's) records -------

@dataclass(frozen=True)
class _Window:
    """The moments from `first` until before `after` (local midnights of the semesters' first and next days)."""

    project: Any
    partner: Any
    first: dt.datetime
    after: dt.datetime

    @property
    def partners(self) -> list[Any]:
        return [self.partner] if self.partner is not None else list(self.project.partners.all())

    def contains_day(self, day: dt.date | None) -> bool:
        return day is not None and self.first.date() <= day < self.after.date()


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _practices_approved(window: _Window) -> int:
    # Dated by the practice's step to "approved by the project" in its trail (validated ones went through it).
    return good_practice_approved_between(project=window.project, partner=window.partner, first=window.first,
                                          after=window.after).count()


def _events_held(window: _Window) -> int:
    # Dated by the event's end; only events that ended with attendance recorded count.
    return event_attendance_held(project=window.project, host=window.partner, first=window.first,
                                 after=window.after).count()


def _event_attendees(window: _Window) -> int:
    # Dated by the event's end; a person counts once per event (one registration per person and event).
    return sum(event.attended_count for event in event_attendance_held(
        project=window.project, host=window.partner, first=window.first, after=window.after))


def _stakeholders_engaged(window: _Window) -> int:
    # Dated by when the stakeholder was entered in the partner's registry.
    return stakeholder_registered_between(project=window.project, partner=window.partner, first=window.first,
                                          after=window.after).count()


def _smes_assessed(window: _Window) -> int:
    # Dated by the assessment's submission; an assessment in the partners' NUTS regions (by prefix) counts once.
    codes = sorted({region.code for partner in window.partners for region in partner.regions.all()})
    return assessment_submitted_in_regions(region_codes=codes, first=window.first, after=window.after).count()


def _b2b_meetings_held(window: _Window) -> int:
    # Dated by the meeting's slot; meetings recorded as held of the matchmaking events the partner organises.
    organisers = [partner.organisation_id for partner in window.partners]
    return meeting_held_between(organiser_ids=organisers, first=window.first, after=window.after).count()


def _plans(window: _Window) -> Any:
    plans = ActionPlan.objects.filter(partner__project=window.project).prefetch_related(
        "partner__regions", "developed_with__regions")
    return plans.filter(partner=window.partner) if window.partner is not None else plans


def _is_joint(plan: ActionPlan) -> bool:
    """Developed with partners of at least two countries in all, its own partner's included (methods §3)."""
    partners = [plan.partner, *plan.developed_with.all()]
    return len({region.country for partner in partners for region in partner.regions.all()}) >= 2


def _action_plans_developed(window: _Window) -> int:
    # RCO83, dated by when the plan was created: the partner's plan, jointly developed.
    return sum(1 for plan in _plans(window).filter(created_at__gte=window.first, created_at__lt=window.after)
               if _is_joint(plan))


def _action_plans_adopted(window: _Window) -> int:
    # RCR79, dated by the start of implementation: a jointly developed plan adopted and being implemented.
    return sum(1 for plan in _plans(window).filter(status=ActionPlanStatus.ADOPTED)
               if window.contains_day(plan.implementation_started_on) and _is_joint(plan))


_COUNTERS: dict[str, Callable[[_Window], int]] = {
    IndicatorMeasure.PRACTICES_APPROVED: _practices_approved,
    IndicatorMeasure.EVENTS_HELD: _events_held,
    IndicatorMeasure.EVENT_ATTENDEES: _event_attendees,
    IndicatorMeasure.STAKEHOLDERS_ENGAGED: _stakeholders_engaged,
    IndicatorMeasure.SMES_ASSESSED: _smes_assessed,
    IndicatorMeasure.B2B_MEETINGS_HELD: _b2b_meetings_held,
    IndicatorMeasure.ACTION_PLANS_DEVELOPED: _action_plans_developed,
    IndicatorMeasure.ACTION_PLANS_ADOPTED: _action_plans_adopted,
}


def measure_count(*, measure: str, project: Any, first_semester: int, last_semester: int,
                  partner: Any = None) -> int | None:
    """The records a measure counts for the partner (or the whole project) from the first semester to the last;
    None for a value entered by hand or a project without a start date."""
    counter = _COUNTERS.get(measure)
    first, last = semester_dates(project, first_semester), semester_dates(project, last_semester)
    if counter is None or first is None or last is None:
        return None
    return counter(_Window(project, partner, _midnight(first[0]), _midnight(last[1] + dt.timedelta(days=1))))


def indicator_live_value(*, indicator: Indicator, partner: Any = None, semester: int | None = None,
                         cumulative: bool = False) -> Decimal | None:
    """The indicator's count from the records: of the semester (up to it when cumulative), or the whole project
    without one; None when the indicator is entered by hand."""
    project = indicator.project
    last = semester or project.semesters
    first = 1 if cumulative or semester is None else semester
    count = measure_count(measure=indicator.measure, project=project, partner=partner, first_semester=first,
                          last_semester=last)
    return None if count is None else Decimal(count)
