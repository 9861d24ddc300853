"""One cluster against a peer group, per indicator: percentile position, strengths and weaknesses.

Peer groups of fewer than 5 clusters are not shown (issue #16): the whole benchmark, or one indicator with fewer
than 5 peer values, is "too small". Ours: a strength is a position ≥ 75 (better than three quarters of the
peers), a weakness ≤ 25; both bars are parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from smartcluster.evaluation.criteria import CriteriaSet, Indicator
from smartcluster.evaluation.indicators import Value, ordinal
from smartcluster.evaluation.peers import MINIMUM_PEERS, PeerGroup, percentile_position, percentile_value

STRONG_AT = 75.0  # ours: top quartile
WEAK_AT = 25.0  # ours: bottom quartile


class Shown(StrEnum):
    SHOWN = "shown"
    TOO_SMALL = "too_small"
    MISSING = "missing"  # the cluster has no value for it


@dataclass(frozen=True)
class IndicatorPosition:
    key: str
    value: Value
    peers: int  # peer values known for this indicator
    shown: Shown
    position: float | None = None  # % of peers this cluster does better than, ties half
    peer_median: float | None = None  # the peers' median of a number (the radar's reference), None for a scale


@dataclass(frozen=True)
class Benchmark:
    peer_group: str
    peer_group_size: int
    shown: Shown
    positions: tuple[IndicatorPosition, ...] = ()
    strengths: tuple[str, ...] = ()  # indicator keys, best first
    weaknesses: tuple[str, ...] = ()  # indicator keys, weakest first


def indicator_position(indicator: Indicator, value: Value, peers: PeerGroup) -> IndicatorPosition:
    """Percentile position of one cluster's value among the peers' values of the same indicator."""
    known = peers.known(indicator.key)
    if value is None:
        return IndicatorPosition(indicator.key, value, len(known), Shown.MISSING)
    if len(known) < MINIMUM_PEERS:
        return IndicatorPosition(indicator.key, value, len(known), Shown.TOO_SMALL)
    others = [ordinal(indicator, item) or 0.0 for item in known]
    position = percentile_position(ordinal(indicator, value) or 0.0, others, indicator.better)
    median = None if indicator.scale else percentile_value(others, 50)
    return IndicatorPosition(indicator.key, value, len(known), Shown.SHOWN, round(position, 6), median)


def benchmark(criteria: CriteriaSet, values: Mapping[str, Value], peers: PeerGroup, *,
              strong_at: float = STRONG_AT, weak_at: float = WEAK_AT) -> Benchmark:
    """Benchmark of one cluster's indicator values (see `indicator_values`) against `peers`."""
    if peers.size < MINIMUM_PEERS:
        return Benchmark(peers.name, peers.size, Shown.TOO_SMALL)
    positions = tuple(indicator_position(indicator, values.get(indicator.key), peers)
                      for indicator in criteria.indicators())
    shown = [(item.position, item.key) for item in positions if item.position is not None]
    strengths = [key for position, key in sorted(shown, key=lambda pair: -pair[0]) if position >= strong_at]
    weaknesses = [key for position, key in sorted(shown, key=lambda pair: pair[0]) if position <= weak_at]
    return Benchmark(peers.name, peers.size, Shown.SHOWN, positions, tuple(strengths), tuple(weaknesses))
