"""Plotly figure specifications (plain dicts, drawn by atlas.js with the locally served Plotly) for the pages.

Colours: the Okabe-Ito palette for categories and the viridis / cividis scales for maps, all readable with the
common colour-vision deficiencies. Every chart on a page is followed by the table of its numbers.
"""

from __future__ import annotations

import math

import pandas as pd

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MAP_SCALES = {"lq": "Cividis", "employment": "Viridis", "stars": "Viridis"}


def _number(value: object) -> float | None:
    """A JSON-safe number (None for unknown)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return float(value)


def _layout(title: str, x_title: str, y_title: str, **extra: object) -> dict:
    return {"title": {"text": title}, "xaxis": {"title": {"text": x_title}}, "yaxis": {"title": {"text": y_title}},
            "margin": {"l": 60, "r": 20, "t": 50, "b": 60}, "height": 380, "legend": {"orientation": "h"},
            **extra}


def trend_lines(trends: pd.DataFrame, *, value: str, title: str, y_title: str) -> dict:
    """One line per category over the years."""
    data = []
    for index, (name, rows) in enumerate(trends.groupby("category_name", sort=False)):
        data.append({"type": "scatter", "mode": "lines+markers", "name": name,
                     "x": [int(y) for y in rows["year"]], "y": [_number(v) for v in rows[value]],
                     "line": {"color": OKABE_ITO[index % len(OKABE_ITO)]}})
    return {"data": data, "layout": _layout(title, "year", y_title, xaxis={"dtick": 1})}


def series_lines(joined: pd.DataFrame, *, title: str, y_title: str, break_label: str) -> dict:
    """One line per category over two joined series, with the break in series (Eurostat flag `b`) drawn as a
    dotted vertical line before its first year and labelled."""
    figure = trend_lines(joined, value="employment", title=title, y_title=y_title)
    breaks = sorted({int(year) for year, flag in zip(joined["year"], joined["flags"], strict=True) if "b" in flag})
    figure["layout"]["shapes"] = [{"type": "line", "x0": year - 0.5, "x1": year - 0.5, "yref": "paper", "y0": 0,
                                   "y1": 1, "line": {"dash": "dot", "color": "#444"}} for year in breaks]
    figure["layout"]["annotations"] = [{"x": year - 0.5, "y": 1, "yref": "paper", "yanchor": "bottom",
                                        "text": break_label, "showarrow": False} for year in breaks]
    return figure


def single_line(years: list[int], values: list[object], *, name: str, title: str, y_title: str) -> dict:
    """One series over the years."""
    return {"data": [{"type": "scatter", "mode": "lines+markers", "name": name, "x": years,
                      "y": [_number(v) for v in values], "line": {"color": OKABE_ITO[0]}}],
            "layout": _layout(title, "year", y_title, xaxis={"dtick": 1})}


def category_bars(categories: pd.DataFrame, *, title: str) -> dict:
    """Horizontal bars of LQ per category, with the specialisation threshold of LQ 2 marked."""
    rows = categories.dropna(subset=["lq"]).head(20).iloc[::-1]
    return {"data": [{"type": "bar", "orientation": "h", "x": [_number(v) for v in rows["lq"]],
                      "y": rows["category_name"].tolist(), "marker": {"color": OKABE_ITO[0]}, "name": "LQ"}],
            "layout": {**_layout(title, "LQ", ""), "height": 120 + 24 * len(rows),
                       "margin": {"l": 320, "r": 20, "t": 50, "b": 50},
                       "shapes": [{"type": "line", "x0": 2, "x1": 2, "yref": "paper", "y0": 0, "y1": 1,
                                   "line": {"dash": "dot", "color": "#444"}}]}}


def compare_bars(table: pd.DataFrame, *, value: str, title: str, x_title: str) -> dict:
    """Grouped horizontal bars: one bar group per category (its name on the y axis, which widens to fit it), one
    colour per region; the legend sits above the plot, so long category names never run into it."""
    data = []
    regions = table.groupby("region", sort=True)
    for index, (region, rows) in enumerate(regions):
        data.append({"type": "bar", "orientation": "h", "name": f"{region} {rows['name'].iloc[0]}".strip(),
                     "y": rows["category_name"].tolist(), "x": [_number(v) for v in rows[value]],
                     "marker": {"color": OKABE_ITO[index % len(OKABE_ITO)]}})
    categories = table["category_name"].nunique()
    layout = _layout(title, x_title, "", barmode="group", height=140 + categories * (10 + 12 * len(regions)))
    layout["yaxis"].update({"automargin": True, "autorange": "reversed"})
    layout["legend"] = {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"}
    layout["title"].update({"y": 0.99, "yanchor": "top"})
    layout["margin"] = {"l": 20, "r": 20, "t": 90, "b": 50}
    return {"data": data, "layout": layout}


def portfolio_bubbles(portfolio: pd.DataFrame, *, title: str, y_title: str) -> dict:
    """The cluster portfolio: x = LQ, y = employment growth (CAGR, %), bubble size = employment."""
    data = []
    known = portfolio.dropna(subset=["lq", "cagr", "employment"])
    largest = float(known["employment"].max()) if not known.empty else 1.0
    for index, (region, rows) in enumerate(known.groupby("region", sort=True)):
        data.append({"type": "scatter", "mode": "markers", "name": region,
                     "x": [_number(v) for v in rows["lq"]], "y": [_number(100 * v) for v in rows["cagr"]],
                     "text": rows["category_name"].tolist(),
                     "marker": {"size": [_number(v) for v in rows["employment"]], "sizemode": "area",
                                "sizeref": 2.0 * largest / 60.0 ** 2, "sizemin": 3, "opacity": 0.7,
                                "color": OKABE_ITO[index % len(OKABE_ITO)]},
                     "hovertemplate": "%{text}<br>LQ %{x:.2f}<br>%{y:.1f} %/year<extra>" + region + "</extra>"})
    layout = _layout(title, "LQ", y_title, height=480)
    layout["shapes"] = [{"type": "line", "x0": 1, "x1": 1, "yref": "paper", "y0": 0, "y1": 1,
                         "line": {"dash": "dot", "color": "#444"}},
                        {"type": "line", "y0": 0, "y1": 0, "xref": "paper", "x0": 0, "x1": 1,
                         "line": {"dash": "dot", "color": "#444"}}]
    return {"data": data, "layout": layout}


UNKNOWN_GREY = "#bdbdbd"


def choropleth(regions: pd.DataFrame, *, value: str, title: str, outlined: list[str], value_label: str = "") -> dict:
    """NUTS regions coloured by `value` (its colour bar titled `value_label`); the GeoJSON is fetched by the page
    (atlas.js fills `geojson`)."""
    shown = regions.dropna(subset=[value])
    data = [{"type": "choropleth", "featureidkey": "id", "locations": shown["region"].tolist(),
             "z": [_number(v) for v in shown[value]], "text": shown["name"].tolist(),
             "colorscale": MAP_SCALES.get(value, "Viridis"), "reversescale": False,
             "colorbar": {"title": {"text": value_label or value}},
             "marker": {"line": {"color": "#ffffff", "width": 0.4}},
             "hovertemplate": "%{location} %{text}<br>%{z:.2f}<extra></extra>"}]
    unknown = regions[regions[value].isna()]
    if len(unknown):
        # Confidential or missing figures stay on the map, in grey, rather than vanish or read as zero.
        data.append({"type": "choropleth", "featureidkey": "id", "locations": unknown["region"].tolist(),
                     "z": [0] * len(unknown), "text": unknown["name"].tolist(), "showscale": False,
                     "colorscale": [[0, UNKNOWN_GREY], [1, UNKNOWN_GREY]], "name": "unknown",
                     "marker": {"line": {"color": "#ffffff", "width": 0.4}},
                     "hovertemplate": "%{location} %{text}<br>unknown (confidential or not available)"
                                      "<extra></extra>"})
    outlined = [code for code in outlined if code in set(regions["region"])]
    if outlined:
        data.append({"type": "choropleth", "featureidkey": "id", "locations": outlined, "z": [1] * len(outlined),
                     "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], "showscale": False,
                     "marker": {"line": {"color": "#D55E00", "width": 2.5}}, "hoverinfo": "skip",
                     "name": "partner regions"})
    layout = {"title": {"text": title}, "height": 560, "margin": {"l": 0, "r": 0, "t": 50, "b": 0},
              "geo": {"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"}}}
    return {"data": data, "layout": layout}
