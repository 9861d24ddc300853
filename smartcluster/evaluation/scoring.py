"""Scores of one cluster-year under a criteria set: points per indicator, per area and overall, "excellent".

Rules (methods/evaluation.md §1 "Scoring [Ours]", on the ESCA/BW pattern [V]): an indicator scores its weight
if it passes its threshold, else 0; an area is the weighted mean of its indicators; the overall score is the
weighted mean of the areas; "excellent" at ≥ `excellent_at` (80) % of points. Ours where the sources are silent:
a missing figure scores 0 (nothing was claimed); an indicator without a threshold is reported, not scored; an
area without a scored indicator is left out of the overall score.
The result is a frozen record of everything it depends on (criteria code and version, each threshold resolved to
its bound, weights, peer group, data year), so a later criteria version never changes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from smartcluster.evaluation.criteria import Better, CriteriaSet, Indicator, ThresholdKind
from smartcluster.evaluation.errors import EvaluationError
from smartcluster.evaluation.indicators import Value, indicator_value, ordinal
from smartcluster.evaluation.peers import MINIMUM_PEERS, PeerGroup, percentile_value

DECIMALS = 6  # scores are rounded before comparing with the bar, so float noise never decides "excellent"


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    MISSING = "missing"
    NOT_SCORED = "not_scored"


@dataclass(frozen=True)
class IndicatorScore:
    key: str
    area: str
    value: Value
    status: Status
    points: float
    weight: float  # the most points it can score; 0 when not scored
    better: Better
    threshold: ThresholdKind | None = None
    bound: float | str | None = None  # the bound applied (a percentile resolved against the peers)
    percentile: float | None = None


@dataclass(frozen=True)
class AreaScore:
    key: str
    weight: float
    points: float
    max_points: float
    percent: float | None  # None when no indicator of the area is scored


@dataclass(frozen=True)
class EvaluationResult:
    criteria_code: str
    criteria_version: int
    data_year: int
    excellent_at: float
    indicators: tuple[IndicatorScore, ...]
    areas: tuple[AreaScore, ...]
    percent: float | None
    excellent: bool
    peer_group: str | None = None
    peer_group_size: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, what the app stores."""
        return asdict(self)


def evaluation_result_from_dict(data: Mapping[str, Any]) -> EvaluationResult:
    """A stored result read back (the inverse of `EvaluationResult.as_dict`)."""
    indicators = tuple(
        IndicatorScore(**{**item, "status": Status(item["status"]), "better": Better(item["better"]),
                          "threshold": item["threshold"] and ThresholdKind(item["threshold"])})
        for item in data["indicators"])
    return EvaluationResult(**{**data, "indicators": indicators,
                               "areas": tuple(AreaScore(**item) for item in data["areas"])})


def _bound(indicator: Indicator, peers: PeerGroup | None) -> float | str:
    """The threshold's bound; a peer percentile resolved against the peers' values of this indicator."""
    threshold = indicator.threshold
    assert threshold is not None
    if threshold.kind is not ThresholdKind.PERCENTILE:
        return threshold.value
    field = f"indicators.{indicator.key}.threshold"
    if peers is None:
        raise EvaluationError(field, "peer_group_needed", "a peer percentile needs a peer group")
    known = peers.known(indicator.key)
    if len(known) < MINIMUM_PEERS:
        raise EvaluationError(field, "peer_group_too_small",
                              f"{len(known)} peer value(s) in '{peers.name}'; at least {MINIMUM_PEERS} are needed")
    return percentile_value([float(value) for value in known], float(threshold.value))


def _passes(indicator: Indicator, value: Value, bound: float | str) -> bool:
    position, limit = ordinal(indicator, value), ordinal(indicator, bound)
    assert position is not None and limit is not None and indicator.threshold is not None
    if indicator.threshold.kind is ThresholdKind.MINIMUM:
        return position >= limit
    if indicator.threshold.kind is ThresholdKind.MAXIMUM:
        return position <= limit
    return position >= limit if indicator.better is Better.HIGHER else position <= limit


def indicator_score(indicator: Indicator, area: str, value: Value, peers: PeerGroup | None) -> IndicatorScore:
    """Points of one indicator: its weight if the value passes the threshold, else 0 (methods §1 [Ours])."""
    if indicator.threshold is None:
        return IndicatorScore(indicator.key, area, value, Status.NOT_SCORED, 0.0, 0.0, indicator.better)
    bound = _bound(indicator, peers)
    percentile = (float(indicator.threshold.value) if indicator.threshold.kind is ThresholdKind.PERCENTILE
                  else None)
    if value is None:
        status = Status.MISSING
    else:
        status = Status.PASSED if _passes(indicator, value, bound) else Status.FAILED
    return IndicatorScore(indicator.key, area, value, status, indicator.weight if status is Status.PASSED else 0.0,
                          indicator.weight, indicator.better, indicator.threshold.kind, bound, percentile)


def _area_score(key: str, weight: float, scores: list[IndicatorScore]) -> AreaScore:
    """Area = weighted mean of its indicators' passes, in % (methods §1 [Ours]: "area = mean")."""
    points, most = sum(score.points for score in scores), sum(score.weight for score in scores)
    percent = round(100 * points / most, DECIMALS) if most else None
    return AreaScore(key, weight, points, most, percent)


def evaluation_score(criteria: CriteriaSet, inputs: Mapping[str, Any], *, data_year: int,
                     peers: PeerGroup | None = None) -> EvaluationResult:
    """Score one cluster-year's reported figures (`inputs`) under `criteria`; `peers` resolves percentile
    thresholds. Overall = weighted mean of the area percentages (methods §1 [Ours]: "overall = weighted mean")."""
    indicators: list[IndicatorScore] = []
    areas: list[AreaScore] = []
    for area in criteria.areas:
        scores = [indicator_score(indicator, area.key, indicator_value(indicator, inputs), peers)
                  for indicator in area.indicators]
        indicators += scores
        areas.append(_area_score(area.key, area.weight, scores))
    scored = [area for area in areas if area.percent is not None]
    total_weight = sum(area.weight for area in scored)
    percent = (round(sum(area.weight * (area.percent or 0.0) for area in scored) / total_weight, DECIMALS)
               if total_weight else None)
    return EvaluationResult(
        criteria_code=criteria.code, criteria_version=criteria.version, data_year=data_year,
        excellent_at=criteria.excellent_at, indicators=tuple(indicators), areas=tuple(areas), percent=percent,
        excellent=percent is not None and percent >= criteria.excellent_at,
        peer_group=peers.name if peers else None, peer_group_size=peers.size if peers else None)
