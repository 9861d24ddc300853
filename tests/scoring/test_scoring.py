"""Scoring against a questionnaire scored by hand (every answer form, skipped and "not applicable")."""

from __future__ import annotations

import pytest

from smartcluster.maturity.packaged import packaged_definition
from smartcluster.scoring.definition import questionnaire_from_mapping
from smartcluster.scoring.scoring import (
    NegativeOptionRule,
    RowTicksRule,
    ScoringRules,
    assessment_score,
    level_for,
    weak_dimensions,
)

QUESTIONNAIRE = questionnaire_from_mapping(packaged_definition("dma-sme-v1"))

# Hand-scored sheet: the comment beside each answer is its score on 0–10, worked out on paper.
ANSWERS = {
    # Q1 best column: rows 1 + 1 + 0.5 + 0 + 0.5 + five skipped rows 0 = 3.0 of 10 → 3.0.
    # Q1 separate columns: invested 2 of 10 rows → 2.0; planned 3 of 10 → 3.0.
    "q1": {"design": ["invested"], "projects": ["invested", "planned"], "operations": ["planned"],
           "collaboration": [], "marketing": ["planned"]},
    "q2": ["needs", "funding", "it", "staff"],  # 4 of 10 → 4.0
    "q3": ["cloud", "website", "forms", "chat", "ecommerce"],  # 5 of 10 → 5.0
    # 0 + 5 + 3 + 2 + skipped 0 + 4 = 14 over 6 applicable rows × 5 → 4.6667 (vrar not applicable)
    "q4": {"twins": "0", "vrar": "na", "cadcam": "5", "mes": "3", "iot": "2", "additive": "4"},
    "q5": "na",  # left out of dimension 3
    "q6": ["awareness", "communication"],  # 2 of 8 → 2.5
    "q7": ["policy", "stored", "integrated", "none"],  # zero rule → 0; minus-one rule (3 − 1) / 7 → 2.857
    # q8 skipped → 0
    "q9": {"nlp": "1", "vision": "0", "speech": "na", "robotics": "5", "bi": "4"},  # 10 / (4 × 5) → 5.0
    "q10": ["circular", "reuse", "ecodesign", "production", "emissions", "energy", "materials", "transport",
            "consumers", "paperless"],  # 10 of 10 → 10.0
    "q11": {"strategy": "yes", "ems": "partly", "procurement": "no", "it_energy": "na", "it_reuse": "yes"},
    # (1 + 0.5 + 0 + 1) / 4 → 6.25
}


def test_hand_scored_questionnaire_with_default_rules():
    result = assessment_score(QUESTIONNAIRE, ANSWERS, ScoringRules())
    assert result.dimensions == pytest.approx({
        "strategy": 35.0, "readiness": (5.0 + 14 / 30 * 10) / 2 * 10, "human": 25.0, "data": 0.0,
        "automation": 50.0, "green": 81.25})
    assert result.overall == pytest.approx((35.0 + 48.3333333 + 25.0 + 0.0 + 50.0 + 81.25) / 6)
    assert result.level == "average"


def test_q1_separate_columns_rule_gives_each_column_the_weight_of_a_question():
    rules = ScoringRules(row_ticks=RowTicksRule.SEPARATE_COLUMNS)
    result = assessment_score(QUESTIONNAIRE, ANSWERS, rules)
    assert result.dimensions["strategy"] == pytest.approx((2.0 + 3.0 + 4.0) / 3 * 10)


def test_q7_minus_one_rule_counts_the_negative_option_as_minus_one_point():
    rules = ScoringRules(negative_option=NegativeOptionRule.MINUS_ONE)
    result = assessment_score(QUESTIONNAIRE, ANSWERS, rules)
    assert result.dimensions["data"] == pytest.approx((2 / 7 * 10 + 0) / 2 * 10)


def test_q7_minus_one_rule_never_goes_below_zero():
    rules = ScoringRules(negative_option=NegativeOptionRule.MINUS_ONE)
    result = assessment_score(QUESTIONNAIRE, {"q7": ["none"], "q8": "na"}, rules)
    assert result.dimensions["data"] == 0.0


def test_q7_without_the_negative_option_is_the_share_of_the_seven_positive_options():
    result = assessment_score(QUESTIONNAIRE, {"q7": ["policy", "stored"], "q8": "na"}, ScoringRules())
    assert result.dimensions["data"] == pytest.approx(2 / 7 * 100)


def test_a_dimension_answered_not_applicable_throughout_has_no_score_and_leaves_the_overall():
    answers = {**ANSWERS, "q9": "na"}
    result = assessment_score(QUESTIONNAIRE, answers, ScoringRules())
    assert result.dimensions["automation"] is None
    assert result.overall == pytest.approx((35.0 + 48.3333333 + 25.0 + 0.0 + 81.25) / 5)


def test_an_empty_questionnaire_scores_zero_everywhere_as_skipped_answers():
    result = assessment_score(QUESTIONNAIRE, {}, ScoringRules())
    assert set(result.dimensions.values()) == {0.0}
    assert result.overall == 0.0
    assert result.level == "basic"


def test_a_full_questionnaire_scores_one_hundred():
    answers = {}
    for question in QUESTIONNAIRE.questions():
        if question.form == "ticks":
            answers[question.key] = [o.key for o in question.options if not o.negative]
        elif question.form == "ticks_per_row":
            answers[question.key] = {row.key: ["invested"] for row in question.rows}
        else:
            top = max(question.options, key=lambda option: option.points).key
            answers[question.key] = {row.key: top for row in question.rows}
    result = assessment_score(QUESTIONNAIRE, answers, ScoringRules())
    assert result.overall == pytest.approx(100.0)
    assert result.level == "advanced"


@pytest.mark.parametrize(("score", "level"), [
    (0.0, "basic"), (25.4, "basic"), (25.5, "average"), (50.49, "average"), (50.5, "moderate"),
    (75.49, "moderate"), (75.5, "advanced"), (100.0, "advanced")])
def test_levels_band_the_unrounded_score(score, level):
    assert level_for(score, QUESTIONNAIRE.levels) == level


def test_weak_dimensions_are_those_below_average_lowest_first_else_the_two_lowest():
    assert weak_dimensions({"a": 60.0, "b": 20.0, "c": 40.0, "d": None}) == ["b", "c"]
    assert weak_dimensions({"a": 90.0, "b": 80.0, "c": 70.0}) == ["c", "b"]

