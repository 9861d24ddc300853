"""Growth over a chosen period: absolute change and compound annual growth rate."""

from __future__ import annotations

import numpy as np
import pandas as pd

from smartcluster.mapping.frames import MappingInputError, require_columns


def cagr(start: np.ndarray | float, end: np.ndarray | float, years: float) -> np.ndarray | float:
    """CAGR = (end / start)^(1 / years) - 1 (USCMP methodology); NaN where start <= 0 or a value is unknown."""
    start = np.asarray(start, dtype=float)
    end = np.asarray(end, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.power(end / start, 1.0 / years) - 1.0
    return np.where((start > 0) & (end >= 0), rate, np.nan)


def growth(frame: pd.DataFrame, start: int, end: int, *, by: tuple[str, ...] = ("region", "category"),
           value: str = "value") -> pd.DataFrame:
    """Per `by` group: value_start, value_end, absolute_change and cagr between the years `start` and `end`.

    A group unknown (NaN or absent) in either year gets NaN growth, never growth from or to zero.

    >>> growth(pd.DataFrame({"region": "A", "category": "x", "year": [2010, 2014], "value": [100.0, 121.0]}), 2010, 2014)
    """
    if end <= start:
        raise MappingInputError(f"the growth period must end after it starts (got {start}-{end})")
    require_columns(frame, [*by, "year", value], "growth input")
    rows = frame[frame["year"].isin([start, end])]
    wide = rows.groupby([*by, "year"], sort=False)[value].first().unstack("year").reindex(columns=[start, end])
    out = pd.DataFrame({"value_start": wide[start], "value_end": wide[end]}).reset_index()
    out["absolute_change"] = out["value_end"] - out["value_start"]
    out["cagr"] = cagr(out["value_start"].to_numpy(), out["value_end"].to_numpy(), end - start)
    out["period"] = f"{start}-{end}"
    return out
