"""Employment covered, shares and location quotients against a selectable reference area.

LQ(r,c) = (E_rc / E_r) / (E_c / E) (methods/cluster-mapping.md, "Location quotient"; European Cluster Observatory).
"""

from __future__ import annotations

from collections.abc import Sequence

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


def reference_groups(regions: pd.Series, reference: Reference) -> pd.Series:
    """The reference group of each region: 'all' regions, its 'country', or one custom peer group (a list of codes)."""
    if isinstance(reference, str):
        if reference == "all":
            return pd.Series("all", index=regions.index)
        if reference == "country":
            return country_of(regions)
        raise MappingInputError(f"unknown reference {reference!r}: use 'all', 'country' or a list of region codes")
    if not list(reference):
        raise MappingInputError("the peer group is empty")
    return pd.Series("peers", index=regions.index)


def reference_label(reference: Reference) -> str:
    """How a result names its reference population."""
    return reference if isinstance(reference, str) else "peers:" + ",".join(sorted(reference))


def in_reference(regions: pd.Series, reference: Reference) -> pd.Series:
    """Whether each region belongs to the reference population (always, except outside a custom peer group)."""
    if isinstance(reference, str):
        return pd.Series(True, index=regions.index)
    return regions.isin(list(reference))


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
    require_columns(totals, ["region", "year", "value"], "totals")
    require_single_nuts_version(categories)
    keys = [k for k in key_columns(categories, "region", "year") if k in totals.columns]
    frame = categories.merge(totals[[*keys, "value"]].rename(columns={"value": "total"}), on=keys, how="left")
    frame["group"] = reference_groups(frame["region"], reference)
    member = in_reference(frame["region"], reference)
    reference_rows = frame[member & frame["value"].notna() & frame["total"].notna()]
    cat_sums = reference_rows.groupby(["group", "year", category])["value"].sum().rename("reference_value")
    region_totals = reference_rows.drop_duplicates(["group", "year", "region"])
    all_sums = region_totals.groupby(["group", "year"])["total"].sum().rename("reference_total")
    frame = frame.join(cat_sums, on=["group", "year", category]).join(all_sums, on=["group", "year"])
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["share"] = frame["value"] / frame["total"]
        frame["reference_share"] = frame["reference_value"] / frame["reference_total"]
        frame["lq"] = frame["share"] / frame["reference_share"]
    frame["reference"] = reference_label(reference)
    return frame.drop(columns=["group", "reference_value", "reference_total"])
