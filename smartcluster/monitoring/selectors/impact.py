"""Territorial impact: the series an action should move, read from the section that records them (never stored)."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from smartcluster.atlas import selectors as atlas
from smartcluster.clusters.selectors import cluster_profile_list, evaluation_score_by_year
from smartcluster.maturity.selectors import assessment_overall_by_year
from smartcluster.monitoring.choices import ImpactSource
from smartcluster.monitoring.models import Action, ImpactIndicator
from smartcluster.monitoring.selectors.action_plans import action_get
from smartcluster.stakeholders.selectors import collaboration_count_by_year

__all__ = ["ImpactSeries", "impact_cluster_choices", "impact_indicator_get", "impact_indicator_list",
           "impact_mapping_choices", "impact_region_default", "impact_series"]


@dataclass(frozen=True)
class ImpactSeries:
    """An indicator's points (year, value) with the action's start year and the means before and after it."""

    points: list[tuple[int, float]] = field(default_factory=list)
    start_year: int | None = None
    source: str = ""
    unit: str = ""
    subject: str = ""  # what the figures are of, when the indicator names it by a code (a category's name)
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


def impact_region_default(action: Action) -> str:
    """The region an impact indicator of the action starts from: its partner's first region ("" without one)."""
    return action.plan.partner.regions.values_list("code", flat=True).first() or ""


def impact_indicator_list(*, action: Action) -> QuerySet[ImpactIndicator]:
    """The action's impact indicators, in source order."""
    return action.impact_indicators.select_related("cluster").all()


def impact_indicator_get(*, user: Any, pk: Any) -> ImpactIndicator:
    """An impact indicator of an action whose plan the user reads; 404 otherwise."""
    try:
        action_id = ImpactIndicator.objects.values_list("action_id", flat=True).get(pk=int(pk))
    except (ImpactIndicator.DoesNotExist, TypeError, ValueError, OverflowError) as error:
        raise Http404 from error
    return impact_indicator_list(action=action_get(user=user, pk=action_id)).get(pk=int(pk))


def impact_mapping_choices() -> tuple[list[str], list[tuple[str, list[tuple[str, str]]]]]:
    """The stored mappable datasets, and each one's categories (code, "code name") grouped by dataset; empty lists
    while the statistics store holds none."""
    datasets = [entry.dataset for entry in atlas.datasets_mappable()]
    groups = []
    for dataset in datasets:
        result = atlas.atlas_result_get(params=atlas.atlas_params(dataset=atlas.dataset_chosen(name=dataset)))
        names = atlas.category_names(result=result)
        groups.append((dataset, [(str(code), f"{code} {name}") for code, name in names.items()]))
    return datasets, groups


def impact_cluster_choices(*, user: Any) -> QuerySet[Any]:
    """The cluster organisations whose evaluations an indicator may follow: those the user reads, by name."""
    return cluster_profile_list(user=user).select_related("organisation").order_by("organisation__name")


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
    name = atlas.category_names(result=result).get(indicator.category, "")
    return ImpactSeries(points=points, start_year=start_year, source=_("Mapping of %(dataset)s") % {
        "dataset": indicator.dataset}, unit=indicator.get_measure_display(), subject=f"{indicator.category} {name}",
        message="" if points else _("The dataset holds no figures for this region and category."))


def _maturity_series(indicator: ImpactIndicator, start_year: int | None) -> ImpactSeries:
    """Mean overall maturity score of the region's SMEs by year of submission (the maturity app's privacy rule)."""
    yearly = assessment_overall_by_year(region_code=indicator.region_code)
    message = ""
    if yearly.withheld:
        message = ngettext(
            "%(count)d year is withheld: it holds fewer than %(size)d assessments, too few to show without "
            "singling out a firm.",
            "%(count)d years are withheld: each holds fewer than %(size)d assessments, too few to show without "
            "singling out a firm.", yearly.withheld) % {"count": yearly.withheld, "size": yearly.min_group}
    elif not yearly.points:
        message = _("No SME of this region has submitted a maturity assessment yet.")
    return ImpactSeries(points=yearly.points, start_year=start_year, unit=_("Mean overall score"),
                        source=_("Maturity self-assessments (mean overall score)"), message=message)


def _collaboration_series(indicator: ImpactIndicator, start_year: int | None) -> ImpactSeries:
    """Declared collaborations begun each year between organisations of the region."""
    points = [(year, float(count)) for year, count in collaboration_count_by_year(region_code=indicator.region_code)]
    return ImpactSeries(points=points, start_year=start_year, source=_("Declared collaborations (stakeholders)"),
                        unit=_("New collaboration links"),
                        message="" if points else _("No collaboration between organisations of this region is "
                                                    "declared yet."))


def _evaluation_series(indicator: ImpactIndicator, start_year: int | None) -> ImpactSeries:
    """The cluster's overall evaluation score by data year (accepted, published evaluations)."""
    scores = evaluation_score_by_year(profile=indicator.cluster)
    message = ""
    if scores.unpublished:
        message = ngettext("%(count)d accepted evaluation is left out: its cluster has not published it.",
                           "%(count)d accepted evaluations are left out: their cluster has not published them.",
                           scores.unpublished) % {"count": scores.unpublished}
    elif not scores.points:
        message = _("This cluster has no accepted, published evaluation yet.")
    return ImpactSeries(points=scores.points, start_year=start_year, source=_("Cluster evaluations"),
                        unit=_("Overall score (percent of points)"), message=message)


SERIES = {ImpactSource.MAPPING: _mapping_series, ImpactSource.MATURITY: _maturity_series,
          ImpactSource.COLLABORATION: _collaboration_series, ImpactSource.CLUSTER_EVALUATION: _evaluation_series}


def impact_series(indicator: ImpactIndicator) -> ImpactSeries:
    """The indicator's series read now from its source, with the action's start year marked."""
    start_year = indicator.action.starts_on.year if indicator.action.starts_on else None
    return SERIES[ImpactSource(indicator.source)](indicator, start_year)
