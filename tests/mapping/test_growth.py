"""Growth: CAGR and absolute change over a chosen period."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.growth import cagr, growth


def test_cagr_by_hand() -> None:
    # 100 -> 121 over 2 years: (1.21)^(1/2) - 1 = 0.10
    assert cagr(100.0, 121.0, 2) == pytest.approx(0.10)
    assert np.isnan(cagr(0.0, 10.0, 2))


def test_growth_by_hand_and_unknown_years_stay_unknown() -> None:
    frame = pd.DataFrame({"region": ["A", "A", "B", "B"], "category": "x", "year": [2010, 2014, 2010, 2014],
                          "value": [100.0, 146.41, np.nan, 50.0]})
    out = growth(frame, 2010, 2014).set_index("region")
    assert out.loc["A", "absolute_change"] == pytest.approx(46.41)
    assert out.loc["A", "cagr"] == pytest.approx(0.10)
    assert np.isnan(out.loc["B", "cagr"]) and np.isnan(out.loc["B", "absolute_change"])
    with pytest.raises(MappingInputError, match="must end after"):
        growth(frame, 2014, 2010)


def test_real_sbs_growth_of_de11_food_matches_the_raw_cells(sbs_nuts2_employment: pd.DataFrame) -> None:
    rows = sbs_nuts2_employment[sbs_nuts2_employment["industry"] == "C10"].rename(columns={"industry": "category"})
    out = growth(rows, 2010, 2014).set_index("region")
    # raw file: C10,V16110,DE11 -> 2010: 27599, 2014: 28289
    assert out.loc["DE11", "absolute_change"] == 28289 - 27599
    assert out.loc["DE11", "cagr"] == pytest.approx((28289 / 27599) ** 0.25 - 1)
