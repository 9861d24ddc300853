"""Questionnaire definitions and answer checks (no database)."""

from __future__ import annotations

import copy

import pytest

from smartcluster.maturity.packaged import PACKAGED, packaged_definition
from smartcluster.scoring.definition import (
    DefinitionError,
    answers_errors,
    definition_checksum,
    definition_from_yaml,
    questionnaire_from_mapping,
    text_paths,
)

DEFAULT = packaged_definition("dma-sme-v1")


def test_default_questionnaire_has_six_dimensions_and_eleven_questions():
    questionnaire = questionnaire_from_mapping(DEFAULT)
    assert [d.key for d in questionnaire.dimensions] == [
        "strategy", "readiness", "human", "data", "automation", "green"]
    assert [q.key for q in questionnaire.questions()] == [f"q{i}" for i in range(1, 12)]
    assert questionnaire.question("q1").provisional and questionnaire.question("q7").provisional


def test_forged_option_unknown_row_and_unknown_question_are_named():
    questionnaire = questionnaire_from_mapping(DEFAULT)
    errors = answers_errors(questionnaire, {"q2": ["needs", "bribe"], "q4": {"warp_drive": "5"},
                                            "q1": {"design": ["stolen"]}, "q99": ["x"], "q11": {"ems": "maybe"}})
    assert "unknown question 'q99'" in errors
    assert "q2: an answer that is not offered" in errors
    assert "q4: unknown row 'warp_drive'" in errors
    assert "q1: row 'design' has an answer that is not offered" in errors
    assert "q11: row 'ems' has an answer that is not offered" in errors


def test_valid_answers_have_no_errors():
    questionnaire = questionnaire_from_mapping(DEFAULT)
    assert answers_errors(questionnaire, {"q2": ["needs"], "q4": {"iot": "na", "mes": "3"}, "q5": "na"}) == []


def test_unknown_answer_form_is_refused_with_its_name():
    broken = copy.deepcopy(DEFAULT)
    broken["dimensions"][0]["questions"][1]["form"] = "slider"
    with pytest.raises(DefinitionError, match="unknown answer form 'slider'"):
        questionnaire_from_mapping(broken)


def test_levels_must_have_increasing_bounds():
    broken = copy.deepcopy(DEFAULT)
    broken["levels"][1]["below"] = 10
    with pytest.raises(DefinitionError, match="increasing"):
        questionnaire_from_mapping(broken)


def test_bad_yaml_is_refused():
    with pytest.raises(DefinitionError, match="not valid YAML"):
        definition_from_yaml("code: [unclosed")


def test_checksum_changes_when_a_point_changes():
    changed = copy.deepcopy(DEFAULT)
    changed["scales"]["stage_0_5"][5]["points"] = 6
    assert definition_checksum(changed) != definition_checksum(DEFAULT)
    assert definition_checksum(copy.deepcopy(DEFAULT)) == definition_checksum(DEFAULT)


def test_an_unquoted_comma_in_a_label_is_caught_as_an_unknown_field():
    text = (PACKAGED / "dma-sme-v1.yaml").read_text().replace(
        '"Marketing, sales and customer service"', "Marketing, sales and customer service")
    with pytest.raises(DefinitionError, match="unknown field"):
        definition_from_yaml(text)


def test_translations_replace_texts_but_never_keys_points_or_the_checksum():
    translated = copy.deepcopy(DEFAULT)
    translated["translations"] = {"lt": {"strategy.title": "Skaitmeninė verslo strategija",
                                         "q2.needs": "Skaitmeniniai poreikiai susieti su tikslais"}}
    lithuanian = questionnaire_from_mapping(translated, "lt")
    assert lithuanian.dimension("strategy").title == "Skaitmeninė verslo strategija"
    assert lithuanian.question("q2").options[0].label == "Skaitmeniniai poreikiai susieti su tikslais"
    assert lithuanian.question("q2").options[0].key == "needs"
    assert lithuanian.question("q3").text == questionnaire_from_mapping(DEFAULT).question("q3").text
    assert questionnaire_from_mapping(translated, "de").dimension("strategy").title == "Digital business strategy"
    assert definition_checksum(translated) == definition_checksum(DEFAULT)


def test_a_translation_of_an_unknown_text_is_refused():
    broken = copy.deepcopy(DEFAULT)
    broken["translations"] = {"lt": {"q99.text": "?"}}
    with pytest.raises(DefinitionError, match="unknown text"):
        questionnaire_from_mapping(broken)


def test_text_paths_list_every_label_once():
    paths = text_paths(questionnaire_from_mapping(DEFAULT))
    assert paths["q1.invested"] == "Already invested" and paths["q4.iot"] == "Internet of Things, industrial IoT"
    assert paths["level.moderate.label"] == "Moderately advanced"
