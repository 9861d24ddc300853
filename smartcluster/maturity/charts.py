"""Plotly figure specifications (plain dicts for `Plotly.newPlot`) of maturity results. Pure Python, no Django.

Every chart is drawn next to a table of the same figures, so screen readers and print get them too.
"""

from __future__ import annotations

from collections.abc import Sequence

from smartcluster.reports.charts import label_lines

BRAND = "#0b4f8a"
EARLIER = "#8a5a00"
PEERS = "#4a5561"


def _closed(values: Sequence[float | None]) -> list[float | None]:
    """A radar trace repeats its first point so the outline closes."""
    return [*values, values[0]] if values else []


def radar_figure(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]) -> dict:
    """A radar (Scatterpolar) of 0–100 scores, one outline per series (e.g. this result, an earlier one); untitled,
    as the page's heading names it and the top axis label needs the room."""
    colours = [BRAND, EARLIER, PEERS]
    traces = [{"type": "scatterpolar", "r": _closed([None if v is None else round(v, 1) for v in values]),
               "theta": _closed([label_lines(label, 13) for label in labels]), "name": name, "fill": "toself" if index == 0 else "none",
               "line": {"color": colours[index % len(colours)], "dash": "solid" if index == 0 else "dash"},
               "hovertemplate": "%{r}<extra>" + name + "</extra>"}
              for index, (name, values) in enumerate(series)]
    return {"data": traces,
            "layout": {"font": {"size": 11},
                       "polar": {"radialaxis": {"range": [0, 100], "dtick": 25},
                                 # first axis at the top, clockwise: no label sits at the narrow left/right edge
                                 "angularaxis": {"rotation": 90, "direction": "clockwise"}},
                       "showlegend": len(series) > 1, "margin": {"l": 70, "r": 70, "t": 70, "b": 70},
                       "legend": {"orientation": "h"}}}


def median_bars_figure(labels: Sequence[str], medians: Sequence[float | None], q1: Sequence[float | None],
                       q3: Sequence[float | None], *, title: str) -> dict:
    """Median per dimension with the interquartile range as error bars (never a minimum or maximum)."""
    plus = [None if m is None or h is None else round(h - m, 1) for m, h in zip(medians, q3, strict=True)]
    minus = [None if m is None or lo is None else round(m - lo, 1) for m, lo in zip(medians, q1, strict=True)]
    return {"data": [{"type": "bar", "x": [label_lines(label) for label in labels], "y": [None if m is None else round(m, 1) for m in medians],
                      "marker": {"color": BRAND}, "name": "median",
                      "error_y": {"type": "data", "symmetric": False, "array": plus, "arrayminus": minus}}],
            "layout": {"title": {"text": title}, "yaxis": {"range": [0, 100]},
                       "margin": {"l": 40, "r": 20, "t": 60, "b": 120}}}
