"""Related industries of a region (close to its strengths, not yet specialised) and emerging strengths."""

from __future__ import annotations

import pandas as pd

from smartcluster.mapping.frames import MappingInputError, require_columns


def related_industries(cells: pd.DataFrame, region: str, *, year: int | None = None, top: int = 10) -> pd.DataFrame:
    """Industries where `region` has M = 0 (RCA below the threshold), ranked by density, highest first.

    Density (Hidalgo et al. 2007) is the share of an industry's proximity mass that lies in the region's
    strengths: the usual predictor of where a region diversifies next. `cells` is `relatedness(...).cells`.

    >>> related_industries(relatedness(sbs_2014, year=None).cells, "EL61", top=5)
    """
    require_columns(cells, ["region", "industry", "mcp", "density"], "relatedness cells")
    rows = cells[cells["region"] == region]
    if year is not None:
        require_columns(cells, ["year"], "relatedness cells")
        rows = rows[rows["year"] == year]
    if rows.empty:
        raise MappingInputError(f"region {region} is not in the relatedness result"
                                + (f" for {year}" if year is not None else ""))
    candidates = rows[(rows["mcp"] == 0) & rows["density"].notna()]
    ranked = candidates.sort_values(["density", "industry"], ascending=[False, True]).head(top)
    return ranked.assign(rank=range(1, len(ranked) + 1)).reset_index(drop=True)


def emerging_strengths(lq: pd.DataFrame, start: int, end: int, *, category: str = "category",
                       threshold: float = 1.0) -> pd.DataFrame:
    """Region x category pairs whose LQ rose through `threshold` (below it in `start`, at or above it in `end`).

    Unknown LQs in either year are never counted as rising; columns region, category, lq_start, lq_end, lq_change.
    """
    if end <= start:
        raise MappingInputError(f"the period must end after it starts (got {start}-{end})")
    require_columns(lq, ["region", "year", category, "lq"], "location quotients")
    wide = lq[lq["year"].isin([start, end])].pivot_table(index=["region", category], columns="year", values="lq")
    wide = wide.reindex(columns=[start, end]).dropna()
    rising = wide[(wide[start] < threshold) & (wide[end] >= threshold)]
    out = rising.rename(columns={start: "lq_start", end: "lq_end"}).reset_index()
    out.columns.name = None
    out["lq_change"] = out["lq_end"] - out["lq_start"]
    return out.sort_values("lq_change", ascending=False).reset_index(drop=True)
