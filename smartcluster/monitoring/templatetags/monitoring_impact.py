"""Template tags of the impact part: an indicator's series read at render time (the panel is included elsewhere)."""

from __future__ import annotations

from typing import Any

from django import template

from smartcluster.monitoring.models import ImpactIndicator
from smartcluster.monitoring.selectors.impact import ImpactSeries, impact_series

register = template.Library()


@register.simple_tag
def impact_series_of(indicator: ImpactIndicator) -> ImpactSeries:
    """The indicator's series, read now from its source."""
    return impact_series(indicator)


@register.simple_tag
def impact_chart_data(indicator: ImpactIndicator, series: ImpactSeries) -> dict[str, Any]:
    """The chart's data for the page script (years, values, the start year marked, the means before and after)."""
    return {"id": f"impact-chart-{indicator.pk}", "script_id": f"impact-data-{indicator.pk}",
            "years": [year for year, _ in series.points],
            "values": [value for _, value in series.points], "start": series.start_year, "unit": series.unit,
            "before": series.before, "after": series.after}
