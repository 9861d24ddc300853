"""A criteria set as data: versioned (code, version), areas → indicators with a formula or a scale, a threshold
(absolute bound or peer percentile), a weight and the evidence required. Read from YAML or a dict, validated
with errors naming the indicator and field (`EvaluationError`). Pattern: ../shared/methods/evaluation.md §1
"Scoring [Ours]" (ESCA/Baden-Württemberg: one threshold per indicator, award at ≥ 80 % of points [V]).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib.resources import files
from typing import Any

import yaml

from smartcluster.evaluation.errors import EvaluationError

DEFAULT_CODE = "default"
SETS = files("smartcluster.evaluation") / "sets"
INDICATOR_FIELDS = {"key", "title", "unit", "formula", "scale", "threshold", "better", "weight", "evidence",
                    "recommendation"}


class FormulaKind(StrEnum):
    VALUE = "value"  # the figure as reported
    RATIO = "ratio"  # numerator / denominator
    SHARE = "share"  # 100 × numerator / denominator
    GROWTH = "growth"  # 100 × (current − previous) / previous


class ThresholdKind(StrEnum):
    MINIMUM = "minimum"  # passes at value ≥ bound
    MAXIMUM = "maximum"  # passes at value ≤ bound
    PERCENTILE = "percentile"  # bound = this percentile of the peer group's values


class Better(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True)
class Formula:
    kind: FormulaKind
    inputs: tuple[str, ...]


@dataclass(frozen=True)
class Threshold:
    kind: ThresholdKind
    value: float | str  # the bound (a number or a scale option), or the percentile 0–100


@dataclass(frozen=True)
class Indicator:
    key: str
    title: str
    unit: str
    formula: Formula
    threshold: Threshold | None  # None: reported and benchmarked, never scored
    better: Better = Better.HIGHER
    weight: float = 1.0
    scale: tuple[str, ...] = ()  # ordered options, worst first; empty for a number
    evidence: str = ""
    recommendation: str = ""  # advice shown when the indicator scores low (benchmarking)


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    indicators: tuple[Indicator, ...]
    weight: float = 1.0


@dataclass(frozen=True)
class CriteriaSet:
    code: str
    version: int
    title: str
    areas: tuple[Area, ...]
    excellent_at: float = 80.0  # % of points; methods §1 [V] (ESCA Gold, Baden-Württemberg label)
    source: str = ""

    def indicators(self) -> list[Indicator]:
        return [indicator for area in self.areas for indicator in area.indicators]

    def indicator(self, key: str) -> Indicator:
        for indicator in self.indicators():
            if indicator.key == key:
                return indicator
        raise KeyError(key)


def _require(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data or data[key] in (None, ""):
        raise EvaluationError(f"{where}.{key}", "missing", "is missing")
    return data[key]


def _mapping(data: Any, where: str, allowed: set[str]) -> Mapping[str, Any]:
    """Unknown fields are refused: in YAML a comma in an unquoted title silently makes one."""
    if not isinstance(data, Mapping):
        raise EvaluationError(where, "not_a_mapping", "expected a mapping of fields")
    unknown = sorted(map(str, set(data) - allowed))
    if unknown:
        raise EvaluationError(where, "unknown_field", f"unknown field(s) {', '.join(unknown)}")
    return data


def _number(value: Any, where: str, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EvaluationError(where, "not_a_number", f"'{value}' is not a number")
    if positive and value <= 0:
        raise EvaluationError(where, "not_positive", "must be greater than 0")
    return float(value)


def _formula(data: Any, key: str, where: str) -> Formula:
    """`value` (the indicator's own input), `{value: input}`, `{ratio|share|growth: [a, b]}`."""
    if data in (None, FormulaKind.VALUE.value):
        return Formula(FormulaKind.VALUE, (key,))
    kinds = ", ".join(kind.value for kind in FormulaKind)
    if not isinstance(data, Mapping) or len(data) != 1:
        raise EvaluationError(where, "unknown_formula", f"expected one of {kinds} with its input(s)")
    (name, inputs), = data.items()
    if name not in set(FormulaKind):
        raise EvaluationError(where, "unknown_formula", f"unknown formula '{name}' (known: {kinds})")
    kind = FormulaKind(name)
    inputs = (inputs,) if isinstance(inputs, str) else tuple(inputs) if isinstance(inputs, list) else ()
    wanted = 1 if kind is FormulaKind.VALUE else 2
    if len(inputs) != wanted or not all(isinstance(item, str) and item for item in inputs):
        raise EvaluationError(where, "formula_inputs", f"'{name}' needs {wanted} input name(s)")
    return Formula(kind, inputs)


def _threshold(data: Any, scale: tuple[str, ...], where: str) -> Threshold | None:
    if data is None:
        return None
    data = _mapping(data, where, {kind.value for kind in ThresholdKind})
    if len(data) != 1:
        raise EvaluationError(where, "one_threshold", "give exactly one of minimum, maximum, percentile")
    (name, value), = data.items()
    kind = ThresholdKind(name)
    if kind is ThresholdKind.PERCENTILE:
        if scale:
            raise EvaluationError(where, "percentile_on_scale", "a peer percentile needs a number, not a scale")
        if not 0 <= _number(value, f"{where}.percentile") <= 100:
            raise EvaluationError(f"{where}.percentile", "out_of_range", "must lie between 0 and 100")
        return Threshold(kind, float(value))
    if scale:
        if isinstance(value, bool) or value not in scale:
            raise EvaluationError(f"{where}.{name}", "not_on_scale",
                                  f"'{value}' is not one of {', '.join(scale)} (quote 'yes' and 'no')")
        return Threshold(kind, str(value))
    return Threshold(kind, _number(value, f"{where}.{name}"))


def _better(data: Mapping[str, Any], threshold: Threshold | None, where: str) -> Better:
    """Stated, or implied by the bound (a maximum means lower is better); a contradiction is refused."""
    implied = Better.LOWER if threshold and threshold.kind is ThresholdKind.MAXIMUM else Better.HIGHER
    if data.get("better") is None:
        return implied
    if data["better"] not in set(Better):
        raise EvaluationError(f"{where}.better", "unknown_better", "must be 'higher' or 'lower'")
    better = Better(data["better"])
    if threshold and threshold.kind is not ThresholdKind.PERCENTILE and better is not implied:
        raise EvaluationError(f"{where}.better", "contradicts_threshold",
                              f"'{better}' contradicts the {threshold.kind} threshold")
    return better


def _indicator(data: Any, where: str) -> Indicator:
    if not isinstance(data, Mapping):
        raise EvaluationError(where, "not_a_mapping", "expected a mapping of fields")
    key = str(_require(data, "key", where))
    where = f"indicators.{key}"
    data = _mapping(data, where, INDICATOR_FIELDS)
    options = data.get("scale") or []
    if not isinstance(options, list) or any(isinstance(option, bool) for option in options):
        # YAML reads unquoted yes/no as true/false
        raise EvaluationError(f"{where}.scale", "bad_scale", "expected a list of options; quote 'yes' and 'no'")
    scale = tuple(str(option) for option in options)
    if len(set(scale)) != len(scale):
        raise EvaluationError(f"{where}.scale", "options_repeat", "options repeat")
    formula = _formula(data.get("formula"), key, f"{where}.formula")
    if scale and formula.kind is not FormulaKind.VALUE:
        raise EvaluationError(f"{where}.formula", "formula_on_scale", "a scale indicator is read as given")
    threshold = _threshold(data.get("threshold"), scale, f"{where}.threshold")
    return Indicator(key=key, title=str(_require(data, "title", where)), unit=str(data.get("unit", "")),
                     formula=formula, threshold=threshold,
                     better=_better(data, threshold, where), scale=scale,
                     weight=_number(data.get("weight", 1), f"{where}.weight", positive=True),
                     evidence=str(data.get("evidence", "")),
                     recommendation=str(data.get("recommendation", "")))


def _area(data: Any) -> Area:
    where = f"areas.{data.get('key', '?') if isinstance(data, Mapping) else '?'}"
    data = _mapping(data, where, {"key", "title", "weight", "indicators"})
    items = _require(data, "indicators", where)
    if not isinstance(items, list):
        raise EvaluationError(f"{where}.indicators", "not_a_list", "expected a list of indicators")
    return Area(key=str(_require(data, "key", where)), title=str(_require(data, "title", where)),
                indicators=tuple(_indicator(item, f"{where}.indicators") for item in items),
                weight=_number(data.get("weight", 1), f"{where}.weight", positive=True))


def criteria_set_from_mapping(data: Any) -> CriteriaSet:
    """Build and validate a criteria set from its data (as read from YAML or JSON)."""
    data = _mapping(data, "criteria", {"code", "version", "title", "source", "excellent_at", "areas"})
    areas = _require(data, "areas", "criteria")
    if not isinstance(areas, list):
        raise EvaluationError("criteria.areas", "not_a_list", "expected a list of areas")
    version = _require(data, "version", "criteria")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise EvaluationError("criteria.version", "bad_version", "must be a whole number from 1")
    excellent_at = _number(data.get("excellent_at", 80), "criteria.excellent_at", positive=True)
    if excellent_at > 100:
        raise EvaluationError("criteria.excellent_at", "out_of_range", "must lie between 0 and 100")
    criteria = CriteriaSet(code=str(_require(data, "code", "criteria")), version=version,
                           title=str(_require(data, "title", "criteria")), areas=tuple(map(_area, areas)),
                           excellent_at=excellent_at, source=str(data.get("source", "")))
    keys = [indicator.key for indicator in criteria.indicators()]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise EvaluationError(f"indicators.{repeated[0]}", "key_repeats", "the indicator key repeats")
    if len({area.key for area in criteria.areas}) != len(criteria.areas):
        raise EvaluationError("criteria.areas", "key_repeats", "area keys repeat")
    if not keys:
        raise EvaluationError("criteria.areas", "no_indicators", "a criteria set needs indicators")
    return criteria


def criteria_set_from_yaml(text: str) -> CriteriaSet:
    """Parse and validate a criteria set written in YAML (or JSON, a subset of YAML)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise EvaluationError("criteria", "not_yaml", f"not valid YAML: {error}") from error
    return criteria_set_from_mapping(data)


def packaged_criteria_text(code: str = DEFAULT_CODE, version: int = 1) -> str:
    """The YAML text of a criteria set shipped with the package (what the app stores as version data)."""
    path = SETS / f"{code}-v{version}.yaml"
    if not path.is_file():
        raise EvaluationError("criteria", "unknown_set", f"no packaged criteria set '{code}' version {version}")
    return path.read_text(encoding="utf-8")


def default_criteria_set() -> CriteriaSet:
    """Our default criteria set (methods §1 "Default criteria set [Ours]"), version 1."""
    return criteria_set_from_yaml(packaged_criteria_text())
