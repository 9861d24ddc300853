"""Rows for tables and the files users download: the SME's DOCX report, XLSX of anonymised aggregates."""

from __future__ import annotations

import io
import math
from typing import Any

import pandas as pd
from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from smartcluster.industries.models import Industry, NaceLevel
from smartcluster.maturity.models import Assessment
from smartcluster.maturity.selectors import AggregateView
from smartcluster.organisations.models import SizeClass
from smartcluster.regions.models import Region
from smartcluster.reports.tables import add_sheet
from smartcluster.scoring.aggregates import NOT_STATED, TOTAL


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
        name = Industry.objects.filter(level=NaceLevel.SECTION, section=key).values_list("name", flat=True).first()
        return f"{key} {name}" if name else str(key)
    if by == "region":
        region = Region.objects.filter(code=key).order_by("-version").first()
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


def xlsx_response(view: AggregateView, *, title: str, filename: str) -> HttpResponse:
    """An XLSX of the aggregates only (no firm's own scores), suppressed groups marked, with a notes sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    dimension_names = [name for _key, name in view.dimensions] + [_("Overall")]
    for sheet_title, progress in ((_("Distribution"), False), (_("Progress T0 to T1"), True)):
        sheet = add_sheet(workbook, sheet_title)
        header = [_("Group"), _("Organisations")]
        for name in dimension_names:
            header += [f"{name}: {stat}" for stat in (_("mean"), _("lower quartile"), _("median"),
                                                      _("upper quartile"))]
        header += [] if progress else [_("Share %(level)s (%%)") % {"level": label} for _key, label in view.levels]
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in aggregate_rows(view, progress=progress):
            if row["suppressed"]:
                sheet.append([row["label"], _("suppressed")])
                continue
            values: list[Any] = [row["label"], row["n"]]
            for cell in row["cells"]:
                values += [cell["mean"], cell["q1"], cell["median"], cell["q3"]]
            sheet.append(values + row["shares"])
    notes = add_sheet(workbook, _("Notes"))
    for line in (title, _("Questionnaire version: %(code)s") % {"code": view.questionnaire.code},
                 _("Scores 0–100. Groups of fewer than %(n)s organisations, and groups that could be derived by "
                   "subtracting shown groups, are suppressed. No minimum, maximum or single organisation's score is "
                   "given.") % {"n": view.min_size},
                 _("Progress: change in score of organisations with results at stages T0 and T1 of this version.")):
        notes.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_docx(context: dict[str, Any]) -> bytes:
    """The SME's report as DOCX: level, scores per dimension (with the radar as an image), actions, support."""
    from docx import Document
    from docx.shared import Cm

    from smartcluster.maturity.radar_png import radar_png

    assessment: Assessment = context["assessment"]
    document = Document()
    document.add_heading(_("Digital and green maturity report"), level=0)
    document.add_paragraph(f"{assessment.organisation} · {assessment.questionnaire.parsed().title} "
                           f"({assessment.questionnaire.code}) · {assessment.get_stage_display()} · "
                           f"{formats.date_format(timezone.localdate(assessment.submitted_at))}")
    document.add_heading(_("Overall: %(score)s of 100 — %(level)s") % {
        "score": _score_text(assessment.overall), "level": context["level_label"]}, level=1)
    lines = context["lines"]
    document.add_picture(io.BytesIO(radar_png([line.title for line in lines], [line.score or 0 for line in lines])),
                         width=Cm(12))
    table = document.add_table(rows=1, cols=4)
    table.style = "Light Grid Accent 1"
    headings = (_("Dimension"), _("Score"), pgettext("maturity", "Level"), _("Change"))
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    for number, line in enumerate(lines, start=1):
        cells = table.add_row().cells
        change = _number(line.change)
        cells[0].text, cells[1].text = f"{number}. {line.title}", _score_text(line.score) or "–"
        cells[2].text, cells[3].text = line.level_label, ("+" if change and change > 0 else "") + _score_text(change)
    document.add_heading(_("What to do next"), level=1)
    for recommendation in context["recommendations"]:
        document.add_heading(f"{recommendation.title} ({_score_text(recommendation.score)}, "
                             f"{recommendation.level_label})", level=2)
        document.add_paragraph(recommendation.advice)
        for step in recommendation.next_steps:
            document.add_paragraph(step, style="List Bullet")
        for offer in recommendation.support:
            document.add_paragraph(f"{offer.get_kind_display()}: {offer.name} — {offer.description} {offer.url}"
                                   .strip(), style="List Bullet 2")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
