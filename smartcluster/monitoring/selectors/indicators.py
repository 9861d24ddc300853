"""selectors of the monitoring app: indicators (targets, achieved values of submitted reports, the methods' checks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from smartcluster.events.selectors import event_attendance_held
from smartcluster.learning.selectors import good_practice_approved_between
from smartcluster.matchmaking.selectors import meeting_held_between
from smartcluster.maturity.selectors import assessment_submitted_in_regions
from smartcluster.monitoring.choices import (
    ActionPlanStatus,
    EvidenceReview,
    IndicatorCode,
    IndicatorKind,
    IndicatorMeasure,
    ReportStatus,
)
from smartcluster.monitoring.models import ActionPlan, Indicator, IndicatorValue
from smartcluster.monitoring.selectors.access import semester_current, semester_dates
from smartcluster.stakeholders.selectors import stakeholder_registered_between

__all__ = ["IndicatorCheck", "IndicatorProgress", "IndicatorSeries", "JointPlan", "action_plan_joint_list",
           "indicator_check_list", "indicator_code_defaults", "indicator_list", "indicator_live_value",
           "indicator_progress_list", "indicator_progress_series", "measure_count", "project_end"]

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


def _counted_values(*, status: str = ReportStatus.SUBMITTED) -> Any:
    """Values of reports in the status that count: a value whose evidence a reviewer rejected never does."""
    return IndicatorValue.objects.filter(report__status=status).exclude(review=EvidenceReview.REJECTED)


def _reported(indicator: Indicator, *, partner: Any, semester: int | None, status: str) -> Decimal:
    values = _counted_values(status=status).filter(indicator=indicator)
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


@dataclass(frozen=True)
class IndicatorSeries:
    """One indicator's progress chart: cumulative achieved (submitted reports) by semester, its target line, and
    the live count from the records (None for a value entered by hand)."""

    indicator: Indicator
    target: Decimal | None
    semesters: list[int]
    achieved: list[Decimal]
    live: Decimal | None

    @property
    def chart(self) -> dict[str, Any]:
        """The data the page script draws (numbers as floats)."""
        return {"id": f"indicator-chart-{self.indicator.pk}", "script_id": f"indicator-data-{self.indicator.pk}",
                "semesters": self.semesters,
                "achieved": [float(value) for value in self.achieved],
                "target": None if self.target is None else float(self.target)}

    @property
    def rows(self) -> list[tuple[int, Decimal]]:
        """(semester, cumulative achieved) for the table under the chart."""
        return list(zip(self.semesters, self.achieved, strict=True))


def _series_semesters(project: Any) -> list[int]:
    """Semester 1 up to the running one (all of them once the project ended or without a start date)."""
    current = semester_current(project)
    last = project.semesters if current is None else max(1, min(current, project.semesters))
    return list(range(1, last + 1))


def indicator_progress_series(*, project: Any, partner: Any = None) -> list[IndicatorSeries]:
    """Per indicator of the project: what the partner's (or all) submitted reports achieved, cumulated semester by
    semester, with the target and the live count from the records."""
    values = _counted_values().filter(indicator__project=project)
    if partner is not None:
        values = values.filter(report__partner=partner)
    per_semester: dict[tuple[int, int], Decimal] = {
        (row["indicator_id"], row["report__semester"]): row["total"]
        for row in values.values("indicator_id", "report__semester").annotate(total=Sum("value"))}
    semesters = _series_semesters(project)
    series = []
    for indicator in indicator_list(project=project):
        total, achieved = Decimal(0), []
        for semester in semesters:
            total += per_semester.get((indicator.pk, semester), Decimal(0))
            achieved.append(total)
        series.append(IndicatorSeries(indicator, _target(indicator, partner), semesters, achieved,
                                      indicator_live_value(indicator=indicator, partner=partner)))
    return series


def _rcr79_check(coded: dict[str, Indicator]) -> list[IndicatorCheck]:
    if IndicatorCode.RCR79 not in coded or IndicatorCode.RCO83 not in coded:
        return []
    taken_up, developed = (_reported(coded[code], partner=None, semester=None, status=ReportStatus.SUBMITTED)
                           for code in (IndicatorCode.RCR79, IndicatorCode.RCO83))
    return [IndicatorCheck(
        name="RCR79 ≤ RCO83", passed=taken_up <= developed,
        message=_("RCR79 (%(up)s) must not exceed RCO83 (%(dev)s): only jointly developed plans can be "
                  "taken up.") % {"up": taken_up, "dev": developed})]


def project_end(project: Any) -> dt.date | None:
    """The project's last day: the last day of its last semester (None without a start date)."""
    dates = semester_dates(project, project.semesters)
    return None if dates is None else dates[1]


def _year_after(day: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February)."""
    return day.replace(year=day.year + 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def _claimed_values(project: Any, code: str) -> list[IndicatorValue]:
    """The project's counted, submitted, positive values of a code, with partner and semester (a zero claims none)."""
    return list(_counted_values().filter(indicator__project=project, indicator__code=code, value__gt=0)
                .select_related("report__partner__organisation", "report__partner__project")
                .order_by("report__semester", "report__partner_id"))


def _dated_check(values: list[IndicatorValue], *, name: str, limit: dt.date, passed: str,
                 undated: str, late: str) -> list[IndicatorCheck]:
    """One failed check per value undated or dated after the limit; else one passed check."""
    failed = []
    for value in values:
        names = {"partner": value.report.partner, "semester": value.report.semester,
                 "limit": date_format(limit), "date": date_format(value.evidence_date) if value.evidence_date else ""}
        if value.evidence_date is None:
            failed.append(IndicatorCheck(name=name, passed=False, message=undated % names))
        elif value.evidence_date > limit:
            failed.append(IndicatorCheck(name=name, passed=False, message=late % names))
    return failed or [IndicatorCheck(name=name, passed=True, message=passed % {"limit": date_format(limit)})]


def _rcr104_check(project: Any, end: dt.date) -> list[IndicatorCheck]:
    # Methods §3: an RCR104 uptake counts until 12 months after the project's end.
    return _dated_check(
        _claimed_values(project, IndicatorCode.RCR104), name=_("RCR104 ≤ end + 12 months"), limit=_year_after(end),
        passed=_("Every RCR104 solution was taken up by %(limit)s, 12 months after the project's end."),
        undated=_("The RCR104 value of %(partner)s for semester %(semester)s has no evidence date: give the date "
                  "of the uptake (at the latest %(limit)s)."),
        late=_("The RCR104 value of %(partner)s for semester %(semester)s was taken up on %(date)s, after "
               "%(limit)s (12 months after the project's end)."))


def _rco84_check(project: Any, end: dt.date) -> list[IndicatorCheck]:
    # Methods §3: an RCO84 pilot action counts when finished by the project's end.
    return _dated_check(
        _claimed_values(project, IndicatorCode.RCO84), name=_("RCO84 ≤ end"), limit=end,
        passed=_("Every RCO84 pilot action was finished by %(limit)s, the project's end."),
        undated=_("The RCO84 value of %(partner)s for semester %(semester)s has no evidence date: give the date "
                  "the pilot action was finished (at the latest %(limit)s)."),
        late=_("The RCO84 value of %(partner)s for semester %(semester)s was finished on %(date)s, after "
               "%(limit)s (the project's end)."))


def _partnership_check(project: Any, codes: list[str]) -> list[IndicatorCheck]:
    # Methods §3: "joint" = partners of at least two countries.
    countries = _countries(project.partners.all())
    names = {"codes": ", ".join(codes), "countries": ", ".join(countries) or "—"}
    return [IndicatorCheck(
        name=_("%(codes)s joint = ≥ 2 countries") % names, passed=_spans_countries(countries),
        message=_("%(codes)s count joint work: the partnership must span at least two countries; its partners are "
                  "in %(countries)s.") % names)]


def indicator_check_list(*, project: Any) -> list[IndicatorCheck]:
    """The methods' checks (§3) that the project's indicators allow: RCR79 ≤ RCO83 on achieved values; each
    RCR104 uptake by the end + 12 months and each RCO84 pilot finished by the end (one failed check per value);
    the partnership spanning ≥ 2 countries for RCO84 and RCO116."""
    rows = {indicator.code: indicator for indicator in indicator_list(project=project) if indicator.code}
    checks = _rcr79_check(rows)
    end = project_end(project)
    if IndicatorCode.RCR104 in rows and end is not None:
        checks += _rcr104_check(project, end)
    if IndicatorCode.RCO84 in rows and end is not None:
        checks += _rco84_check(project, end)
    joint_codes = [code for code in (IndicatorCode.RCO84, IndicatorCode.RCO116) if code in rows]
    if joint_codes:
        checks += _partnership_check(project, [str(code) for code in joint_codes])
    return checks


@dataclass(frozen=True)
class JointPlan:
    """An action plan with the countries of its partner and of the partners it was developed with."""

    plan: ActionPlan
    countries: list[str]

    @property
    def joint(self) -> bool:
        return _spans_countries(self.countries)


def action_plan_joint_list(*, project: Any, partner: Any = None) -> list[JointPlan]:
    """The project's (or the partner's) action plans with their countries and whether they are joint (methods §3)."""
    plans = ActionPlan.objects.filter(partner__project=project).select_related("partner__organisation") \
        .prefetch_related("partner__regions", "developed_with__regions", "developed_with__organisation") \
        .order_by("partner_id", "pk")
    if partner is not None:
        plans = plans.filter(partner=partner)
    return [JointPlan(plan, _countries([plan.partner, *plan.developed_with.all()])) for plan in plans]


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
    # Dated by the assessment's submission; an SME's assessment in the partners' NUTS regions (by prefix) counts once.
    codes = sorted({region.code for partner in window.partners for region in partner.regions.all()})
    return assessment_submitted_in_regions(region_codes=codes, first=window.first, after=window.after,
                                           smes_only=True).count()


def _b2b_meetings_held(window: _Window) -> int:
    # Dated by the meeting's slot; meetings recorded as held of the matchmaking events the partner organises.
    organisers = [partner.organisation_id for partner in window.partners]
    return meeting_held_between(organiser_ids=organisers, first=window.first, after=window.after).count()


def _plans(window: _Window) -> Any:
    plans = ActionPlan.objects.filter(partner__project=window.project).prefetch_related(
        "partner__regions", "developed_with__regions")
    return plans.filter(partner=window.partner) if window.partner is not None else plans


def _countries(partners: Any) -> list[str]:
    """The countries of the partners' regions, sorted."""
    return sorted({region.country for partner in partners for region in partner.regions.all()})


def _spans_countries(countries: list[str]) -> bool:
    """The one rule of "joint": at least two countries (methods §3)."""
    return len(countries) >= 2


def _is_joint(plan: ActionPlan) -> bool:
    """Developed with partners of at least two countries in all, its own partner's included (methods §3)."""
    return _spans_countries(_countries([plan.partner, *plan.developed_with.all()]))


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
