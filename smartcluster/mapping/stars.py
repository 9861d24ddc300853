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
from smartcluster.mapping.location_quotient import Layout, Reference, layout, location_quotients


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
    codes = layout(rated, reference)
    cohort, member = codes.cohort(), codes.member
    rated["size_star"] = _top(rated["value"], cohort, member, thresholds.size_quantile)
    rated["specialisation_star"] = _flag(rated["lq"] >= thresholds.specialisation_lq, rated["lq"])
    rated["focus_star"] = _top(rated["share"], cohort, member, thresholds.focus_quantile)
    rated["stars"] = rated[["size_star", "specialisation_star", "focus_star"]].astype("Int64").sum(axis=1, min_count=1)
    rated["productivity_star"] = _productivity_star(rated, codes, wages, thresholds.productivity_quantile)
    rated["dynamism_star"] = _dynamism_star(rated, codes, growth_period, thresholds.dynamism_quantile)
    rated["reference_regions"] = _reference_regions(codes)
    rated.attrs["thresholds"] = asdict(thresholds)
    rated.attrs["reference"] = rated["reference"].iloc[0] if len(rated) else None
    return rated


def _reference_regions(codes: Layout) -> np.ndarray:
    """Number of member regions in each row's reference group and year."""
    n_years = len(codes.years)
    region_year = np.unique(codes.region[codes.member] * n_years + codes.year[codes.member])
    regions, years = np.divmod(region_year, n_years)
    counts = np.bincount(codes.group_of_region[regions] * n_years + years,
                         minlength=(int(codes.group_of_region.max()) + 1) * n_years if len(codes.regions) else 1)
    return counts[codes.group_year()]


def _flag(condition: pd.Series, basis: pd.Series) -> pd.Series:
    """Boolean star, <NA> where its basis is unknown."""
    return condition.astype("boolean").mask(basis.isna())


def _top(values: pd.Series, cohort: np.ndarray, member: np.ndarray, quantile: float) -> pd.Series:
    """Whether a value reaches the `quantile` of the known values of the member regions of its cohort."""
    numbers = values.to_numpy(dtype=float)
    population = member & ~np.isnan(numbers)
    # "top 10 %" of the reference regions (European Cluster Observatory), linear quantile
    cut = pd.Series(numbers[population]).groupby(cohort[population]).quantile(quantile)
    cuts = pd.Series(cut.reindex(cohort).to_numpy(), index=values.index)
    return _flag(values >= cuts, values.where(cuts.notna()))


def _productivity_star(rated: pd.DataFrame, codes: Layout, wages: pd.DataFrame | None, quantile: float) -> pd.Series:
    if wages is None:
        return pd.Series(pd.NA, index=rated.index, dtype="boolean")
    require_columns(wages, ["region", "year", "category", "value"], "wages")
    cells = codes.cell_of(wages)
    by_cell = pd.Series(wages["value"].to_numpy(dtype=float)[cells >= 0], index=cells[cells >= 0])
    paid = by_cell[~by_cell.index.duplicated()].reindex(codes.own_cell()).to_numpy()
    employed = rated["value"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rated["wages_per_person"] = np.where(employed > 0, paid / employed, np.nan)
    return _top(rated["wages_per_person"], codes.cohort(), codes.member, quantile)


def _dynamism_star(rated: pd.DataFrame, codes: Layout, period: tuple[int, int] | None, quantile: float) -> pd.Series:
    if period is None:
        return pd.Series(pd.NA, index=rated.index, dtype="boolean")
    start, end = period
    if end <= start:
        raise MappingInputError(f"the growth period must end after it starts (got {start}-{end})")
    # CAGR of each region x category between the period's years, aligned on an integer id (no string joins)
    pair = codes.region * len(codes.categories) + codes.category
    years = rated["year"].to_numpy()
    first = pd.Series(rated["value"].to_numpy()[years == start], index=pair[years == start])
    last = pd.Series(rated["value"].to_numpy()[years == end], index=pair[years == end])
    first = first[~first.index.duplicated()].reindex(pair).to_numpy()
    last = last[~last.index.duplicated()].reindex(pair).to_numpy()
    rated["growth_cagr"] = np.where(years == end, cagr(first, last, end - start), np.nan)
    star = _top(rated["growth_cagr"], codes.cohort(), codes.member, quantile)
    return star.mask(rated["year"] != end)
