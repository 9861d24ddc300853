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
from smartcluster.mapping.location_quotient import Layout, Reference, layout, lq_columns, reference_label


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
    # region, year and category coded once; every measure below runs on these integer ids and numpy arrays
    codes = layout(categories, reference)
    measures = lq_columns(categories, totals, codes)
    value = categories["value"].to_numpy(dtype=float)
    columns: dict[str, object] = {**measures, "reference": reference_label(reference)}
    columns["size_star"] = _top(value, codes, thresholds.size_quantile)
    columns["specialisation_star"] = _flag(measures["lq"] >= thresholds.specialisation_lq, measures["lq"])
    columns["focus_star"] = _top(measures["share"], codes, thresholds.focus_quantile)
    columns["stars"] = _star_count([columns["size_star"], columns["specialisation_star"], columns["focus_star"]])
    columns.update(_productivity_star(value, codes, wages, thresholds.productivity_quantile))
    columns.update(_dynamism_star(value, codes, growth_period, thresholds.dynamism_quantile))
    columns["reference_regions"] = _reference_regions(codes)
    rated = categories.assign(**columns)
    rated.attrs["thresholds"] = asdict(thresholds)
    rated.attrs["reference"] = rated["reference"].iloc[0] if len(rated) else None
    return rated


def _reference_regions(codes: Layout) -> np.ndarray:
    """Number of member regions in each row's reference group and year."""
    n_years = len(codes.years)
    regions, years = np.divmod(codes.region_years(codes.member), n_years)
    counts = np.bincount(codes.group_of_region[regions] * n_years + years, minlength=codes.n_groups * n_years)
    return counts[codes.group_year]


def _flag(condition: np.ndarray, basis: np.ndarray) -> pd.arrays.BooleanArray:
    """Boolean star, <NA> where its basis is unknown."""
    unknown = np.isnan(basis)
    return pd.arrays.BooleanArray(condition & ~unknown, unknown)


def _star_count(stars: list[pd.arrays.BooleanArray]) -> pd.arrays.IntegerArray:
    """Stars met among the known ones; <NA> when none of them is known (an unknown row has no count, not 0)."""
    met = sum(np.asarray(star.fillna(False), dtype=np.int64) for star in stars)
    unknown = np.logical_and.reduce([np.asarray(star.isna()) for star in stars])
    return pd.arrays.IntegerArray(met, unknown)


def _top(values: np.ndarray, codes: Layout, quantile: float) -> pd.arrays.BooleanArray:
    """Whether a value reaches the `quantile` of the known values of the member regions of its cohort."""
    population = codes.member & ~np.isnan(values)
    # "top 10 %" of the reference regions (European Cluster Observatory), linear quantile
    n_cohorts = codes.n_groups * len(codes.years) * len(codes.categories)
    # grouped by categorical codes: pandas takes the cohort ids as they are instead of hashing every row again
    cohorts = pd.Categorical.from_codes(codes.cohort[population], categories=pd.RangeIndex(n_cohorts))
    cut = pd.Series(values[population]).groupby(cohorts, observed=True).quantile(quantile)
    cuts = np.full(n_cohorts, np.nan)
    cuts[cut.index.codes] = cut.to_numpy()
    cuts = cuts[codes.cohort]
    with np.errstate(invalid="ignore"):
        return _flag(values >= cuts, np.where(np.isnan(cuts), np.nan, values))


def _productivity_star(employed: np.ndarray, codes: Layout, wages: pd.DataFrame | None,
                       quantile: float) -> dict[str, object]:
    if wages is None:
        return {"productivity_star": pd.array(np.full(len(employed), pd.NA), dtype="boolean")}
    require_columns(wages, ["region", "year", "category", "value"], "wages")
    cells = codes.cell_of(wages)
    paid = _on_cells(wages["value"].to_numpy(dtype=float)[cells >= 0], cells[cells >= 0],
                     len(codes.regions) * len(codes.years) * len(codes.categories))[codes.own_cell()]
    with np.errstate(divide="ignore", invalid="ignore"):
        per_person = np.where(employed > 0, paid / employed, np.nan)
    return {"wages_per_person": per_person, "productivity_star": _top(per_person, codes, quantile)}


def _on_cells(values: np.ndarray, cells: np.ndarray, size: int) -> np.ndarray:
    """A dense array of `size` cells holding each cell's first value (NaN where none)."""
    dense = np.full(size, np.nan)
    dense[cells[::-1]] = values[::-1]  # numpy keeps the last write: reversed, the first row of a cell wins
    return dense


def _dynamism_star(value: np.ndarray, codes: Layout, period: tuple[int, int] | None,
                   quantile: float) -> dict[str, object]:
    if period is None:
        return {"dynamism_star": pd.array(np.full(len(value), pd.NA), dtype="boolean")}
    start, end = period
    if end <= start:
        raise MappingInputError(f"the growth period must end after it starts (got {start}-{end})")
    # CAGR of each region x category between the period's years, aligned on an integer id (no string joins)
    pair = codes.region * len(codes.categories) + codes.category
    years = codes.years.to_numpy()[codes.year]
    n_pairs = len(codes.regions) * len(codes.categories)
    first = _on_cells(value[years == start], pair[years == start], n_pairs)[pair]
    last = _on_cells(value[years == end], pair[years == end], n_pairs)[pair]
    growth_cagr = np.where(years == end, cagr(first, last, end - start), np.nan)
    star = _top(growth_cagr, codes, quantile)
    star[years != end] = pd.NA
    return {"growth_cagr": growth_cagr, "dynamism_star": star}
