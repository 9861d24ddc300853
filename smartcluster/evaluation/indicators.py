"""Indicator values of one cluster-year from its reported figures (inputs), by the indicator's formula or scale.

A ratio with a missing figure or a zero denominator has no value (None): it is shown as missing, never as 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from smartcluster.evaluation.criteria import CriteriaSet, FormulaKind, Indicator
from smartcluster.evaluation.errors import EvaluationError

Value = float | str | None


def _figure(inputs: Mapping[str, Any], name: str) -> float | None:
    """A reported number, None when not reported; anything else is refused naming the input."""
    value = inputs.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EvaluationError(name, "not_a_number", f"'{value}' is not a number")
    if math.isnan(value):
        return None
    if value < 0 or math.isinf(value):
        # ours: every figure a cluster reports (counts, EUR, FTE, survey means) is finite and ≥ 0
        raise EvaluationError(name, "negative_or_infinite", f"'{value}' must be a finite number ≥ 0")
    return float(value)


def _scale_option(indicator: Indicator, inputs: Mapping[str, Any]) -> str | None:
    name = indicator.formula.inputs[0]
    value = inputs.get(name)
    if value is None or value == "":
        return None
    if str(value) not in indicator.scale:
        raise EvaluationError(name, "not_on_scale", f"'{value}' is not one of {', '.join(indicator.scale)}")
    return str(value)


def indicator_value(indicator: Indicator, inputs: Mapping[str, Any]) -> Value:
    """The indicator's value from the reported figures (None when a figure is missing or a denominator is 0)."""
    if indicator.scale:
        return _scale_option(indicator, inputs)
    figures = [_figure(inputs, name) for name in indicator.formula.inputs]
    if any(figure is None for figure in figures):
        return None
    if indicator.formula.kind is FormulaKind.VALUE:
        return figures[0]
    first, second = figures
    if second == 0:
        return None
    if indicator.formula.kind is FormulaKind.RATIO:
        return first / second  # methods §1: "ratios keep numerator, denominator and source"
    if indicator.formula.kind is FormulaKind.SHARE:
        return 100 * first / second  # methods §1: share = part / whole, in %
    return 100 * (first - second) / second  # methods §1 member growth: (M_t − M_t−1) / M_t−1


def indicator_values(criteria: CriteriaSet, inputs: Mapping[str, Any]) -> dict[str, Value]:
    """Every indicator's value of one cluster-year, by indicator key."""
    return {indicator.key: indicator_value(indicator, inputs) for indicator in criteria.indicators()}


def criteria_inputs(criteria: CriteriaSet) -> dict[str, tuple[str, ...]]:
    """The figures a criteria set reads (the fields of a self-evaluation), each with the indicators using it."""
    used: dict[str, list[str]] = {}
    for indicator in criteria.indicators():
        for name in indicator.formula.inputs:
            used.setdefault(name, []).append(indicator.key)
    return {name: tuple(keys) for name, keys in used.items()}


def inputs_problems(criteria: CriteriaSet, inputs: Mapping[str, Any]) -> list[EvaluationError]:
    """Every problem of a self-evaluation's figures at once (a form shows them all): unknown fields, figures
    that are not numbers ≥ 0, options off a scale. Empty when `indicator_values` will accept them."""
    known = criteria_inputs(criteria)
    problems = [EvaluationError(name, "unknown_input", "is not a figure of this criteria set")
                for name in inputs if name not in known]
    scales = {indicator.formula.inputs[0]: indicator for indicator in criteria.indicators() if indicator.scale}
    for name in known:
        try:
            if name in scales:
                _scale_option(scales[name], inputs)
            else:
                _figure(inputs, name)
        except EvaluationError as problem:
            problems.append(problem)
    return problems


def evaluation_progress(criteria: CriteriaSet, inputs: Mapping[str, Any]) -> float:
    """Share (%) of the criteria set's figures reported so far (a draft's progress)."""
    names = criteria_inputs(criteria)
    return 100 * sum(inputs.get(name) not in (None, "") for name in names) / len(names)


def ordinal(indicator: Indicator, value: Value) -> float | None:
    """A value as a number that orders it: a scale option's position (worst first), a number itself."""
    if value is None:
        return None
    return float(indicator.scale.index(str(value))) if indicator.scale else float(value)
