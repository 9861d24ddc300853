"""The methods' checks of the indicators (§3): RCR104 uptake by the end + 12 months, RCO84 finished by the end,
"joint" = ≥ 2 countries (the action plans' panel and the partnership for RCO84/RCO116); a rejected value counts
nowhere."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils.formats import date_format

from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import EvidenceReview
from smartcluster.monitoring.models import IndicatorValue
from smartcluster.monitoring.tests.world import (
    MonitoringWorld,
    build_monitoring_world,
    make_action_plan,
    make_indicator,
    make_progress_report,
)

pytestmark = pytest.mark.django_db


def _checks_named(mw: MonitoringWorld, prefix: str) -> list[selectors.IndicatorCheck]:
    return [check for check in selectors.indicator_check_list(project=mw.project) if check.name.startswith(prefix)]


def _report_value(mw: MonitoringWorld, code: str, *, partner: object = None, semester: int = 2,
                  evidence_date: dt.date | None = None, review: str = EvidenceReview.PENDING) -> IndicatorValue:
    indicator = selectors.indicator_list(project=mw.project).filter(code=code).first() \
        or make_indicator(mw, code=code, name=code)
    report = make_progress_report(partner or mw.partner_a, semester=semester, submitted=True,
                                  values={indicator: 1})
    value = report.values.get()
    value.evidence_date, value.review = evidence_date, review
    value.save()
    return value


def test_the_project_ends_on_the_last_day_of_its_last_semester() -> None:
    mw = build_monitoring_world()
    assert selectors.project_end(mw.project) == selectors.semester_dates(mw.project, 8)[1]


def test_an_rcr104_uptake_up_to_twelve_months_after_the_end_passes() -> None:
    mw = build_monitoring_world()
    end = selectors.project_end(mw.project)
    _report_value(mw, "RCR104", evidence_date=end.replace(year=end.year + 1))
    (check,) = _checks_named(mw, "RCR104")
    assert check.passed


def test_an_rcr104_uptake_a_day_too_late_fails_naming_partner_semester_and_dates() -> None:
    mw = build_monitoring_world()
    end = selectors.project_end(mw.project)
    late = end.replace(year=end.year + 1) + dt.timedelta(days=1)
    _report_value(mw, "RCR104", evidence_date=late, semester=3)
    (check,) = _checks_named(mw, "RCR104")
    assert not check.passed
    assert str(mw.partner_a) in check.message and "semester 3" in check.message
    assert date_format(late) in check.message and date_format(end.replace(year=end.year + 1)) in check.message


def test_an_rcr104_value_without_evidence_date_fails_asking_for_the_uptake_date() -> None:
    mw = build_monitoring_world()
    _report_value(mw, "RCR104", partner=mw.partner_b)
    (check,) = _checks_named(mw, "RCR104")
    assert not check.passed and "give the date of the uptake" in check.message and str(mw.partner_b) in check.message


def test_each_failing_rcr104_value_is_a_check_of_its_own() -> None:
    mw = build_monitoring_world()
    _report_value(mw, "RCR104", partner=mw.partner_a)
    _report_value(mw, "RCR104", partner=mw.partner_b)
    assert [check.passed for check in _checks_named(mw, "RCR104")] == [False, False]


def test_an_rco84_pilot_finished_on_the_last_day_passes_and_a_day_later_fails() -> None:
    mw = build_monitoring_world()
    end = selectors.project_end(mw.project)
    value = _report_value(mw, "RCO84", evidence_date=end)
    assert [check.passed for check in _checks_named(mw, "RCO84 ≤")] == [True]
    value.evidence_date = end + dt.timedelta(days=1)
    value.save()
    (check,) = _checks_named(mw, "RCO84 ≤")
    assert not check.passed and str(mw.partner_a) in check.message and "semester 2" in check.message


def test_an_rco84_value_without_evidence_date_fails() -> None:
    mw = build_monitoring_world()
    _report_value(mw, "RCO84")
    (check,) = _checks_named(mw, "RCO84 ≤")
    assert not check.passed and "has no evidence date" in check.message


def test_a_rejected_value_is_not_checked() -> None:
    mw = build_monitoring_world()
    _report_value(mw, "RCR104", review=EvidenceReview.REJECTED)
    assert [check.passed for check in _checks_named(mw, "RCR104")] == [True]


def test_rco84_and_rco116_need_a_partnership_of_two_countries() -> None:
    mw = build_monitoring_world()
    make_indicator(mw, code="RCO84", name="Pilots")
    make_indicator(mw, code="RCO116", name="Solutions")
    (check,) = _checks_named(mw, "RCO84, RCO116")
    assert check.passed and "EL, ES, LT" in check.message
    for partner in (mw.partner_b, mw.lead):
        partner.regions.set(mw.partner_a.regions.all())
    (check,) = _checks_named(mw, "RCO84, RCO116")
    assert not check.passed and "in EL." in check.message


def test_no_dated_check_applies_without_the_indicators() -> None:
    mw = build_monitoring_world()
    make_indicator(mw, code="RCO87", name="Organisations")
    assert selectors.indicator_check_list(project=mw.project) == []


def test_the_joint_panel_lists_each_plan_with_its_countries() -> None:
    mw = build_monitoring_world()
    joint = make_action_plan(mw.partner_a)
    joint.developed_with.add(mw.partner_b)
    alone = make_action_plan(mw.partner_b)
    rows = selectors.action_plan_joint_list(project=mw.project)
    assert [(row.plan.partner, row.countries, row.joint) for row in rows] == [
        (mw.partner_a, ["EL", "ES"], True), (mw.partner_b, ["ES"], False)]
    assert [row.plan for row in selectors.action_plan_joint_list(project=mw.project, partner=mw.partner_b)] == [alone]


def test_a_rejected_value_counts_neither_in_achieved_nor_in_drafted() -> None:
    mw = build_monitoring_world()
    indicator = services.indicator_load(project=mw.project, code="RCO87")
    kept = make_progress_report(mw.partner_a, semester=1, submitted=True, values={indicator: 2})
    rejected = make_progress_report(mw.partner_b, semester=1, submitted=True, values={indicator: 5})
    draft = make_progress_report(mw.partner_b, semester=2, values={indicator: 7})
    for report in (rejected, draft):
        report.values.update(review=EvidenceReview.REJECTED)
    (row,) = selectors.indicator_progress_list(project=mw.project)
    assert (row.achieved, row.drafted) == (Decimal(2), Decimal(0))
    assert kept.values.get().review == EvidenceReview.PENDING
