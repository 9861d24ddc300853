"""What people read in the tables of downloaded files (XLSX, DOCX): tables, sheet names, column headers and cells.

Every workbook and DOCX table of the platform goes through these helpers, so that no export shows a sheet name cut
mid-word, a raw column name such as ``registration_closes_at`` or a ``True``/``False`` cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from django.utils import formats, translation
from django.utils.translation import gettext as _

SHEET_NAME_MAX = 31  # Excel refuses longer sheet names (Microsoft, "Excel specifications and limits")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")  # characters Excel does not allow in a sheet name
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Table:
    """A table as people read it: a title (sheet name or heading), column headers in words (none for a sheet of
    plain lines) and rows of values, written by `cell_value` in workbooks and `cell_text` in documents."""

    title: str
    columns: Sequence[str] = ()
    rows: Sequence[Sequence[Any]] = ()


def frame_table(frame: pd.DataFrame, *, title: str = "", labels: dict[str, str] | None = None) -> Table:
    """A DataFrame as a `Table`: headers in words (`header`), values as a spreadsheet reads them (`plain_frame`)."""
    frame = plain_frame(frame)
    return Table(title, [header(column, labels) for column in frame.columns],
                 [list(row) for row in frame.itertuples(index=False)])


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable booleans and NA as plain values a spreadsheet reads (empty where unknown)."""
    out = frame.copy()
    for column in out.columns:
        if str(out[column].dtype) == "boolean":
            out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def sheet_name(title: str, *, taken: Iterable[str] = ()) -> str:
    """A valid sheet name for `title`: forbidden characters replaced, at most 31 characters cut at a word boundary
    (marked with "…"), and unique among `taken` (Excel compares names case-insensitively)."""
    name = " ".join(_SHEET_FORBIDDEN.sub(" ", str(title)).split()).strip("'") or _("Sheet")
    used = {existing.casefold() for existing in taken}
    candidate, number = _shorten(name, SHEET_NAME_MAX), 1
    while candidate.casefold() in used:
        number += 1
        suffix = f" ({number})"
        candidate = _shorten(name, SHEET_NAME_MAX - len(suffix)) + suffix
    return candidate


def _shorten(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its first whole words and "…"."""
    if len(text) <= limit:
        return text
    words = text[:limit - len(ELLIPSIS) + 1].split(" ")
    kept = " ".join(words[:-1]) if len(words) > 1 else words[0][:limit - len(ELLIPSIS)]
    return kept.rstrip(" ,;-–") + ELLIPSIS


def add_sheet(workbook: Any, title: str) -> Any:
    """A new sheet of an openpyxl workbook named by `sheet_name` (the workbook's first, empty sheet is reused)."""
    name = sheet_name(title, taken=[sheet.title for sheet in workbook.worksheets if sheet.title != "Sheet"])
    first = workbook.worksheets[0]
    # Read through `values`: looking at a cell (first["A1"]) creates it and the next append would leave row 1 empty.
    if first.title == "Sheet" and all(value is None for row in first.values for value in row):
        first.title = name
        return first
    return workbook.create_sheet(name)


def is_raw_header(text: str) -> bool:
    """Whether a column header is a raw snake_case field name rather than words."""
    return bool(_SNAKE.match(str(text)))


def header(column: Any, labels: dict[str, str] | None = None) -> str:
    """A column header in words: the label given for it, else a snake_case name spelled out ("share_eu" → "Share eu")."""
    text = str((labels or {}).get(column, column))
    if is_raw_header(text):
        text = text.replace("_", " ")
        text = text[:1].upper() + text[1:]
    return text


def number_text(value: float, decimals: int = 0) -> str:
    """A number with thousands grouped and the decimal mark of the active locale ("125,041.5", "125.041,5"), as
    number_format(..., force_grouping=True) writes it."""
    return number_formatter()(value, decimals)


def number_formatter() -> Callable[[float, int], str]:
    """`number_text` bound to the active language, for tables of thousands of cells (the language is looked up
    once: get_language costs more than the formatting)."""
    separators = _separators(translation.get_language())
    return lambda value, decimals=0: f"{value:,.{decimals}f}".translate(separators)


@functools.cache
def _separators(language: str | None) -> dict[int, str]:
    """English grouping and decimal marks → the language's (looked up once per language: get_format is slow)."""
    return str.maketrans({",": str(formats.get_format("THOUSAND_SEPARATOR", language)),
                          ".": str(formats.get_format("DECIMAL_SEPARATOR", language))})


def yes_no(value: bool) -> str:
    """A boolean in the active language."""
    return _("Yes") if value else _("No")


def cell_value(value: Any) -> Any:
    """A value for a spreadsheet cell: booleans as Yes/No, missing as empty, infinity as "∞" (a spreadsheet has no
    infinite number), aware times naive in their own zone."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, bool | np.bool_):
        return yes_no(bool(value))
    if isinstance(value, float | np.floating) and math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones: the header names the zone
    if isinstance(value, np.generic):
        return value.item()  # numpy scalar → Python number openpyxl writes
    return value


def cell_text(value: Any) -> str:
    """A value as DOCX table text, in the active locale: Yes/No, grouped thousands, empty when missing."""
    value = cell_value(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return number_text(value, 3 if abs(value) < 100 else 0)
    if isinstance(value, int):
        return number_text(value)
    if isinstance(value, dt.datetime | dt.date):
        return formats.localize(value, use_l10n=True)
    return str(value)
