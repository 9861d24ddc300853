"""Tables for templates: the columns a page shows, their headings, and cell formatting (stars as ★)."""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

import pandas as pd
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from smartcluster.reports.tables import number_formatter, number_text

COLUMNS = {
    "rank": _("rank"), "region": _("region"), "name": _("name"), "year": _("year"), "category": _("category"),
    "category_name": _("category name"), "industry": _("NACE"), "employment": _("employment"),
    "employment_covered": _("employment covered"), "known_share": _("known share"), "lq": _("LQ"),
    "size_star": _("size ★"), "specialisation_star": _("specialisation ★"), "focus_star": _("focus ★"),
    "productivity_star": _("productivity ★"), "stars": _("stars (0–3)"), "completeness": _("completeness"),
    "establishments": _("local units"), "starred_categories": _("starred categories"),
    "top_category": _("top category"), "top_lq": _("top LQ"), "lq_start": _("LQ start"), "lq_end": _("LQ end"),
    "lq_change": _("LQ change"), "period": _("period"), "cagr": _("growth per year"), "density": _("density"),
    "rca": _("RCA"), "value": _("employment"), "weight": _("weight"), "dataset": _("dataset"),
    "flags": _("flag (b: break in series)"),
}
TAXONOMY_LABELS = {
    "cluster_categories": _("Cluster categories (US benchmark clusters)"),
    "smart_industry_40": _("Smart Industry 4.0"),
    "eurostat_hightech_manufacturing": _("High-tech manufacturing (Eurostat)"),
    "eurostat_kis": _("Knowledge-intensive services (Eurostat)"),
    "nace_sections": _("NACE sections"),
}
MEASURE_LABELS = {"lq": _("location quotient (LQ)"), "employment": _("persons employed"),
                  "stars": _("stars (0–3)"), "starred_categories": _("categories with stars")}
PERCENT = {"known_share", "completeness", "cagr"}
# shown once in the page heading when every row has the same value (downloads keep them)
REPEATED = {"region", "name", "year", "category", "category_name"}
STARS = {"size_star", "specialisation_star", "focus_star", "productivity_star"}


def cell(column: str, value: object, number: Callable[[float, int], str] = number_text) -> str:
    """A cell as shown: thousands separators, 2 decimals for ratios, % for shares, ★/– for stars, blank if unknown;
    numbers as the active locale writes them (`number`: reports.tables.number_formatter)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if column in STARS:
        return "★" if bool(value) else "–"
    if column == "stars":
        return "★" * int(value) + "☆" * (3 - int(value))
    if column in PERCENT:
        return f"{number(100 * float(value), 1)} %"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or column in ("year", "rank"):
        return str(int(value)) if column in ("year", "rank") else number(value, 0)
    if isinstance(value, float):
        return number(value, 0) if column in ("employment", "employment_covered", "value", "establishments") \
            else number(value, 2) if column not in ("density",) else number(value, 3)
    return str(value)


def _is_unknown(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def table_view(frame: pd.DataFrame, *, caption: str, key: str) -> dict:
    """Caption, headings and the rendered body rows of the page columns a frame has (raw numbers in data-value);
    identifying columns with one value for every row are left to the page heading. The body is built here, not in
    a template loop: a map's table has thousands of cells and the pages must answer in milliseconds."""
    columns = [c for c in COLUMNS if c in frame.columns
               and not (c in REPEATED and len(frame) > 1 and frame[c].nunique(dropna=False) == 1)]
    rows, number = [], number_formatter()
    for values in frame[columns].itertuples(index=False, name=None):
        cells = "".join(f'<td data-value="{"" if _is_unknown(v) else escape(str(v))}">{escape(cell(c, v, number))}</td>'
                        for c, v in zip(columns, values, strict=True))
        rows.append(f"<tr>{cells}</tr>")
    return {"key": key, "caption": caption, "headings": [COLUMNS[c] for c in columns], "columns": columns,
            "count": len(rows), "body": mark_safe("\n".join(rows))}  # noqa: S308 - every value escaped above
