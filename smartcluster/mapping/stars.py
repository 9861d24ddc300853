"""Star ratings of region x cluster category: size, specialisation, focus (European Cluster Observatory), plus
productivity (EOCIC Panorama 2019/2020) and dynamism (our labelled extension).

Thresholds are parameters with the defaults of methods/cluster-mapping.md; the result records them and names its
reference population of regions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from smartcluster.mapping.frames import MappingInputError, require_columns
from smartcluster.mapping.growth import cagr
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
    # one integer id per reference group x year x category: the quantiles are taken within it
    rated["cohort"] = rated.groupby(["group", "year", "category"], sort=False).ngroup()
    rated["size_star"] = _top(rated, "value", thresholds.size_quantile)
    rated["specialisation_star"] = _flag(rated["lq"] >= thresholds.specialisation_lq, rated["lq"])
    rated["focus_star"] = _top(rated, "share", thresholds.focus_quantile)
    rated["stars"] = rated[["size_star", "specialisation_star", "focus_star"]].astype("Int64").sum(axis=1, skipna=True)
    rated["productivity_star"] = _productivity_star(rated, wages, thresholds.productivity_quantile)
    rated["dynamism_star"] = _dynamism_star(rated, growth_period, thresholds.dynamism_quantile)
    counted = rated[rated["in_reference"]].groupby(["group", "year"])["region"].nunique().rename("reference_regions")
    rated = rated.join(counted, on=["group", "year"])
    rated.attrs["thresholds"] = asdict(thresholds)
    rated.attrs["reference"] = rated["reference"].iloc[0] if len(rated) else None
    return rated.drop(columns=["group", "in_reference", "cohort"])


def _flag(condition: pd.Series, basis: pd.Series) -> pd.Series:
    """Boolean star, <NA> where its basis is unknown."""
    return condition.astype("boolean").mask(basis.isna())


def _top(rated: pd.DataFrame, column: str, quantile: float) -> pd.Series:
    """Whether `column` reaches the `quantile` of the reference regions' known values (per category and year)."""
    population = rated[rated["in_reference"] & rated[column].notna()]
    cut = population.groupby("cohort")[column].quantile(quantile)
    cuts = pd.Series(cut.reindex(rated["cohort"]).to_numpy(), index=rated.index)
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
    if end <= start:
        raise MappingInputError(f"the growth period must end after it starts (got {start}-{end})")
    # CAGR of each region x category between the period's years, aligned on an integer id (no string joins)
    pair = rated.groupby(["region", "category"], sort=False).ngroup().to_numpy()
    years = rated["year"].to_numpy()
    first = pd.Series(rated["value"].to_numpy()[years == start], index=pair[years == start])
    last = pd.Series(rated["value"].to_numpy()[years == end], index=pair[years == end])
    first = first[~first.index.duplicated()].reindex(pair).to_numpy()
    last = last[~last.index.duplicated()].reindex(pair).to_numpy()
    rated["growth_cagr"] = np.where(years == end, cagr(first, last, end - start), np.nan)
    star = _top(rated, "growth_cagr", quantile)
    return star.mask(rated["year"] != end)
