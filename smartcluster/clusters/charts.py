"""Plotly figure specifications (plain dicts for `Plotly.newPlot`, drawn with the locally served Plotly) of the
clusters pages; every chart is followed on its page by the table of the same figures.

Colours: the Okabe-Ito palette, readable with the common colour-vision deficiencies (as the atlas charts)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from smartcluster.clusters.choices import FundingSource

OKABE_ITO = ["#0072B2", "#56B4E9", "#009E73", "#E69F00", "#D55E00", "#CC79A7", "#999999"]


def funding_stacked_chart(frame: pd.DataFrame, *, title: str, y_title: str) -> dict[str, Any]:
    """Revenue by source over the years as stacked bars, one bar segment per source (the public grants first,
    in blues and green), from `evaluation.funding_frame`'s table (year, source, share, amount)."""
    years = sorted(int(year) for year in frame["year"].unique())
    data = []
    for index, (source, label) in enumerate(FundingSource.choices):
        rows = frame[frame["source"] == source].set_index("year")
        data.append({"type": "bar", "name": str(label), "x": years,
                     "y": [round(float(rows.loc[year, "amount"]), 2) if year in rows.index else 0 for year in years],
                     "marker": {"color": OKABE_ITO[index % len(OKABE_ITO)]},
                     "hovertemplate": "%{x}: %{y:,.0f} EUR<extra>" + str(label) + "</extra>"})
    return {"data": data, "layout": {
        "title": {"text": title}, "barmode": "stack", "height": 380, "legend": {"orientation": "h", "traceorder": "normal"},
        "margin": {"l": 70, "r": 20, "t": 50, "b": 60},
        "xaxis": {"dtick": 1, "type": "category"}, "yaxis": {"title": {"text": y_title}}}}
