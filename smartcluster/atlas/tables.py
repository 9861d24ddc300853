"""Tables for templates: the columns a page shows, their headings, and cell formatting (stars as ★)."""

from __future__ import annotations

import math

import pandas as pd
from django.utils.translation import gettext_lazy as _

COLUMNS = {
    "rank": _("rank"), "region": _("region"), "name": _("name"), "year": _("year"), "category": _("category"),
    "category_name": _("category name"), "industry": _("NACE"), "employment": _("employment"),
    "employment_covered": _("employment covered"), "known_share": _("known share"), "lq": _("LQ"),
    "size_star": _("size ★"), "specialisation_star": _("specialisation ★"), "focus_star": _("focus ★"),
    "productivity_star": _("productivity ★"), "stars": _("stars (0–3)"), "completeness": _("completeness"),
    "establishments": _("local units"), "starred_categories": _("starred categories"),
    "top_category": _("top category"), "top_lq": _("top LQ"), "lq_start": _("LQ start"), "lq_end": _("LQ end"),
    "lq_change": _("LQ change"), "period": _("period"), "cagr": _("growth per year"), "density": _("density"),
    "rca": _("RCA"), "value": _("employment"), "weight": _("weight"),
}
PERCENT = {"known_share", "completeness", "cagr"}
STARS = {"size_star", "specialisation_star", "focus_star", "productivity_star"}


def cell(column: str, value: object) -> str:
    """A cell as shown: thousands separators, 2 decimals for ratios, % for shares, ★/– for stars, blank if unknown."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if column in STARS:
        return "★" if bool(value) else "–"
    if column == "stars":
        return "★" * int(value) + "☆" * (3 - int(value))
    if column in PERCENT:
        return f"{100 * float(value):.1f} %"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or column in ("year", "rank"):
        return str(int(value)) if column in ("year", "rank") else f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if column in ("employment", "employment_covered", "value", "establishments") \
            else f"{value:,.2f}" if column not in ("density",) else f"{value:.3f}"
    return str(value)


def table_view(frame: pd.DataFrame, *, caption: str, key: str) -> dict:
    """Caption, headings and formatted rows of the page columns a frame has (raw numbers kept in data-value)."""
    columns = [c for c in COLUMNS if c in frame.columns]
    rows = [[(cell(c, v), "" if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
             for c, v in zip(columns, values, strict=True)]
            for values in frame[columns].itertuples(index=False, name=None)]
    return {"key": key, "caption": caption, "headings": [COLUMNS[c] for c in columns], "columns": columns,
            "rows": rows}
