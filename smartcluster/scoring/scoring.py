"""Scores of a maturity self-assessment: one function per answer form, dimension and overall scores, level.

Pure Python (no Django). Rules after the EDIH Digital Maturity Assessment as reported by third-party
implementations (../shared/methods/maturity.md section 2 [R]): every question scores 0–10, a dimension is the
(weighted) mean of its questions × 10, the overall score the mean of the dimensions [V, INT].
Our rules where the sources are silent: a skipped question or row scores 0 (nothing was claimed); a question or
row answered "not applicable" is left out of the mean; a dimension with no applicable question has no score and
is left out of the overall score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from smartcluster.scoring.definition import NOT_APPLICABLE, Level, Question, Questionnaire


class RowTicksRule(StrEnum):
    """How a two-column "invested / planned" question (DMA Q1) scores — disputed, see methods section 2."""

    BEST_COLUMN = "best_column"  # [NO]: a row scores its best ticked column (invested 1, planned only 0.5)
    SEPARATE_COLUMNS = "separate_columns"  # [MB]: each column a sub-score of its own, weighted like a question


class NegativeOptionRule(StrEnum):
    """How an option that denies the practice (DMA Q7 "data not collected digitally") scores — disputed."""

    ZERO = "zero"  # [OURS, one NO file]: ticking it makes the question 0
    MINUS_ONE = "minus_one"  # [NO, other file]: it counts −1 point (never below 0)


@dataclass(frozen=True)
class ScoringRules:
    """The chosen rules for the disputed cases; stored with every result so it can be re-read later."""

    row_ticks: RowTicksRule = RowTicksRule.BEST_COLUMN
    negative_option: NegativeOptionRule = NegativeOptionRule.ZERO

    def as_dict(self) -> dict[str, str]:
        return {"row_ticks": self.row_ticks.value, "negative_option": self.negative_option.value}


@dataclass(frozen=True)
class Part:
    """A (sub-)score of a question on 0–10 and its weight within the dimension."""

    score: float
    weight: float


@dataclass(frozen=True)
class Result:
    dimensions: dict[str, float | None]
    overall: float | None
    level: str | None


def score_ticks(question: Question, ticked: list[str], rules: ScoringRules) -> list[Part]:
    """Share of the (positive) points ticked × 10 ([R]: ticks = share ticked × 10)."""
    chosen = set(ticked)
    positive = [option for option in question.options if not option.negative]
    possible = sum(option.points for option in positive)
    got = sum(option.points for option in positive if option.key in chosen)
    if any(option.negative and option.key in chosen for option in question.options):
        if rules.negative_option is NegativeOptionRule.ZERO:
            return [Part(0.0, question.weight)]
        got = max(0.0, got - 1)
    return [Part(got / possible * 10, question.weight)]


def score_ticks_per_row(question: Question, rows: Mapping[str, list[str]], rules: ScoringRules) -> list[Part]:
    """Rows × tick columns (DMA Q1): mean over rows of the best ticked column's points × 10, or one sub-score per
    column (share of rows ticked × 10), each weighted like a whole question ([MB], PSO analogue)."""
    count = len(question.rows)
    if rules.row_ticks is RowTicksRule.SEPARATE_COLUMNS:
        return [Part(sum(column.key in rows.get(row.key, []) for row in question.rows) / count * 10, question.weight)
                for column in question.columns]
    best = max(column.points for column in question.columns)
    total = sum(max((c.points for c in question.columns if c.key in rows.get(row.key, [])), default=0.0)
                for row in question.rows)
    return [Part(total / (count * best) * 10, question.weight)]


def score_scale(question: Question, rows: Mapping[str, str]) -> list[Part]:
    """One scale answer per row: points ÷ (applicable rows × top points) × 10 ([R]: 0–5 grids = sum ÷ (rows × 5)
    × 10; No/Partially/Yes = 0/0.5/1, mean × 10). Rows "not applicable" leave the denominator."""
    points = {option.key: option.points for option in question.options}
    applicable = [row for row in question.rows if rows.get(row.key) != NOT_APPLICABLE]
    if not applicable:
        return []
    top = max(points.values())
    total = sum(points.get(rows.get(row.key), 0.0) for row in applicable)
    return [Part(total / (len(applicable) * top) * 10, question.weight)]


def question_parts(question: Question, answer: Any, rules: ScoringRules) -> list[Part]:
    """The (sub-)scores of one answer; none when it is "not applicable"; a skipped answer scores 0."""
    if answer == NOT_APPLICABLE:
        return []
    if question.form == "ticks":
        return score_ticks(question, list(answer or []), rules)
    if question.form == "ticks_per_row":
        return score_ticks_per_row(question, dict(answer or {}), rules)
    return score_scale(question, dict(answer or {}))


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    weight = sum(w for _, w in pairs)
    return None if weight == 0 else sum(value * w for value, w in pairs) / weight


def level_for(score: float | None, levels: tuple[Level, ...]) -> str | None:
    """The band of an unrounded score: the first whose upper bound it stays below ([OURS]: < 25.5 Basic …)."""
    if score is None:
        return None
    for level in levels:
        if level.below is None or score < level.below:
            return level.key
    return levels[-1].key


def assessment_score(questionnaire: Questionnaire, answers: Mapping[str, Any], rules: ScoringRules) -> Result:
    """Dimension scores (0–100), overall score (0–100, mean of dimensions [V, INT]) and level."""
    dimensions: dict[str, float | None] = {}
    for dimension in questionnaire.dimensions:
        parts = [part for q in dimension.questions for part in question_parts(q, answers.get(q.key), rules)]
        mean = _weighted_mean([(part.score, part.weight) for part in parts])
        dimensions[dimension.key] = None if mean is None else mean * 10
    overall = _weighted_mean([(dimensions[d.key], d.weight) for d in questionnaire.dimensions
                              if dimensions[d.key] is not None])
    return Result(dimensions=dimensions, overall=overall, level=level_for(overall, questionnaire.levels))


def weak_dimensions(dimensions: Mapping[str, float | None], *, below: float = 50.5, at_least: int = 2) -> list[str]:
    """Dimensions to work on first: those scoring below `below`, else the `at_least` lowest; lowest first."""
    scored = sorted(((score, key) for key, score in dimensions.items() if score is not None))
    weak = [key for score, key in scored if score < below]
    return weak or [key for _, key in scored[:at_least]]
