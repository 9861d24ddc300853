"""Star ratings of region x cluster category: size, specialisation, focus (European Cluster Observatory), plus
productivity (EOCIC Panorama 2019/2020) and dynamism (our labelled extension).

Thresholds are parameters with the defaults of methods/cluster-mapping.md; the result records them and names its
reference population of regions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from smartcluster.mapping.frames import require_columns
from smartcluster.mapping.growth import growth
from smartcluster.mapping.location_quotient import (
    Reference,
    in_reference,
    location_quotients,
    reference_groups,
)


@dataclass(frozen=True)
class StarThresholds:
    """Defaults: top 10 % for size, focus, productivity and dynamism; LQ >= 2 for specialisation."""

    size_quantile: float = 0.9
    specialisation_lq: float = 2.0
    focus_quantile: float = 0.9
    productivity_quantile: float = 0.9
    dynamism_quantile: float = 0.9


def star_ratings(categories: pd.DataFrame, totals: pd.DataFrame, *, reference: Reference = "all",
                 thresholds: StarThresholds = StarThresholds(), wages: pd.DataFrame | None = None,
                 growth_period: tuple[int, int] | None = None) -> pd.DataFrame:
    """Rate every region x category x year; `stars` counts size + specialisation + focus (0-3).

    Size: employment in the top decile of the reference regions for that category and year (value >= the
    linearly interpolated quantile); specialisation: LQ >= 2 against the reference; focus: the category's share of
    the region's covered employment in the top decile. Productivity (needs `wages`, same keys as `categories`):
    wages per person employed in the top decile; dynamism (needs `growth_period`): employment CAGR over the period
    in the top decile, rated on the period's last year. A star whose input is unknown is <NA>, never "no star".

    >>> star_ratings(category_table, covered_employment(sbs), reference="country")
    """
    require_columns(categories, ["region", "year", "category", "value"], "category employment")
    rated = location_quotients(categories, totals, reference=reference)
    rated["group"] = reference_groups(rated["region"], reference)
    rated["in_reference"] = in_reference(rated["region"], reference)
    rated["size_star"] = _top(rated, "value", thresholds.size_quantile)
    rated["specialisation_star"] = _flag(rated["lq"] >= thresholds.specialisation_lq, rated["lq"])
    rated["focus_star"] = _top(rated, "share", thresholds.focus_quantile)
    rated["stars"] = rated[["size_star", "specialisation_star", "focus_star"]].astype("Int64").sum(axis=1, skipna=True)
    rated["productivity_star"] = _productivity_star(rated, wages, thresholds.productivity_quantile)
    rated["dynamism_star"] = _dynamism_star(rated, growth_period, thresholds.dynamism_quantile)
    rated["reference_regions"] = rated.groupby(["group", "year"])["region"].transform(
        lambda regions: regions[rated.loc[regions.index, "in_reference"]].nunique())
    rated.attrs["thresholds"] = asdict(thresholds)
    rated.attrs["reference"] = rated["reference"].iloc[0] if len(rated) else None
    return rated.drop(columns=["group", "in_reference"])


def _flag(condition: pd.Series, basis: pd.Series) -> pd.Series:
    """Boolean star, <NA> where its basis is unknown."""
    return condition.astype("boolean").mask(basis.isna())


def _top(rated: pd.DataFrame, column: str, quantile: float) -> pd.Series:
    """Whether `column` reaches the `quantile` of the reference regions' known values (per category and year)."""
    population = rated[rated["in_reference"] & rated[column].notna()]
    cut = population.groupby(["group", "year", "category"])[column].quantile(quantile).rename("cut")
    cuts = rated.join(cut, on=["group", "year", "category"])["cut"]
    return _flag(rated[column] >= cuts, rated[column].where(cuts.notna()))


def _productivity_star(rated: pd.DataFrame, wages: pd.DataFrame | None, quantile: float) -> pd.Series:
    if wages is None:
        return pd.Series(pd.NA, index=rated.index, dtype="boolean")
    keys = ["region", "year", "category"]
    require_columns(wages, [*keys, "value"], "wages")
    joined = rated[keys].merge(wages[[*keys, "value"]], on=keys, how="left")["value"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        per_person = np.where(rated["value"].to_numpy() > 0, joined / rated["value"].to_numpy(), np.nan)
    rated["wages_per_person"] = per_person
    return _top(rated, "wages_per_person", quantile)


def _dynamism_star(rated: pd.DataFrame, period: tuple[int, int] | None, quantile: float) -> pd.Series:
    if period is None:
        return pd.Series(pd.NA, index=rated.index, dtype="boolean")
    start, end = period
    rates = growth(rated, start, end)[["region", "category", "cagr"]]
    rated["growth_cagr"] = rated.merge(rates, on=["region", "category"], how="left")["cagr"].to_numpy()
    rated.loc[rated["year"] != end, "growth_cagr"] = np.nan
    star = _top(rated, "growth_cagr", quantile)
    return star.mask(rated["year"] != end)
