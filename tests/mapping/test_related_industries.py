"""Related industries ranked by density, and emerging strengths (LQ rising through 1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.related_industries import emerging_strengths, related_industries
from smartcluster.mapping.relatedness import relatedness


def test_related_industries_by_hand() -> None:
    cells = pd.DataFrame({"region": "r", "industry": ["a", "b", "c", "d"], "mcp": [1.0, 0.0, 0.0, 0.0],
                          "density": [0.9, 0.2, 0.6, np.nan]})
    out = related_industries(cells, "r")
    assert out["industry"].tolist() == ["c", "b"] and out["rank"].tolist() == [1, 2]
    with pytest.raises(MappingInputError, match="not in the relatedness result"):
        related_industries(cells, "nowhere")


def test_emerging_strengths_by_hand() -> None:
    lq = pd.DataFrame({"region": ["A", "A", "B", "B", "C", "C"], "category": "x", "year": [2010, 2014] * 3,
                       "lq": [0.8, 1.2, 1.1, 1.5, 0.5, np.nan]})
    out = emerging_strengths(lq, 2010, 2014)
    assert out["region"].tolist() == ["A"] and out["lq_change"].iloc[0] == pytest.approx(0.4)


def test_real_sbs_related_industries_of_el61(sbs_nuts2_employment: pd.DataFrame) -> None:
    rows = sbs_nuts2_employment[(sbs_nuts2_employment["industry"].str.len() == 3)
                                & (sbs_nuts2_employment["year"] == 2014)]
    cells = relatedness(rows, year=None).cells
    out = related_industries(cells, "EL61", top=5)
    assert len(out) == 5 and (out["mcp"] == 0).all() and out["density"].is_monotonic_decreasing
