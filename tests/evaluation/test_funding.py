"""Funding structures: shares refused unless they sum to 100 ± 0.5, derived figures, the rising-dependency flag."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from smartcluster.evaluation.criteria import default_criteria_set
from smartcluster.evaluation.errors import EvaluationError
from smartcluster.evaluation.funding import (
    FundingYear,
    funding_figures,
    funding_frame,
    funding_inputs,
    public_dependency_trend,
    source_shares_checked,
)
from smartcluster.evaluation.scoring import evaluation_score

SHARES = {"regional_grants": 20, "national_grants": 15, "eu_grants": 10, "membership_fees": 25,
          "paid_services": 15, "project_income": 10, "sponsorship_other": 5}
YEAR = FundingYear(year=2025, revenue=1_000_000, source_shares=SHARES, core_funding=300_000, annual_cost=800_000,
                   contracted_next_12_months=600_000, contracted_next_36_months=1_200_000, members=50,
                   management_fte=4)


@pytest.mark.parametrize("total", [99.5, 100.5])
def test_shares_within_half_a_point_of_100_are_accepted(total: float) -> None:
    assert sum(source_shares_checked({"membership_fees": 50, "paid_services": total - 50}).values()) == total


@pytest.mark.parametrize("total", [99.4, 100.6])
def test_shares_not_summing_to_100_are_refused_naming_the_field(total: float) -> None:
    with pytest.raises(EvaluationError) as refusal:
        source_shares_checked({"membership_fees": 50, "paid_services": total - 50})
    assert (refusal.value.field, refusal.value.code) == ("source_shares", "shares_not_100")
    assert f"sum to {total:g} %" in refusal.value.message


@pytest.mark.parametrize(("shares", "field", "code"), [
    ({**SHARES, "lottery": 0}, "source_shares.lottery", "unknown_source"),
    ({**SHARES, "eu_grants": -10, "paid_services": 35}, "source_shares.eu_grants", "share_out_of_range"),
    ({**SHARES, "eu_grants": "ten"}, "source_shares.eu_grants", "share_out_of_range"),
])
def test_a_bad_share_is_refused_naming_its_source(shares: dict[str, Any], field: str, code: str) -> None:
    with pytest.raises(EvaluationError) as refusal:
        source_shares_checked(shares)
    assert (refusal.value.field, refusal.value.code) == (field, code)


def test_derived_figures_of_one_year() -> None:
    figures = funding_figures(YEAR)
    assert figures.revenue_by_source["membership_fees"] == 250_000
    assert figures.public_dependency == 45  # 20 + 15 + 10
    assert (figures.core_share, figures.project_share) == (30, 70)
    assert (figures.secured_12_months, figures.secured_36_months) == (0.75, 1.5)
    assert (figures.revenue_per_member, figures.revenue_per_fte) == (20_000, 250_000)


def test_per_member_figures_without_members_are_missing() -> None:
    figures = funding_figures(FundingYear(year=2025, revenue=10, source_shares={"paid_services": 100}, members=0))
    assert figures.revenue_per_member is None and figures.core_share is None


def test_core_funding_above_revenue_is_refused() -> None:
    with pytest.raises(EvaluationError) as refusal:
        funding_figures(FundingYear(year=2025, revenue=10, source_shares={"paid_services": 100}, core_funding=11))
    assert refusal.value.field == "core_funding"


@pytest.mark.parametrize(("field", "value"), [("annual_cost", -1), ("members", "many"), ("revenue", None)])
def test_a_bad_amount_is_refused_naming_its_field(field: str, value: object) -> None:
    with pytest.raises(EvaluationError) as refusal:
        funding_figures(replace(YEAR, **{field: value}))
    assert refusal.value.field == field


def test_funding_inputs_give_the_evaluation_the_same_public_dependency() -> None:
    result = evaluation_score(default_criteria_set(), funding_inputs(YEAR), data_year=2025)
    score = next(item for item in result.indicators if item.key == "public_dependency")
    assert score.value == pytest.approx(funding_figures(YEAR).public_dependency)


def test_public_dependency_30_35_40_45_is_flagged_rising() -> None:
    trend = public_dependency_trend({2021: 30, 2022: 35, 2023: 40, 2024: 45})
    assert trend.rising and trend.rises_running == 3


def test_public_dependency_30_35_33_40_is_not_flagged() -> None:
    trend = public_dependency_trend({2021: 30, 2022: 35, 2023: 33, 2024: 40})
    assert not trend.rising and trend.rises_running == 1


def test_a_missing_year_breaks_the_run_of_rises() -> None:
    assert not public_dependency_trend({2019: 30, 2020: 35, 2022: 40, 2023: 45}).rising


def test_funding_frame_has_one_row_per_year_and_source() -> None:
    frame = funding_frame([YEAR, FundingYear(year=2026, revenue=500, source_shares={"paid_services": 100})])
    assert len(frame) == 14
    assert frame.groupby("year")["amount"].sum().to_dict() == {2025: 1_000_000, 2026: 500}
