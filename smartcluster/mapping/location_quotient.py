"""Employment covered, shares and location quotients against a selectable reference area.

LQ(r,c) = (E_rc / E_r) / (E_c / E) (methods/cluster-mapping.md, "Location quotient"; European Cluster Observatory).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from smartcluster.mapping.frames import (
    MappingInputError,
    country_of,
    key_columns,
    require_columns,
    require_single_nuts_version,
)
from smartcluster.mapping.taxonomies import industry_level

Reference = str | Sequence[str]


def covered_employment(frame: pd.DataFrame, *, level: int = 2) -> pd.DataFrame:
    """Employment covered per region and year: the sum of the known codes at `level` (SBS: NACE B-N and S95).

    `known_share` divides it by the sum of the section totals (NaN where a section total is unknown), so it says
    how much of the covered employment the known cells hold. Columns: region, [nuts_version,] year, value, known_share.
    """
    require_columns(frame, ["region", "industry", "year", "value"], "employment input")
    keys = key_columns(frame, "region", "year")
    levels = industry_level(frame["industry"])
    known = frame[levels == level].groupby(keys)["value"].sum(min_count=1).rename("value")
    section_rows = frame[levels == 1]
    grouped = section_rows.assign(missing=section_rows["value"].isna()).groupby(keys)
    sections = grouped["value"].sum().mask(grouped["missing"].any()).rename("sections")
    out = pd.concat([known, sections], axis=1).reset_index()
    out["known_share"] = out["value"] / out["sections"]
    return out.drop(columns="sections").dropna(subset=["value"])


def reference_label(reference: Reference) -> str:
    """How a result names its reference population."""
    return reference if isinstance(reference, str) else "peers:" + ",".join(sorted(reference))


@dataclass(frozen=True)
class Layout:
    """Integer codes of a region x category x year table: every sum and join of the measures runs on these."""

    region: np.ndarray
    year: np.ndarray
    category: np.ndarray
    regions: pd.Index
    years: pd.Index
    categories: pd.Index
    group_of_region: np.ndarray  # reference group of each distinct region
    member_region: np.ndarray  # whether each distinct region belongs to the reference population

    @cached_property
    def member(self) -> np.ndarray:
        return self.member_region[self.region]

    @cached_property
    def group_year(self) -> np.ndarray:
        """Id of each row's reference group x year."""
        return self.group_of_region[self.region] * len(self.years) + self.year

    @cached_property
    def cohort(self) -> np.ndarray:
        """Id of each row's reference group x year x category (the population of a quantile)."""
        return self.group_year * len(self.categories) + self.category

    @property
    def n_groups(self) -> int:
        return int(self.group_of_region.max()) + 1 if len(self.regions) else 1

    def region_years(self, rows: np.ndarray) -> np.ndarray:
        """The distinct region x year ids (region * years + year) of the `rows` (a mask), ascending."""
        ids = self.region[rows] * len(self.years) + self.year[rows]
        # counting, not sorting: the ids are dense and few (regions x years)
        return np.flatnonzero(np.bincount(ids, minlength=len(self.regions) * len(self.years)))

    def cell_of(self, frame: pd.DataFrame, category: str = "category") -> np.ndarray:
        """Row id (region x year x category) of another table's rows in this layout; -1 where absent."""
        r = self.regions.get_indexer(frame["region"])
        y = self.years.get_indexer(frame["year"])
        c = self.categories.get_indexer(frame[category])
        ids = (r * len(self.years) + y) * len(self.categories) + c
        return np.where((r >= 0) & (y >= 0) & (c >= 0), ids, -1)

    def own_cell(self) -> np.ndarray:
        return (self.region * len(self.years) + self.year) * len(self.categories) + self.category


def layout(frame: pd.DataFrame, reference: Reference, category: str = "category") -> Layout:
    """Codes of `frame` and its reference groups: "all" regions, each region's "country", or a list of peers."""
    region, regions = pd.factorize(frame["region"])
    year, years = pd.factorize(frame["year"])
    code, categories = pd.factorize(frame[category])
    regions = pd.Index(regions)
    if isinstance(reference, str):
        if reference == "all":
            groups = np.zeros(len(regions), dtype=np.int64)
        elif reference == "country":
            groups = pd.factorize(country_of(pd.Series(regions)))[0]
        else:
            raise MappingInputError(f"unknown reference {reference!r}: use 'all', 'country' or a list of region codes")
        members = np.ones(len(regions), dtype=bool)
    else:
        if not list(reference):
            raise MappingInputError("the peer group is empty")
        groups = np.zeros(len(regions), dtype=np.int64)
        members = regions.isin(list(reference))
    return Layout(region, year, code, regions, pd.Index(years), pd.Index(categories), groups, members)


def location_quotients(categories: pd.DataFrame, totals: pd.DataFrame, *, reference: Reference = "all",
                       category: str = "category") -> pd.DataFrame:
    """Add total, share, reference_share and lq to a region x category x year employment table.

    `totals` is the employment covered per region and year (e.g. `covered_employment`), so that E_r and E cover
    the same industries as E_rc. Unknown cells (NaN) get no LQ and are left out of the reference sums, which then
    rest on known cells only. `reference`: "all" (every region in the input), "country", or a list of peer codes.

    >>> cats = pd.DataFrame({"region": ["A", "B"], "year": 2014, "category": "x", "value": [10.0, 30.0]})
    >>> location_quotients(cats, pd.DataFrame({"region": ["A", "B"], "year": 2014, "value": [20.0, 180.0]}))["lq"]
    """
    require_columns(categories, ["region", "year", category, "value"], "category employment")
    codes = layout(categories, reference, category)
    return categories.assign(**lq_columns(categories, totals, codes), reference=reference_label(reference))


def lq_columns(categories: pd.DataFrame, totals: pd.DataFrame, codes: Layout) -> dict[str, np.ndarray]:
    """total, share, reference_share and lq of each row of `categories` (coded by `codes`), as arrays."""
    require_columns(totals, ["region", "year", "value"], "totals")
    require_single_nuts_version(categories)
    n_years, n_categories = len(codes.years), len(codes.categories)
    total_grid = np.full((len(codes.regions), n_years), np.nan)
    r, y = codes.regions.get_indexer(totals["region"]), codes.years.get_indexer(totals["year"])
    found = (r >= 0) & (y >= 0)
    total_grid[r[found], y[found]] = totals["value"].to_numpy(dtype=float)[found]
    value = categories["value"].to_numpy(dtype=float)
    total = total_grid[codes.region, codes.year]
    # the reference sums: E_c over known cells of member regions, E over those regions' totals
    used = codes.member & ~np.isnan(value) & ~np.isnan(total)
    cohort = codes.cohort
    size = codes.n_groups * n_years * n_categories
    reference_value = np.bincount(cohort[used], weights=value[used], minlength=size)
    contributing = np.bincount(cohort[used], minlength=size)
    regions_used, years_used = np.divmod(codes.region_years(used), n_years)
    reference_total = np.bincount(codes.group_of_region[regions_used] * n_years + years_used,
                                  weights=total_grid[regions_used, years_used], minlength=codes.n_groups * n_years)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = value / total
        reference_share = np.where(contributing > 0, reference_value / reference_total.repeat(n_categories), np.nan)
        reference_share = reference_share[cohort]
        # LQ = (E_rc / E_r) / (E_c / E) (European Cluster Observatory; methods/cluster-mapping.md)
        lq = share / reference_share
    return {"total": total, "share": share, "reference_share": reference_share, "lq": lq}
