"""A questionnaire as data (dimensions, questions, answer forms, points, weights, level bands) and answer checks.

Pure Python (no Django): read from YAML or a dict, validated with messages that name what is wrong.
Texts may carry translations (`translations: {lt: {"q1.text": …}}`, paths from `text_paths`).
Answers are JSON: per question key, `"na"` (not applicable) or the answer of its form; a missing key is skipped.
- ``ticks``: a list of option keys;
- ``ticks_per_row``: ``{row_key: [column_key, ...]}``;
- ``scale``: ``{row_key: option_key | "na"}``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

FORMS = ("ticks", "ticks_per_row", "scale")
NOT_APPLICABLE = "na"


class DefinitionError(ValueError):
    """A questionnaire definition that cannot be used (the message names the faulty part)."""


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    points: float = 1.0
    negative: bool = False


@dataclass(frozen=True)
class Row:
    key: str
    label: str


@dataclass(frozen=True)
class Question:
    key: str
    form: str
    text: str
    help: str = ""
    weight: float = 1.0
    provisional: bool = False
    options: tuple[Option, ...] = ()
    rows: tuple[Row, ...] = ()
    columns: tuple[Option, ...] = ()

    def option_keys(self) -> set[str]:
        return {option.key for option in self.options}


@dataclass(frozen=True)
class Dimension:
    key: str
    title: str
    explanation: str
    questions: tuple[Question, ...]
    weight: float = 1.0
    advice: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Level:
    key: str
    label: str
    below: float | None
    description: str = ""
    provisional: bool = False


@dataclass(frozen=True)
class Questionnaire:
    code: str
    family: str
    version: int
    title: str
    dimensions: tuple[Dimension, ...]
    levels: tuple[Level, ...]
    provisional: bool = False
    source: str = ""

    def questions(self) -> list[Question]:
        return [question for dimension in self.dimensions for question in dimension.questions]

    def question(self, key: str) -> Question:
        for question in self.questions():
            if question.key == key:
                return question
        raise KeyError(key)

    def dimension(self, key: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.key == key:
                return dimension
        raise KeyError(key)


def _require(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data or data[key] in (None, ""):
        raise DefinitionError(f"{where}: '{key}' is missing")
    return data[key]


def _known_fields(items: list[Any], allowed: set[str], where: str) -> None:
    """Unknown fields are refused: in YAML a comma in an unquoted label silently makes one."""
    for item in items:
        if not isinstance(item, Mapping):
            raise DefinitionError(f"{where}: every entry needs a key and a label")
        unknown = set(item) - allowed
        if unknown:
            raise DefinitionError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))} "
                                  f"(quote labels that contain commas)")


def _options(items: Any, where: str) -> tuple[Option, ...]:
    if not isinstance(items, list) or not items:
        raise DefinitionError(f"{where}: needs a non-empty list")
    _known_fields(items, {"key", "label", "points", "negative"}, where)
    options = tuple(
        Option(key=str(_require(item, "key", where)), label=str(_require(item, "label", where)),
               points=float(item.get("points", 1)), negative=bool(item.get("negative", False)))
        for item in items
    )
    if len({option.key for option in options}) != len(options):
        raise DefinitionError(f"{where}: option keys repeat")
    if any(option.key == NOT_APPLICABLE for option in options):
        raise DefinitionError(f"{where}: '{NOT_APPLICABLE}' is reserved for 'not applicable'")
    return options


def _question(data: Mapping[str, Any], scales: Mapping[str, Any], where: str) -> Question:
    key = str(_require(data, "key", where))
    where = f"{where} question {key}"
    form = _require(data, "form", where)
    if form not in FORMS:
        raise DefinitionError(f"{where}: unknown answer form '{form}' (known: {', '.join(FORMS)})")
    _known_fields(data.get("rows", []), {"key", "label"}, f"{where} rows")
    rows = tuple(Row(key=str(_require(r, "key", where)), label=str(_require(r, "label", where)))
                 for r in data.get("rows", []))
    options: tuple[Option, ...] = ()
    columns: tuple[Option, ...] = ()
    if form == "ticks":
        options = _options(data.get("options"), f"{where} options")
    elif form == "ticks_per_row":
        columns = _options(data.get("columns"), f"{where} columns")
    else:
        scale_name = _require(data, "scale", where)
        if scale_name not in scales:
            raise DefinitionError(f"{where}: unknown scale '{scale_name}'")
        options = _options(scales[scale_name], f"scale {scale_name}")
    if form != "ticks" and not rows:
        raise DefinitionError(f"{where}: the form '{form}' needs rows")
    return Question(key=key, form=form, text=str(_require(data, "text", where)), help=str(data.get("help", "")),
                    weight=float(data.get("weight", 1)), provisional=bool(data.get("provisional", False)),
                    options=options, rows=rows, columns=columns)


def _levels(items: Any) -> tuple[Level, ...]:
    if not isinstance(items, list) or not items:
        raise DefinitionError("levels: needs a non-empty list")
    levels = tuple(Level(key=str(_require(i, "key", "levels")), label=str(_require(i, "label", "levels")),
                         below=None if i.get("below") is None else float(i["below"]),
                         description=str(i.get("description", "")), provisional=bool(i.get("provisional", False)))
                   for i in items)
    bounds = [level.below for level in levels[:-1]]
    if levels[-1].below is not None or None in bounds or bounds != sorted(bounds):
        raise DefinitionError("levels: every band but the last needs an increasing 'below' bound")
    return levels


def questionnaire_from_mapping(data: Mapping[str, Any], language: str | None = None) -> Questionnaire:
    """Build and validate a questionnaire from its data (as read from YAML), its texts in `language` where the
    definition's `translations` carry them (English otherwise)."""
    if not isinstance(data, Mapping):
        raise DefinitionError("the questionnaire must be a mapping of fields")
    scales = data.get("scales", {}) or {}
    dimensions = []
    for item in _require(data, "dimensions", "questionnaire"):
        where = f"dimension {item.get('key', '?')}"
        questions = tuple(_question(q, scales, where) for q in _require(item, "questions", where))
        dimensions.append(Dimension(key=str(_require(item, "key", where)), title=str(_require(item, "title", where)),
                                    explanation=str(item.get("explanation", "")), questions=questions,
                                    weight=float(item.get("weight", 1)), advice=dict(item.get("advice", {}))))
    keys = [q.key for d in dimensions for q in d.questions]
    if len(set(keys)) != len(keys):
        raise DefinitionError("question keys repeat across dimensions")
    if len({d.key for d in dimensions}) != len(dimensions):
        raise DefinitionError("dimension keys repeat")
    questionnaire = Questionnaire(code=str(_require(data, "code", "questionnaire")),
                                  family=str(_require(data, "family", "questionnaire")),
                                  version=int(_require(data, "version", "questionnaire")),
                                  title=str(_require(data, "title", "questionnaire")), dimensions=tuple(dimensions),
                                  levels=_levels(data.get("levels")),
                                  provisional=bool(data.get("provisional", False)),
                                  source=str(data.get("source", "")))
    translations = data.get("translations") or {}
    if not isinstance(translations, Mapping):
        raise DefinitionError("translations: expected one mapping of texts per language code")
    paths = text_paths(questionnaire)
    for code, texts in translations.items():
        unknown = set(texts or {}) - set(paths)
        if unknown:
            raise DefinitionError(f"translations {code}: unknown text(s) {', '.join(sorted(unknown))}")
    return translated(questionnaire, translations.get(language) or {}) if language else questionnaire


def text_paths(questionnaire: Questionnaire) -> dict[str, str]:
    """Every text a respondent reads, by path (`q1.text`, `q1.design`, `strategy.advice.basic` …): the
    template for a translation. Keys, points and weights are never translated, so scores do not depend on it."""
    texts = {"title": questionnaire.title}
    for level in questionnaire.levels:
        texts[f"level.{level.key}.label"] = level.label
        texts[f"level.{level.key}.description"] = level.description
    for dimension in questionnaire.dimensions:
        texts[f"{dimension.key}.title"] = dimension.title
        texts[f"{dimension.key}.explanation"] = dimension.explanation
        texts.update({f"{dimension.key}.advice.{level}": text for level, text in dimension.advice.items()})
        for question in dimension.questions:
            texts[f"{question.key}.text"] = question.text
            texts[f"{question.key}.help"] = question.help
            for item in (*question.options, *question.rows, *question.columns):
                texts[f"{question.key}.{item.key}"] = item.label
    return texts


def translated(questionnaire: Questionnaire, texts: Mapping[str, str]) -> Questionnaire:
    """The same questionnaire with the texts given by path replaced (missing ones stay in English)."""
    if not texts:
        return questionnaire

    def text(path: str, default: str) -> str:
        return texts.get(path) or default

    def question(q: Question) -> Question:
        return replace(q, text=text(f"{q.key}.text", q.text), help=text(f"{q.key}.help", q.help),
                       options=tuple(replace(o, label=text(f"{q.key}.{o.key}", o.label)) for o in q.options),
                       columns=tuple(replace(c, label=text(f"{q.key}.{c.key}", c.label)) for c in q.columns),
                       rows=tuple(replace(r, label=text(f"{q.key}.{r.key}", r.label)) for r in q.rows))

    dimensions = tuple(replace(d, title=text(f"{d.key}.title", d.title),
                               explanation=text(f"{d.key}.explanation", d.explanation),
                               advice={k: text(f"{d.key}.advice.{k}", v) for k, v in d.advice.items()},
                               questions=tuple(question(q) for q in d.questions)) for d in questionnaire.dimensions)
    levels = tuple(replace(level, label=text(f"level.{level.key}.label", level.label),
                           description=text(f"level.{level.key}.description", level.description))
                   for level in questionnaire.levels)
    return replace(questionnaire, title=text("title", questionnaire.title), dimensions=dimensions, levels=levels)


def definition_from_yaml(text: str) -> dict[str, Any]:
    """Parse YAML text into a definition dict, validating it (raises DefinitionError)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DefinitionError(f"not valid YAML: {error}") from error
    questionnaire_from_mapping(data)
    return data


def translations_from_folder(folder: Path, code: str) -> dict[str, dict[str, str]]:
    """The texts of questionnaire `code` in `folder` by language, one file per language
    (``translations/<code>.<language>.yaml``, a mapping of text path to text) so the scored file never changes."""
    translations = {}
    for path in sorted((folder / "translations").glob(f"{code}.*.yaml")):
        language = path.name[len(code) + 1:-len(".yaml")]
        try:
            texts = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise DefinitionError(f"translations/{path.name}: not valid YAML: {error}") from error
        if not isinstance(texts, Mapping):
            raise DefinitionError(f"translations/{path.name}: expected a mapping of text path to text")
        translations[language] = {str(key): str(text) for key, text in texts.items()}
    return translations


def definition_from_folder(folder: Path, code: str) -> dict[str, Any]:
    """Questionnaire `code` (e.g. ``dma-sme-v1``) read from ``folder/<code>.yaml``, with its translations there."""
    path = folder / f"{code}.yaml"
    if not path.is_file():
        raise DefinitionError(f"no packaged questionnaire '{code}'")
    data = definition_from_yaml(path.read_text(encoding="utf-8"))
    data["translations"] = {**translations_from_folder(folder, code), **(data.get("translations") or {})}
    questionnaire_from_mapping(data)
    return data


def definition_checksum(data: Mapping[str, Any]) -> str:
    """A fingerprint of what scores depend on: results record it so a changed version is detected. Translations
    are left out, so an answered version can still be translated."""
    scored = {key: value for key, value in data.items() if key != "translations"}
    return hashlib.sha256(json.dumps(scored, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _row_answer_errors(question: Question, answer: Any) -> list[str]:
    if not isinstance(answer, Mapping):
        return [f"{question.key}: expected one answer per row"]
    rows = {row.key for row in question.rows}
    errors = [f"{question.key}: unknown row '{key}'" for key in answer if key not in rows]
    if question.form == "ticks_per_row":
        columns = {column.key for column in question.columns}
        for key, ticked in answer.items():
            if not isinstance(ticked, list) or not set(map(str, ticked)) <= columns:
                errors.append(f"{question.key}: row '{key}' has an answer that is not offered")
    else:
        allowed = question.option_keys() | {NOT_APPLICABLE}
        errors += [f"{question.key}: row '{key}' has an answer that is not offered"
                   for key, value in answer.items() if value not in allowed]
    return errors


def answers_errors(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> list[str]:
    """Why these answers do not fit this questionnaire (empty when they do): forged options, unknown keys."""
    known = {question.key for question in questionnaire.questions()}
    errors = [f"unknown question '{key}'" for key in answers if key not in known]
    for question in questionnaire.questions():
        answer = answers.get(question.key)
        if answer is None or answer == NOT_APPLICABLE:
            continue
        if question.form == "ticks":
            if not isinstance(answer, list) or not set(map(str, answer)) <= question.option_keys():
                errors.append(f"{question.key}: an answer that is not offered")
        else:
            errors += _row_answer_errors(question, answer)
    return errors
