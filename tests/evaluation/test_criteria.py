"""Criteria sets as data: the packaged default loads; a bad set is refused naming the indicator and field."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from smartcluster.evaluation.criteria import (
    Better,
    ThresholdKind,
    criteria_set_from_mapping,
    criteria_set_from_yaml,
    default_criteria_set,
    packaged_criteria_text,
)
from smartcluster.evaluation.errors import EvaluationError

DEFAULT = yaml.safe_load(packaged_criteria_text())


def _with_indicator(**fields: Any) -> dict[str, Any]:
    """The default set with the first indicator (members) changed."""
    data = copy.deepcopy(DEFAULT)
    data["areas"][0]["indicators"][0].update(fields)
    return data


def test_default_set_has_the_methods_areas_and_is_version_1() -> None:
    criteria = default_criteria_set()
    assert (criteria.code, criteria.version, criteria.excellent_at) == ("default", 1, 80.0)
    assert [area.key for area in criteria.areas] == [
        "structure", "management", "financing", "services", "cooperation", "results"]
    assert len(criteria.indicators()) == 20
    assert all(indicator.evidence for indicator in criteria.indicators())


def test_default_set_gives_every_indicator_a_recommendation_and_reads_one_from_data() -> None:
    assert all(indicator.recommendation for indicator in default_criteria_set().indicators())
    data = copy.deepcopy(DEFAULT)
    data["areas"][0]["indicators"][0]["recommendation"] = "Recruit."
    assert criteria_set_from_mapping(data).indicator("members").recommendation == "Recruit."


def test_default_set_keeps_the_eccp_minimums_as_thresholds() -> None:
    criteria = default_criteria_set()
    assert criteria.indicator("members").threshold.value == 15
    assert criteria.indicator("helix_diversity").threshold.value == 2
    assert criteria.indicator("staff").threshold.value == 0.5


def test_a_maximum_threshold_means_lower_is_better() -> None:
    indicator = default_criteria_set().indicator("public_dependency")
    assert indicator.threshold.kind is ThresholdKind.MAXIMUM and indicator.better is Better.LOWER


def test_money_indicators_without_threshold_are_not_scored() -> None:
    criteria = default_criteria_set()
    assert [i.key for i in criteria.indicators() if i.threshold is None] == [
        "revenue_per_member", "revenue_per_fte", "funds_raised"]


@pytest.mark.parametrize(("fields", "field", "code"), [
    ({"threshold": {"atleast": 15}}, "indicators.members.threshold", "unknown_field"),
    ({"threshold": {"percentile": 120}}, "indicators.members.threshold.percentile", "out_of_range"),
    ({"threshold": {"minimum": 15, "maximum": 90}}, "indicators.members.threshold", "one_threshold"),
    ({"threshold": {"minimum": "many"}}, "indicators.members.threshold.minimum", "not_a_number"),
    ({"formula": {"median": ["a", "b"]}}, "indicators.members.formula", "unknown_formula"),
    ({"formula": {"ratio": ["revenue"]}}, "indicators.members.formula", "formula_inputs"),
    ({"formula": {"ratio": 5}}, "indicators.members.formula", "formula_inputs"),
    ({"weight": 0}, "indicators.members.weight", "not_positive"),
    ({"title": ""}, "indicators.members.title", "missing"),
    ({"better": "lower"}, "indicators.members.better", "contradicts_threshold"),
    ({"colour": "red"}, "indicators.members", "unknown_field"),
])
def test_bad_indicator_is_refused_naming_its_field(fields: dict[str, Any], field: str, code: str) -> None:
    with pytest.raises(EvaluationError) as refusal:
        criteria_set_from_mapping(_with_indicator(**fields))
    assert (refusal.value.field, refusal.value.code) == (field, code)
    assert str(refusal.value).startswith(field + ": ")


def test_scale_threshold_must_be_one_of_its_options() -> None:
    data = copy.deepcopy(DEFAULT)
    label = data["areas"][5]["indicators"][1]
    label["threshold"] = {"minimum": "platinum"}
    with pytest.raises(EvaluationError) as refusal:
        criteria_set_from_mapping(data)
    assert refusal.value.field == "indicators.label.threshold.minimum"
    assert "none, bronze, silver, gold" in refusal.value.message


def test_unquoted_yes_no_options_are_refused_with_a_hint() -> None:
    with pytest.raises(EvaluationError) as refusal:
        criteria_set_from_yaml(packaged_criteria_text().replace('scale: ["no", "yes"]', "scale: [no, yes]"))
    assert (refusal.value.field, refusal.value.code) == ("indicators.strategy.scale", "bad_scale")
    assert "quote 'yes' and 'no'" in refusal.value.message


def test_a_repeated_indicator_key_is_refused() -> None:
    data = copy.deepcopy(DEFAULT)
    data["areas"][1]["indicators"].append(copy.deepcopy(data["areas"][0]["indicators"][0]))
    with pytest.raises(EvaluationError) as refusal:
        criteria_set_from_mapping(data)
    assert (refusal.value.field, refusal.value.code) == ("indicators.members", "key_repeats")


def test_invalid_yaml_is_refused_without_a_traceback_text() -> None:
    with pytest.raises(EvaluationError) as refusal:
        criteria_set_from_yaml("code: [unclosed")
    assert refusal.value.code == "not_yaml" and refusal.value.field == "criteria"


def test_unknown_packaged_set_is_refused() -> None:
    with pytest.raises(EvaluationError, match="no packaged criteria set 'esca-gold'"):
        packaged_criteria_text("esca-gold")


def test_a_scale_indicator_may_read_another_input_but_not_compute() -> None:
    data = copy.deepcopy(DEFAULT)
    label = data["areas"][5]["indicators"][1]
    label["formula"] = {"value": "label_held"}
    assert criteria_set_from_mapping(data).indicator("label").formula.inputs == ("label_held",)
    label["formula"] = {"share": ["a", "b"]}
    with pytest.raises(EvaluationError) as refusal:
        criteria_set_from_mapping(data)
    assert (refusal.value.field, refusal.value.code) == ("indicators.label.formula", "formula_on_scale")
