"""Rows for tables and the files users download: the SME's DOCX report, XLSX of anonymised aggregates. The files
are written by `smartcluster.reports`."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from smartcluster.industries.choices import NaceLevel
from smartcluster.industries.selectors import industry_find
from smartcluster.maturity.models import Assessment
from smartcluster.maturity.selectors import AggregateView
from smartcluster.organisations.choices import SizeClass
from smartcluster.regions.selectors import region_find
from smartcluster.reports.charts import radar_png
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes
from smartcluster.scoring.aggregates import NOT_STATED, TOTAL

RADAR_WIDTH_CM = 12


def _number(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), 1)


def _score_text(value: Any) -> str:
    """A score with one decimal in the active locale ("62.5", "62,5"); empty when there is none."""
    number = _number(value)
    return "" if number is None else formats.number_format(number, decimal_pos=1, use_l10n=True)


def group_label(by: str | None, key: Any) -> str:
    """A group's name in words."""
    if key == TOTAL:
        return _("All organisations selected")
    if key == NOT_STATED:
        return _("Not stated")
    if by == "size_class":
        return str(dict(SizeClass.choices).get(key, key))
    if by == "sector":
        section = industry_find(code=str(key), level=NaceLevel.SECTION)
        return f"{key} {section.name}" if section else str(key)
    if by == "region":
        region = region_find(code=str(key))
        return f"{key} {region.display_name}" if region else str(key)
    return str(key)


def _row(table_row: pd.Series, dimensions: list[str], levels: list[str], label: str) -> dict[str, Any]:
    cells = [{stat: _number(table_row.get(f"{key}_{stat}")) for stat in ("mean", "q1", "median", "q3")}
             for key in dimensions]
    shares = [_number(table_row.get(f"share_{key}") * 100) if f"share_{key}" in table_row
              and not pd.isna(table_row.get(f"share_{key}")) else None for key in levels]
    return {"label": label, "suppressed": bool(table_row["suppressed"]),
            "n": None if table_row["suppressed"] else int(table_row["n"]), "cells": cells, "shares": shares}


def aggregate_rows(view: AggregateView, *, progress: bool = False) -> list[dict[str, Any]]:
    """Table rows of an aggregate view (total first); suppressed rows carry no figure at all."""
    table = view.progress if progress else view.table
    keys = [key for key, _name in view.dimensions] + ["overall"]
    levels = [] if progress else [key for key, _name in view.levels]
    return [_row(row, keys, levels, group_label(view.by, row["group"])) for _index, row in table.iterrows()]


def peer_rows(peers: pd.DataFrame, *, assessment: Assessment) -> list[dict[str, Any]]:
    """Peer groups of the report: which organisations, and their figures when shown."""
    names = {TOTAL: _("All organisations that answered this version"),
             "size_class": _("Same size band: %(band)s") % {"band": assessment.get_size_class_display()
                                                             if assessment.size_class else ""},
             "sector": _("Same sector: %(sector)s") % {"sector": assessment.nace or ""},
             "region": _("Same region: %(region)s") % {"region": assessment.region.display_name
                                                       if assessment.region_id else ""}}
    keys = [d.key for d in assessment.questionnaire.parsed().dimensions] + ["overall"]
    return [_row(row, keys, [], names[row["group"]]) for _index, row in peers.iterrows()]


def _aggregate_table(view: AggregateView, *, title: str, progress: bool) -> Table:
    """One sheet of the aggregates: per group its size, four statistics per dimension and (distribution only) the
    share of organisations at each level; a suppressed group shows no figure."""
    columns = [_("Group"), _("Organisations")]
    for name in [name for _key, name in view.dimensions] + [_("Overall")]:
        columns += [f"{name}: {stat}" for stat in (_("mean"), _("lower quartile"), _("median"), _("upper quartile"))]
    columns += [] if progress else [_("Share %(level)s (%%)") % {"level": label} for _key, label in view.levels]
    rows: list[list[Any]] = []
    for row in aggregate_rows(view, progress=progress):
        if row["suppressed"]:
            rows.append([row["label"], _("suppressed")])
            continue
        values: list[Any] = [row["label"], row["n"]]
        for cell in row["cells"]:
            values += [cell["mean"], cell["q1"], cell["median"], cell["q3"]]
        rows.append(values + row["shares"])
    return Table(title, columns, rows)


def aggregates_workbook(view: AggregateView, *, title: str) -> bytes:
    """An XLSX of the aggregates only (no firm's own scores), suppressed groups marked, with a notes sheet."""
    notes = [title, _("Questionnaire version: %(code)s") % {"code": view.questionnaire.code},
             _("Scores 0–100. Groups of fewer than %(n)s organisations, and groups that could be derived by "
               "subtracting shown groups, are suppressed. No minimum, maximum or single organisation's score is "
               "given.") % {"n": view.min_size},
             _("Progress: change in score of organisations with results at stages T0 and T1 of this version.")]
    return xlsx_bytes([_aggregate_table(view, title=_("Distribution"), progress=False),
                       _aggregate_table(view, title=_("Progress T0 to T1"), progress=True),
                       Table(_("Notes"), rows=[[line] for line in notes])])


def report_docx(context: dict[str, Any]) -> bytes:
    """The SME's report as DOCX: level, scores per dimension (with the radar as an image), actions, support."""
    assessment: Assessment = context["assessment"]
    document = WordDocument(_("Digital and green maturity report"))
    document.paragraph(f"{assessment.organisation} · {assessment.questionnaire.parsed().title} "
                       f"({assessment.questionnaire.code}) · {assessment.get_stage_display()} · "
                       f"{formats.date_format(timezone.localdate(assessment.submitted_at))}")
    document.heading(_("Overall: %(score)s of 100 — %(level)s") % {
        "score": _score_text(assessment.overall), "level": context["level_label"]})
    lines = context["lines"]
    document.image(radar_png([line.title for line in lines], [line.score or 0 for line in lines]),
                   width_cm=RADAR_WIDTH_CM)
    document.table(Table("", [_("Dimension"), _("Score"), pgettext("maturity", "Level"), _("Change")],
                         [_line_cells(number, line) for number, line in enumerate(lines, start=1)]))
    document.heading(_("What to do next"))
    for recommendation in context["recommendations"]:
        document.heading(f"{recommendation.title} ({_score_text(recommendation.score)}, "
                         f"{recommendation.level_label})", level=2)
        document.paragraph(recommendation.advice)
        for step in recommendation.next_steps:
            document.bullet(step)
        for offer in recommendation.support:
            document.bullet(f"{offer.get_kind_display()}: {offer.name} — {offer.description} {offer.url}".strip(),
                            level=2)
    return document.to_bytes()


def _line_cells(number: int, line: Any) -> list[str]:
    """A dimension's row of the report table: numbered name, score, level and signed change."""
    change = _number(line.change)
    return [f"{number}. {line.title}", _score_text(line.score) or "–", line.level_label,
            ("+" if change and change > 0 else "") + _score_text(change)]
