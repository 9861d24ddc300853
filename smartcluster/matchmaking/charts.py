"""Plotly figure specifications (plain dicts for `Plotly.newPlot`) of an event's statistics, each drawn next to
the table of the same figures."""

from __future__ import annotations

from typing import Any

from smartcluster.matchmaking.selectors import StatisticTable


def statistics_chart(table: StatisticTable) -> dict[str, Any]:
    """A Plotly bar chart of a statistics table, as a JSON-ready figure (rate rows are left out of the bars)."""
    rows = [row for row in table.rows if isinstance(row[1], int)]
    return {
        "data": [{"type": "bar", "x": [str(row[0]) for row in rows], "y": [row[1] for row in rows],
                  "marker": {"color": "#1f5f8b"}}],
        "layout": {"title": {"text": str(table.title)}, "margin": {"t": 40, "l": 40, "r": 10, "b": 80},
                   "height": 320, "yaxis": {"title": {"text": str(table.columns[1])}}},
    }
