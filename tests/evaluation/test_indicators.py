"""Indicator values from reported figures: each formula against a hand-computed value, gaps left missing."""

from __future__ import annotations

import pytest

from smartcluster.evaluation.criteria import default_criteria_set
from smartcluster.evaluation.errors import EvaluationError
from smartcluster.evaluation.indicators import (
    criteria_inputs,
    evaluation_progress,
    indicator_value,
    indicator_values,
    inputs_problems,
    ordinal,
)

CRITERIA = default_criteria_set()


def test_growth_is_the_change_over_the_previous_year_in_percent() -> None:
    assert indicator_value(CRITERIA.indicator("member_growth"), {"members": 45, "members_previous": 50}) == -10.0


def test_share_is_part_over_whole_in_percent() -> None:
    assert indicator_value(CRITERIA.indicator("sme_share"), {"sme_members": 9, "business_members": 12}) == 75.0


def test_ratio_is_not_scaled() -> None:
    indicator = CRITERIA.indicator("secured_36_months")
    assert indicator_value(indicator, {"contracted_next_36_months": 1_500, "annual_cost": 1_000}) == 1.5


def test_a_missing_figure_gives_no_value_rather_than_zero() -> None:
    values = indicator_values(CRITERIA, {"members": 20})
    assert values["members"] == 20.0 and values["member_growth"] is None and values["strategy"] is None


def test_a_boolean_is_not_taken_for_a_number() -> None:
    with pytest.raises(EvaluationError) as refusal:
        indicator_value(CRITERIA.indicator("collaborative_projects"), {"collaborative_projects": True})
    assert refusal.value.field == "collaborative_projects"


def test_scale_options_are_ordered_worst_first() -> None:
    label = CRITERIA.indicator("label")
    assert [ordinal(label, option) for option in ("none", "bronze", "silver", "gold")] == [0, 1, 2, 3]


def test_a_negative_figure_is_refused_naming_it() -> None:
    with pytest.raises(EvaluationError) as refusal:
        indicator_value(CRITERIA.indicator("members"), {"members": -3})
    assert (refusal.value.field, refusal.value.code) == ("members", "negative_or_infinite")


def test_criteria_inputs_list_each_figure_with_the_indicators_reading_it() -> None:
    inputs = criteria_inputs(CRITERIA)
    assert len(inputs) == 21
    assert inputs["annual_cost"] == ("secured_12_months", "secured_36_months")


def test_inputs_problems_lists_every_bad_field_at_once() -> None:
    problems = inputs_problems(CRITERIA, {"members": "many", "annual_cost": -1, "label": "platinum", "colour": 1,
                                          "revenue": 100})
    assert {(problem.field, problem.code) for problem in problems} == {
        ("members", "not_a_number"), ("annual_cost", "negative_or_infinite"), ("label", "not_on_scale"),
        ("colour", "unknown_input")}


def test_progress_is_the_share_of_figures_reported() -> None:
    # 3 of the 21 figures reported (an empty string is not reported) → 14.29 %.
    progress = evaluation_progress(CRITERIA, {"members": 40, "strategy": "yes", "revenue": 0, "label": ""})
    assert progress == pytest.approx(100 * 3 / 21)
