"""Location quotients against all regions, the country and a peer group; employment covered."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.location_quotient import covered_employment, location_quotients


def toy() -> tuple[pd.DataFrame, pd.DataFrame]:
    categories = pd.DataFrame({"region": ["EL61", "EL62", "DE11", "DE12"], "year": 2014, "category": "x",
                               "value": [10.0, 30.0, 20.0, np.nan]})
    totals = pd.DataFrame({"region": ["EL61", "EL62", "DE11", "DE12"], "year": 2014,
                           "value": [100.0, 100.0, 400.0, 400.0]})
    return categories, totals


def test_lq_against_all_regions_by_hand() -> None:
    # E_c = 10 + 30 + 20 = 60 (DE12 unknown: left out), E = 100 + 100 + 400 = 600 -> reference share 0.1
    out = location_quotients(*toy()).set_index("region")
    assert out.loc["EL61", "lq"] == pytest.approx(0.10 / 0.10)
    assert out.loc["EL62", "lq"] == pytest.approx(0.30 / 0.10)
    assert out.loc["DE11", "lq"] == pytest.approx(0.05 / 0.10)
    assert np.isnan(out.loc["DE12", "lq"]) and out["reference"].unique().tolist() == ["all"]


def test_lq_against_the_own_country_by_hand() -> None:
    out = location_quotients(*toy(), reference="country").set_index("region")
    assert out.loc["EL61", "lq"] == pytest.approx(0.10 / (40 / 200))
    assert out.loc["DE11", "lq"] == pytest.approx(1.0)  # the only known German region is its own reference


def test_lq_against_a_peer_group_by_hand() -> None:
    out = location_quotients(*toy(), reference=["EL62", "DE11"]).set_index("region")
    assert out.loc["EL61", "lq"] == pytest.approx(0.10 / (50 / 500))
    assert out.loc["EL61", "reference"] == "peers:DE11,EL62"
    with pytest.raises(MappingInputError, match="unknown reference"):
        location_quotients(*toy(), reference="europe")


def test_mixed_nuts_versions_are_refused() -> None:
    categories, totals = toy()
    categories["nuts_version"] = [2013, 2013, 2010, 2013]
    with pytest.raises(MappingInputError, match="mixed"):
        location_quotients(categories, totals)


def test_covered_employment_and_known_share_by_hand() -> None:
    frame = pd.DataFrame({"region": "X", "year": 2014, "industry": ["B", "C", "C10", "C11", "B05"],
                          "value": [10.0, 90.0, 60.0, np.nan, 10.0]})
    out = covered_employment(frame).iloc[0]
    assert out["value"] == 70.0 and out["known_share"] == pytest.approx(0.7)


def test_real_sbs_lq_of_el61_food_equals_the_raw_figures(sbs_nuts2_employment: pd.DataFrame) -> None:
    rows = sbs_nuts2_employment[sbs_nuts2_employment["year"] == 2014]
    divisions = rows[rows["industry"].str.len() == 3]
    totals = covered_employment(rows)
    out = location_quotients(divisions.rename(columns={"industry": "category"}), totals).set_index(
        ["region", "category"])
    # EL61 2014: C10 = 6,387 persons employed (raw file); E_r, E_c, E are sums of the known division cells
    el61 = divisions[divisions["region"] == "EL61"]["value"].sum()
    c10 = divisions[(divisions["industry"] == "C10")]
    known_regions = totals["region"]
    e_c = c10[c10["region"].isin(known_regions)]["value"].sum()
    e = totals["value"].sum()
    assert out.loc[("EL61", "C10"), "value"] == 6387.0
    assert out.loc[("EL61", "C10"), "lq"] == pytest.approx((6387.0 / el61) / (e_c / e))
    assert 1.0 < out.loc[("EL61", "C10"), "lq"] < 5.0
