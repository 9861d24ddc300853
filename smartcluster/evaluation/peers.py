"""A peer group (the other clusters of a region, country, the partnership or all) and the two measures taken
against it: the value at a percentile (a threshold) and one cluster's percentile position (benchmarking)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from smartcluster.evaluation.criteria import Better, CriteriaSet
from smartcluster.evaluation.indicators import Value, indicator_values

MINIMUM_PEERS = 5  # issue #16: peer groups of fewer than 5 are not shown


@dataclass(frozen=True)
class PeerGroup:
    """The values of the clusters compared with (the evaluated cluster itself left out), by indicator key."""

    name: str
    size: int
    values: Mapping[str, tuple[Value, ...]]

    def known(self, key: str) -> list[Value]:
        return [value for value in self.values.get(key, ()) if value is not None]


def peer_group_from_inputs(criteria: CriteriaSet, name: str, inputs: Iterable[Mapping[str, Any]]) -> PeerGroup:
    """The peer group of the clusters whose reported figures are `inputs` (one mapping per cluster)."""
    rows = [indicator_values(criteria, row) for row in inputs]
    return PeerGroup(name=name, size=len(rows),
                     values={indicator.key: tuple(row[indicator.key] for row in rows)
                             for indicator in criteria.indicators()})


def percentile_value(values: Sequence[float], percentile: float) -> float:
    """The value at `percentile` (0–100) of the peers' values.
    Ours: linear interpolation between closest ranks (Hyndman & Fan type 7, numpy's default)."""
    return float(np.percentile(np.asarray(values, dtype=float), percentile))


def percentile_position(value: float, peers: Sequence[float], better: Better = Better.HIGHER) -> float:
    """Share of peers (in %) this value does better than, ties counting half.
    Ours: mid-rank percentile rank, 100 × (worse + ½ × equal) / n."""
    array = np.asarray(peers, dtype=float)
    worse = np.sum(array < value) if better is Better.HIGHER else np.sum(array > value)
    return float(100 * (worse + 0.5 * np.sum(array == value)) / len(array))
