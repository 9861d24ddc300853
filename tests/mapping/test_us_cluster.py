"""US Cluster Mapping rules on hand examples and the real 2016 state and metro-area inputs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.us_cluster import (
    naics_to_clusters,
    read_cluster_inputs,
    read_national_totals,
    us_cluster_strength,
)


@pytest.fixture(scope="module")
def national(shared_data: Path) -> pd.DataFrame:
    return read_national_totals(shared_data / "us-cluster-mapping" / "uscmp_us_national_cluster_emp_2016.csv")


@pytest.fixture(scope="module")
def states(shared_data: Path, national: pd.DataFrame) -> pd.DataFrame:
    inputs = read_cluster_inputs(shared_data / "us-cluster-mapping" / "uscmp_state_cluster_inputs_2016.csv.gz")
    return us_cluster_strength(inputs, national).set_index(["region_code", "cluster_code"])


def test_alabama_wood_products_lq_from_the_raw_columns(states: pd.DataFrame) -> None:
    # Alabama traded emp 574,780; wood products (51) 12,537; US wood 366,743 of 45,242,109 traded
    assert states.loc[("01", 51), "emp_traded_or_local"] == 574780
    assert states.loc[("01", 51), "lq"] == pytest.approx((12537 / 574780) / (366743 / 45242109))


def test_alabama_local_cluster_lq_uses_local_totals_and_has_no_flags(states: pd.DataFrame) -> None:
    # local industrial products (116): 10,811 of Alabama's local 1,105,737; US 518,823 of 81,486,213 local
    row = states.loc[("01", 116)]
    assert row["lq"] == pytest.approx((10811 / 1105737) / (518823 / 81486213))
    assert pd.isna(row["strong"]) and pd.isna(row["qualifying"])


def test_state_flags_nest_and_ranks_start_at_one(states: pd.DataFrame) -> None:
    traded = states[states["traded"]]
    for finer, coarser in [("significant", "qualifying"), ("strong10", "strong")]:
        assert not (traded[finer] & ~traded[coarser]).any()
    assert (traded.loc[traded["strong"], "lq"] >= 1).all()
    assert traded.groupby("cluster_code")["emp_rank"].min().eq(1).all()


def test_seattle_aerospace_is_a_strong10_cluster(shared_data: Path, national: pd.DataFrame) -> None:
    inputs = read_cluster_inputs(shared_data / "us-cluster-mapping" / "uscmp_msa_cluster_inputs_2016.csv.gz")
    out = us_cluster_strength(inputs, national).set_index(["region_code", "cluster_code"])
    # Seattle-Tacoma-Bellevue (42660): aerospace 93,390 of 704,609 traded; US 522,646 of 45,242,109
    seattle = out.loc[("42660", 1)]
    assert seattle["lq"] == pytest.approx((93390 / 704609) / (522646 / 45242109))
    assert bool(seattle["strong10"]) and seattle["emp_rank"] == 1


def test_quantile_flags_by_hand() -> None:
    # five regions, one traded cluster; all regions hold 100 traded jobs split between clusters 1 and 2
    regions = pd.DataFrame({
        "region_type": "state", "region_code": list("ABCDE") * 2, "cluster_code": [1] * 5 + [2] * 5,
        "traded": True, "emp": [10, 20, 30, 40, 50, 90, 80, 70, 60, 50], "est": [1, 2, 3, 4, 5] * 2})
    national = pd.DataFrame({"cluster_code": [1, 2], "traded": True, "national_emp": [30.0, 70.0]})
    out = us_cluster_strength(regions, national).query("cluster_code == 1").set_index("region_code")
    # LQ = (emp / 100) / 0.3: 1/3, 2/3, 1, 4/3, 5/3; Q25 = 2/3, Q50 = 1, Q75 = 4/3, Q90 = 1.5333
    # emp Q25 = 20, est Q25 = 2 -> only C, D, E pass the size test
    assert out["qualifying"].tolist() == [False, False, True, True, True]
    assert out["significant"].tolist() == [False, False, False, True, True]
    assert out["strong"].tolist() == [False, False, False, True, True]
    assert out["strong10"].tolist() == [False, False, False, False, True]
    assert out["emp_rank"].tolist() == [5, 4, 3, 2, 1]


def test_cagr_over_two_years_and_naics_inputs_summed_through_definitions() -> None:
    naics = pd.DataFrame({"region_type": "state", "region_code": "A", "year": [2010, 2010, 2012, 2012],
                          "naics": ["336411", "999999", "336411", "999999"], "emp": [100, 5, 121, 5],
                          "est": [1, 1, 1, 1]})
    definitions = pd.DataFrame({"naics": ["336411"], "traded_local": ["Traded"], "cluster_code": [1.0]})
    clusters = naics_to_clusters(naics, definitions)
    assert clusters.attrs["unmapped_naics"] == 2 and clusters["emp"].tolist() == [100, 121]
    out = us_cluster_strength(clusters, pd.DataFrame({"cluster_code": [1], "traded": [True],
                                                      "national_emp": [1000.0]}))
    assert out["emp_cagr"].iloc[0] == pytest.approx(0.10)


def test_unknown_employment_stays_unknown_in_cluster_sums_and_totals() -> None:
    naics = pd.DataFrame({"region_type": "state", "region_code": ["A", "A", "B", "B"],
                          "naics": ["336411", "336412", "336411", "336412"], "emp": [np.nan, np.nan, 40.0, np.nan],
                          "est": [np.nan, np.nan, 2.0, 1.0]})
    definitions = pd.DataFrame({"naics": ["336411", "336412"], "traded_local": "Traded", "cluster_code": [1.0, 1.0]})
    clusters = naics_to_clusters(naics, definitions).set_index("region_code")
    assert np.isnan(clusters.loc["A", "emp"]) and clusters.loc["B", "emp"] == 40.0
    out = us_cluster_strength(clusters.reset_index(), pd.DataFrame({"cluster_code": [1], "traded": [True],
                                                                    "national_emp": [1000.0]})).set_index("region_code")
    # A's traded employment is unknown, not 0: no LQ, no flags
    assert np.isnan(out.loc["A", "emp_traded_or_local"]) and np.isnan(out.loc["A", "lq"])
    assert out.loc["B", "lq"] == 1.0


def test_bad_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "regions.csv").write_text("region_code,emp\n01,5\n")
    with pytest.raises(MappingInputError, match="lacks column"):
        read_cluster_inputs(tmp_path / "regions.csv")
    with pytest.raises(MappingInputError, match="does not exist"):
        read_national_totals(tmp_path / "missing.csv")
