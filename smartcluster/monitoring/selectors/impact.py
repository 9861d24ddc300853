"""Territorial impact: the series an action should move, read from the section that records them (never stored)."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from smartcluster.atlas import selectors as atlas
from smartcluster.monitoring.choices import ImpactSource
from smartcluster.monitoring.models import Action, ImpactIndicator

__all__ = ["ImpactSeries", "impact_indicator_list", "impact_series"]


@dataclass(frozen=True)
class ImpactSeries:
    """An indicator's points (year, value) with the action's start year and the means before and after it."""

    points: list[tuple[int, float]] = field(default_factory=list)
    start_year: int | None = None
    source: str = ""
    unit: str = ""
    message: str = ""

    @property
    def before(self) -> float | None:
        """Mean of the values before the action started (None without any)."""
        values = [value for year, value in self.points if self.start_year is None or year < self.start_year]
        return round(mean(values), 3) if values and self.start_year is not None else None

    @property
    def after(self) -> float | None:
        """Mean of the values from the action's start year on (None without any)."""
        values = [value for year, value in self.points if self.start_year is not None and year >= self.start_year]
        return round(mean(values), 3) if values else None


def impact_indicator_list(*, action: Action) -> QuerySet[ImpactIndicator]:
    """The action's impact indicators, in source order."""
    return action.impact_indicators.select_related("cluster").all()


def _mapping_series(indicator: ImpactIndicator, start_year: int | None) -> ImpactSeries:
    """The mapping engine's figure of the category in the region, every year the chosen dataset holds."""
    try:
        dataset = atlas.dataset_chosen(name=indicator.dataset)
        result = atlas.atlas_result_get(params=atlas.atlas_params(dataset=dataset))
        atlas.category_checked(result=result, category=indicator.category)
    except (atlas.AtlasNotFound, atlas.AtlasUnavailable) as error:
        return ImpactSeries(start_year=start_year, message=str(error.args[0]))
    rows = atlas.region_trends(result=result, code=indicator.region_code, categories=[indicator.category])
    rows = rows.dropna(subset=[indicator.measure])
    points = [(int(year), float(value)) for year, value in zip(rows["year"], rows[indicator.measure], strict=True)]
    return ImpactSeries(points=points, start_year=start_year, source=_("Mapping of %(dataset)s") % {
        "dataset": indicator.dataset}, unit=indicator.get_measure_display(),
        message="" if points else _("The dataset holds no figures for this region and category."))


def impact_series(indicator: ImpactIndicator) -> ImpactSeries:
    """The indicator's series read now from its source, with the action's start year marked."""
    start_year = indicator.action.starts_on.year if indicator.action.starts_on else None
    if indicator.source == ImpactSource.MAPPING:
        return _mapping_series(indicator, start_year)
    return ImpactSeries(start_year=start_year, source=indicator.get_source_display(),
                        message=_("This source's series is not available yet."))
