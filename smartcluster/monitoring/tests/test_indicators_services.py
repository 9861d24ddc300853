"""The indicators: the roll-up of targets (partners' sum unless the project has its own) and of achieved values
(submitted reports only), the RCR79 ≤ RCO83 check, and refusals that name the field and save nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import IndicatorKind
from smartcluster.monitoring.tests.world import build_monitoring_world, monitoring_dump

pytestmark = pytest.mark.django_db

PAST = timezone.now() - dt.timedelta(days=30)


def _row(project, code, **kwargs):
    return next(row for row in selectors.indicator_progress_list(project=project, **kwargs)
                if row.indicator.code == code)


def test_project_target_is_the_sum_of_partner_targets_unless_set_explicitly() -> None:
    mw = build_monitoring_world()
    indicator = services.indicator_load(project=mw.project, code="RCO84")
    services.target_load(indicator=indicator, partner=mw.partner_a, value=2)
    services.target_load(indicator=indicator, partner=mw.partner_b, value=3)
    assert _row(mw.project, "RCO84").target == Decimal(5)
    assert _row(mw.project, "RCO84", partner=mw.partner_a).target == Decimal(2)
    services.target_load(indicator=indicator, value=4)
    assert _row(mw.project, "RCO84").target == Decimal(4)


def test_a_value_counts_once_its_report_is_submitted() -> None:
    mw = build_monitoring_world()
    services.indicator_load(project=mw.project, code="RCO84")
    services.progress_report_load(partner=mw.partner_a, semester=1, values={"RCO84": 1}, submitted_at=PAST)
    draft = services.progress_report_load(partner=mw.partner_a, semester=2, values={"RCO84": 2})
    row = _row(mw.project, "RCO84")
    assert (row.achieved, row.drafted) == (Decimal(1), Decimal(2))
    services.progress_report_submit(user=mw.users["editor_a"], report=draft)
    row = _row(mw.project, "RCO84")
    assert (row.achieved, row.drafted) == (Decimal(3), Decimal(0))
    assert _row(mw.project, "RCO84", semester=1).achieved == Decimal(1)


def test_a_verified_code_sets_name_unit_and_kind() -> None:
    mw = build_monitoring_world()
    indicator = services.indicator_create(user=mw.users["editor_lead"], project=mw.project, code="RCR79")
    assert (indicator.unit, indicator.kind) == ("joint strategy/action plan", IndicatorKind.RESULT)
    assert indicator.name == "Joint strategies and action plans taken up by organisations"


def test_an_unknown_code_is_refused_naming_code_and_nothing_is_saved() -> None:
    mw = build_monitoring_world()
    before = monitoring_dump()
    with pytest.raises(ValidationError) as error:
        services.indicator_create(user=mw.users["editor_lead"], project=mw.project, code="RCO999")
    assert "code" in error.value.message_dict
    assert monitoring_dump() == before


def test_only_the_lead_sets_targets() -> None:
    mw = build_monitoring_world()
    indicator = services.indicator_load(project=mw.project, code="RCO84")
    before = monitoring_dump()
    with pytest.raises(PermissionDenied):
        services.target_set(user=mw.users["editor_a"], indicator=indicator, value=3)
    assert monitoring_dump() == before


def test_a_negative_value_is_refused_naming_value() -> None:
    mw = build_monitoring_world()
    indicator = services.indicator_load(project=mw.project, code="RCO84")
    report = services.progress_report_create(user=mw.users["editor_a"], partner=mw.partner_a, semester=2)
    before = monitoring_dump()
    with pytest.raises(ValidationError) as error:
        services.progress_report_value_set(user=mw.users["editor_a"], report=report, indicator=indicator, value=-1)
    assert "value" in error.value.message_dict
    assert monitoring_dump() == before


def test_a_submitted_report_is_final() -> None:
    mw = build_monitoring_world()
    indicator = services.indicator_load(project=mw.project, code="RCO84")
    report = services.progress_report_load(partner=mw.partner_a, semester=1, values={"RCO84": 1}, submitted_at=PAST)
    before = monitoring_dump()
    with pytest.raises(ValidationError) as error:
        services.progress_report_value_set(user=mw.users["editor_a"], report=report, indicator=indicator, value=5)
    assert "report" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.progress_report_submit(user=mw.users["editor_a"], report=report)
    assert monitoring_dump() == before


def test_another_partners_editor_cannot_write_the_report() -> None:
    mw = build_monitoring_world()
    before = monitoring_dump()
    with pytest.raises(PermissionDenied):
        services.progress_report_create(user=mw.users["editor_b"], partner=mw.partner_a, semester=2)
    assert monitoring_dump() == before


def test_rcr79_above_rco83_fails_its_check() -> None:
    mw = build_monitoring_world()
    services.indicator_load(project=mw.project, code="RCO83")
    services.indicator_load(project=mw.project, code="RCR79")
    services.progress_report_load(partner=mw.partner_a, semester=1, values={"RCO83": 1, "RCR79": 1},
                                  submitted_at=PAST)
    assert [check.passed for check in selectors.indicator_check_list(project=mw.project)] == [True]
    services.progress_report_load(partner=mw.partner_b, semester=1, values={"RCR79": 1}, submitted_at=PAST)
    (check,) = selectors.indicator_check_list(project=mw.project)
    assert not check.passed and "RCR79 (2" in check.message


def test_the_defaults_are_the_seven_verified_codes_with_action_plans_measured() -> None:
    mw = build_monitoring_world()
    indicators = services.indicator_defaults_create(user=mw.users["editor_lead"], project=mw.project)
    assert {i.code: i.measure for i in indicators} == {
        "RCO83": "action_plans_developed", "RCO84": "manual", "RCO87": "manual", "RCO116": "manual",
        "RCR79": "action_plans_adopted", "RCR84": "manual", "RCR104": "manual"}
    services.indicator_defaults_create(user=mw.users["editor_lead"], project=mw.project)
    assert len(selectors.indicator_list(project=mw.project)) == 7
    with pytest.raises(PermissionDenied):
        services.indicator_defaults_create(user=mw.users["editor_a"], project=mw.project)
