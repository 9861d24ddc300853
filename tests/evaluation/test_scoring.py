"""Scores under a criteria set, checked against an evaluation of the default set worked out by hand."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
import yaml

from smartcluster.evaluation.criteria import (
    CriteriaSet,
    ThresholdKind,
    criteria_set_from_mapping,
    default_criteria_set,
    packaged_criteria_text,
)
from smartcluster.evaluation.errors import EvaluationError
from smartcluster.evaluation.peers import PeerGroup, peer_group_from_inputs
from smartcluster.evaluation.scoring import Status, evaluation_result_from_dict, evaluation_score


def _two_indicator_set(first_weight: float, second_weight: float) -> CriteriaSet:
    return criteria_set_from_mapping({"code": "t", "version": 1, "title": "T", "areas": [
        {"key": "a", "title": "A", "indicators": [
            {"key": "first", "title": "First", "threshold": {"minimum": 1}, "weight": first_weight},
            {"key": "second", "title": "Second", "threshold": {"minimum": 1}, "weight": second_weight}]}]})


def _revenue_per_member_set(threshold: dict[str, Any]) -> CriteriaSet:
    return criteria_set_from_mapping({"code": "p", "version": 1, "title": "P", "areas": [
        {"key": "financing", "title": "Financing", "indicators": [
            {"key": "revenue_per_member", "title": "Revenue per member", "unit": "EUR",
             "formula": {"ratio": ["revenue", "members"]}, "threshold": threshold}]}]})


def _peers(values: list[float]) -> PeerGroup:
    criteria = _revenue_per_member_set({"percentile": 50})
    return peer_group_from_inputs(criteria, "region DE11", [{"revenue": v, "members": 1} for v in values])


def test_default_set_scored_as_worked_out_by_hand(cluster_inputs: dict[str, Any]) -> None:
    result = evaluation_score(default_criteria_set(), cluster_inputs, data_year=2025)
    statuses = {score.key: score.status for score in result.indicators}
    # By hand: retention 30/36 = 83.3 % < 85; core 120k/800k = 15 % < 20; secured 36 months 700k/750k = 0.93 < 1;
    # label "none" < bronze; international agreements not reported; the three money indicators are not scored.
    assert {key for key, status in statuses.items() if status is Status.FAILED} == {
        "retention", "core_share", "secured_36_months", "label"}
    assert [key for key, status in statuses.items() if status is Status.MISSING] == ["international_agreements"]
    assert [key for key, status in statuses.items() if status is Status.NOT_SCORED] == [
        "revenue_per_member", "revenue_per_fte", "funds_raised"]
    # Areas: structure 4/5, management 2/2, financing 2/4, services 1/1, cooperation 1/2, results 2/3.
    assert {area.key: area.percent for area in result.areas} == pytest.approx({
        "structure": 80.0, "management": 100.0, "financing": 50.0, "services": 100.0, "cooperation": 50.0,
        "results": 200 / 3})
    # Overall (equal area weights): (80 + 100 + 50 + 100 + 50 + 66.67) / 6 = 74.44 % → not excellent.
    assert result.percent == pytest.approx(74.444444, abs=1e-5)
    assert result.excellent is False


def test_indicator_values_follow_their_formulas(cluster_inputs: dict[str, Any]) -> None:
    scores = {s.key: s for s in evaluation_score(default_criteria_set(), cluster_inputs, data_year=2025).indicators}
    assert scores["member_growth"].value == pytest.approx(100 * 4 / 36)
    assert scores["public_dependency"].value == pytest.approx(60.0)
    assert scores["secured_12_months"].value == pytest.approx(0.8)
    assert scores["revenue_per_member"].value == pytest.approx(20_000)


def test_weighted_area_counts_more_in_the_overall_score(cluster_inputs: dict[str, Any]) -> None:
    data = yaml.safe_load(packaged_criteria_text())
    data["areas"][1]["weight"] = 4  # management, 100 %: (80 + 400 + 50 + 100 + 50 + 66.67) / 9 = 82.96 %
    result = evaluation_score(criteria_set_from_mapping(data), cluster_inputs, data_year=2025)
    assert result.percent == pytest.approx((80 + 400 + 50 + 100 + 50 + 200 / 3) / 9, abs=1e-5)
    assert result.excellent is True


def test_79_9_percent_is_not_excellent() -> None:
    result = evaluation_score(_two_indicator_set(799, 201), {"first": 1, "second": 0}, data_year=2025)
    assert result.percent == pytest.approx(79.9)
    assert result.excellent is False


def test_80_0_percent_is_excellent() -> None:
    result = evaluation_score(_two_indicator_set(800, 200), {"first": 1, "second": 0}, data_year=2025)
    assert result.percent == 80.0
    assert result.excellent is True


def test_80_percent_from_float_arithmetic_is_still_excellent() -> None:
    # Weights 9.2 and 2.3: 100 × 9.2 / 11.5 = 79.99999999999999 in floats; rounding keeps the intended 80 %.
    result = evaluation_score(_two_indicator_set(9.2, 2.3), {"first": 1, "second": 0}, data_year=2025)
    assert result.excellent is True


def test_peer_percentile_threshold_is_resolved_against_the_peer_group() -> None:
    # Peers 10, 20, 30, 40, 50: the 60th percentile by linear interpolation is 30 + 0.4 × 10 = 34.
    criteria = _revenue_per_member_set({"percentile": 60})
    peers = _peers([10, 20, 30, 40, 50])
    passing = evaluation_score(criteria, {"revenue": 34, "members": 1}, data_year=2025, peers=peers)
    failing = evaluation_score(criteria, {"revenue": 33.9, "members": 1}, data_year=2025, peers=peers)
    score = passing.indicators[0]
    assert (score.threshold, score.percentile, score.bound) == (ThresholdKind.PERCENTILE, 60.0, pytest.approx(34.0))
    assert score.status is Status.PASSED and failing.indicators[0].status is Status.FAILED
    assert (passing.peer_group, passing.peer_group_size) == ("region DE11", 5)


def test_lower_is_better_percentile_passes_at_or_below_the_bound() -> None:
    lower_better = criteria_set_from_mapping({"code": "p", "version": 1, "title": "P", "areas": [
        {"key": "f", "title": "F", "indicators": [
            {"key": "revenue_per_member", "title": "R", "formula": {"ratio": ["revenue", "members"]},
             "threshold": {"percentile": 50}, "better": "lower"}]}]})
    peers = _peers([10, 20, 30, 40, 50])
    assert evaluation_score(lower_better, {"revenue": 30, "members": 1}, data_year=2025, peers=peers).percent == 100
    assert evaluation_score(lower_better, {"revenue": 31, "members": 1}, data_year=2025, peers=peers).percent == 0


def test_peer_percentile_with_fewer_than_5_peers_is_refused() -> None:
    with pytest.raises(EvaluationError) as refusal:
        evaluation_score(_revenue_per_member_set({"percentile": 50}), {"revenue": 1, "members": 1},
                         data_year=2025, peers=_peers([10, 20, 30, 40]))
    assert (refusal.value.field, refusal.value.code) == (
        "indicators.revenue_per_member.threshold", "peer_group_too_small")


def test_peer_percentile_without_a_peer_group_is_refused() -> None:
    with pytest.raises(EvaluationError) as refusal:
        evaluation_score(_revenue_per_member_set({"percentile": 50}), {"revenue": 1, "members": 1}, data_year=2025)
    assert refusal.value.code == "peer_group_needed"


def test_result_records_version_thresholds_weights_and_data_year(cluster_inputs: dict[str, Any]) -> None:
    result = evaluation_score(default_criteria_set(), cluster_inputs, data_year=2024)
    members = next(score for score in result.indicators if score.key == "members")
    assert (result.criteria_code, result.criteria_version, result.data_year) == ("default", 1, 2024)
    assert (members.threshold, members.bound, members.weight) == (ThresholdKind.MINIMUM, 15.0, 1.0)


def test_a_new_criteria_version_leaves_a_stored_result_unchanged(cluster_inputs: dict[str, Any]) -> None:
    first = evaluation_score(default_criteria_set(), cluster_inputs, data_year=2025)
    stored, snapshot = first.as_dict(), copy.deepcopy(first)
    data = yaml.safe_load(packaged_criteria_text())
    data["version"] = 2
    data["areas"][0]["indicators"][0]["threshold"] = {"minimum": 50}  # members: 40 now fails
    second = evaluation_score(criteria_set_from_mapping(data), cluster_inputs, data_year=2025)
    assert second.criteria_version == 2 and second.percent < first.percent
    assert first == snapshot and first.as_dict() == stored
    assert evaluation_result_from_dict(json.loads(json.dumps(stored))) == first


def test_a_scale_value_off_the_scale_is_refused_naming_the_input(cluster_inputs: dict[str, Any]) -> None:
    with pytest.raises(EvaluationError) as refusal:
        evaluation_score(default_criteria_set(), {**cluster_inputs, "label": "platinum"}, data_year=2025)
    assert (refusal.value.field, refusal.value.code) == ("label", "not_on_scale")


def test_a_figure_that_is_not_a_number_is_refused_naming_the_input(cluster_inputs: dict[str, Any]) -> None:
    with pytest.raises(EvaluationError) as refusal:
        evaluation_score(default_criteria_set(), {**cluster_inputs, "members": "forty"}, data_year=2025)
    assert (refusal.value.field, refusal.value.code) == ("members", "not_a_number")


def test_a_zero_denominator_leaves_the_indicator_missing(cluster_inputs: dict[str, Any]) -> None:
    result = evaluation_score(default_criteria_set(), {**cluster_inputs, "annual_cost": 0}, data_year=2025)
    scores = {score.key: score for score in result.indicators}
    assert scores["secured_12_months"].value is None and scores["secured_12_months"].status is Status.MISSING
