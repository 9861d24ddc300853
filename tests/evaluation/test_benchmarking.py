"""Benchmarking one cluster against its peers: positions, groups too small to show, strengths and weaknesses."""

from __future__ import annotations

from smartcluster.evaluation.benchmarking import Shown, benchmark
from smartcluster.evaluation.criteria import criteria_set_from_mapping
from smartcluster.evaluation.indicators import indicator_values
from smartcluster.evaluation.peers import peer_group_from_inputs

CRITERIA = criteria_set_from_mapping({"code": "b", "version": 1, "title": "B", "areas": [
    {"key": "a", "title": "A", "indicators": [
        {"key": "members", "title": "Members", "threshold": {"minimum": 15}},
        {"key": "public_dependency", "title": "Public dependency", "threshold": {"maximum": 70}},
        {"key": "satisfaction", "title": "Satisfaction"},
        {"key": "label", "title": "Label", "scale": ["none", "bronze", "silver", "gold"]}]}]})

PEER_INPUTS = [
    {"members": 10, "public_dependency": 20, "satisfaction": 3.0, "label": "none"},
    {"members": 20, "public_dependency": 40, "satisfaction": 3.5, "label": "bronze"},
    {"members": 30, "public_dependency": 60, "satisfaction": 4.0, "label": "bronze"},
    {"members": 40, "public_dependency": 80, "satisfaction": None, "label": "silver"},
    {"members": 50, "public_dependency": 90, "satisfaction": 4.5, "label": "gold"},
]


def test_positions_strengths_and_weaknesses_of_one_cluster() -> None:
    peers = peer_group_from_inputs(CRITERIA, "region DE11", PEER_INPUTS)
    values = indicator_values(CRITERIA, {"members": 45, "public_dependency": 95, "satisfaction": 4.2,
                                         "label": "silver"})
    result = benchmark(CRITERIA, values, peers)
    positions = {item.key: item for item in result.positions}
    # members 45 beats 4 of 5 → 80; dependency 95 (lower is better) beats none → 0; label silver beats 3, ties 1
    # → (3 + 0.5) / 5 = 70; satisfaction has 4 peer values only → too small.
    assert positions["members"].position == 80.0 and positions["members"].peer_median == 30.0
    assert positions["public_dependency"].position == 0.0
    assert positions["label"].position == 70.0 and positions["label"].peer_median is None
    assert positions["satisfaction"].shown is Shown.TOO_SMALL and positions["satisfaction"].position is None
    assert result.strengths == ("members",)
    assert result.weaknesses == ("public_dependency",)


def test_a_peer_group_of_fewer_than_5_is_not_shown() -> None:
    peers = peer_group_from_inputs(CRITERIA, "region DE12", PEER_INPUTS[:4])
    result = benchmark(CRITERIA, {"members": 45}, peers)
    assert result.shown is Shown.TOO_SMALL and result.positions == () and result.strengths == ()


def test_an_indicator_the_cluster_did_not_report_is_missing() -> None:
    peers = peer_group_from_inputs(CRITERIA, "all", PEER_INPUTS)
    positions = {item.key: item for item in benchmark(CRITERIA, {"members": 45}, peers).positions}
    assert positions["public_dependency"].shown is Shown.MISSING
