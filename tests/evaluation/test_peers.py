"""Peer-group measures against hand-computed values: the value at a percentile and a percentile position."""

from __future__ import annotations

import pytest

from smartcluster.evaluation.criteria import Better, default_criteria_set
from smartcluster.evaluation.peers import peer_group_from_inputs, percentile_position, percentile_value

PEERS = [10, 20, 30, 40, 50]


@pytest.mark.parametrize(("percentile", "value"), [(0, 10), (50, 30), (60, 34), (75, 40), (100, 50)])
def test_percentile_value_interpolates_between_closest_ranks(percentile: float, value: float) -> None:
    assert percentile_value(PEERS, percentile) == pytest.approx(value)


@pytest.mark.parametrize(("value", "position"), [(35, 60), (30, 50), (5, 0), (55, 100)])
def test_position_counts_peers_done_better_than_and_half_the_ties(value: float, position: float) -> None:
    assert percentile_position(value, PEERS) == position


def test_position_when_lower_is_better_counts_the_peers_above() -> None:
    assert percentile_position(35, PEERS, Better.LOWER) == 40


def test_peer_group_from_inputs_holds_each_peers_indicator_value() -> None:
    peers = peer_group_from_inputs(default_criteria_set(), "country DE",
                                   [{"members": 20, "revenue": 100_000}, {"members": 40}])
    assert peers.size == 2
    assert peers.values["revenue_per_member"] == (5_000.0, None)
    assert peers.known("revenue_per_member") == [5_000.0]
