"""Firm microdata through Ibis: aggregates, disclosure control, invalid codes counted; DuckDB and Spark agree."""

from __future__ import annotations

from pathlib import Path

import ibis
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcluster.sources import firms
from smartcluster.statistics import StatisticsStore

FIRMS = pd.DataFrame({
    "firm_id": [1, 2, 3, 4, 5, 6, 7, 8, 9],
    "nuts3": ["DE111", "DE111", "de111 ", "DE112", "XX999", None, "DE111", "DE111", "LT011"],
    "nace": ["10.11", "C1011", "1011", "25.62", "25.62", "10.11", "99.99", "", "62.01"],
    "year": [2020] * 9,
    "employees": [5, 10, 20, 3, 4, 5, 6, 7, 8],
    "turnover": [100.0, 200.0, 300.0, 10.0, 1.0, 1.0, 1.0, 1.0, 50.0],
    "wages": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
})


def test_firms_aggregate_to_region_industry_year_with_every_exclusion_counted() -> None:
    con = firms.connect("duckdb")
    cells, report = firms.aggregate(con, firms.firms_table(con, FIRMS))
    assert cells.values.tolist() == [
        ["DE111", "C1011", 2020, 3, 35.0, 600.0, 6.0],
        ["DE112", "C2562", 2020, 1, 3.0, 10.0, 4.0],
        ["LT011", "J6201", 2020, 1, 8.0, 50.0, 9.0],
    ]
    assert report.rows == 9 and report.aggregated == 5
    assert report.excluded == {"missing_region": 1, "unknown_region": 1, "missing_industry": 1,
                               "invalid_industry": 1, "missing_year": 0,
                               "implausible_year": 0}
    assert report.invalid_codes == {"region": ["XX999"], "industry": ["99.99"]}


def test_cells_below_the_disclosure_threshold_are_flagged_confidential_without_values() -> None:
    frame, report = firms.read_firms(FIRMS, threshold=3)
    assert report.confidential_cells == 2
    de111 = frame[frame["region"] == "DE111"].set_index("measure")
    assert de111.loc["employees", "value"] == 35.0 and de111.loc["firms", "flags"] == ""
    small = frame[frame["region"] != "DE111"]
    assert small["value"].isna().all() and set(small["flags"]) == {":c"}
    assert set(frame["measure"]) == {"firms", "employees", "turnover", "wages_and_salaries"}
    assert frame.set_index("region").loc["LT011", "nuts_version"].iloc[0] == 2016


def test_the_library_takes_the_threshold_as_an_argument_not_from_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCLUSTER_DISCLOSURE_THRESHOLD", "1000")
    _frame, report = firms.read_firms(FIRMS)
    assert report.confidential_cells == 2  # the default, 3, as with threshold=3 above
    frame, _report = firms.read_firms(FIRMS, threshold=1000)
    assert frame["value"].isna().all() and set(frame["flags"]) == {":c"}


def test_division_level_and_nuts2_and_postcodes() -> None:
    with_postcodes = FIRMS.drop(columns="nuts3").assign(postcode=[f"P{i}" for i in range(9)])
    table = pd.DataFrame({"postcode": [f"P{i}" for i in range(9)], "nuts3": FIRMS["nuts3"].fillna("")})
    con = firms.connect("duckdb")
    cells, report = firms.aggregate(con, firms.firms_table(con, with_postcodes), industry_level=2, nuts_level=2,
                                    postcodes=table)
    assert cells[["region", "industry", "firms", "employees"]].values.tolist() == [
        ["DE11", "C10", 3, 35.0], ["DE11", "C25", 1, 3.0], ["LT01", "J62", 1, 8.0]]
    assert report.excluded["missing_region"] == 1


def test_csv_and_parquet_files_with_a_column_mapping_are_stored(tmp_path: Path) -> None:
    renamed = FIRMS.rename(columns={"firm_id": "id", "nuts3": "nuts"})
    renamed.to_parquet(tmp_path / "firms.parquet")
    renamed.to_csv(tmp_path / "firms.csv", index=False)
    store = StatisticsStore(tmp_path / "statistics.duckdb")
    for name in ("firms.parquet", "firms.csv"):
        frame, report = firms.import_firms(store, tmp_path / name, dataset="firms", mapping={"firm_id": "id",
                                                                                             "nuts3": "nuts"})
        assert report.aggregated == 5
    stored = store.observations("firms", "employees", regions=["DE111"])
    assert stored["value"].tolist() == [35.0]
    assert store.provenance("firms")["report"]["excluded"]["unknown_region"] == 1


firm_rows = st.lists(st.tuples(
    st.integers(1, 40),  # firm id (repeats: one firm in several regions or years)
    st.sampled_from(["DE111", "DE112", "LT011", "HU110", "EL301", "XX999", "", None]),
    st.sampled_from(["10.11", "C1011", "25.62", "62.01", "28.1", "99.99", "", None]),
    st.sampled_from([2019, 2020, 2021]),
    st.integers(0, 5000), st.integers(0, 10**7), st.integers(0, 10**6),
), min_size=1, max_size=60)


@pytest.mark.spark
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=firm_rows)
def test_duckdb_and_spark_give_identical_aggregates(spark, rows: list[tuple]) -> None:
    frame = pd.DataFrame(rows, columns=firms.FIRM_COLUMNS).astype(
        {"employees": "float64", "turnover": "float64", "wages": "float64"})
    duck_con = firms.connect("duckdb")
    duck, duck_report = firms.aggregate(duck_con, firms.firms_table(duck_con, frame))
    spark_con = firms.connect("spark")
    sparked, spark_report = firms.aggregate(spark_con, firms.firms_table(spark_con, frame))
    pd.testing.assert_frame_equal(duck.astype({"firms": "int64"}), sparked.astype({"firms": "int64"}))
    assert duck_report == spark_report


@pytest.mark.spark
def test_spark_engine_stores_what_duckdb_stores(spark, tmp_path: Path) -> None:
    FIRMS.to_parquet(tmp_path / "firms.parquet")
    results = {}
    for engine in ("duckdb", "spark"):
        store = StatisticsStore(tmp_path / f"{engine}.duckdb")
        firms.import_firms(store, tmp_path / "firms.parquet", engine=engine)
        results[engine] = store.observations("firms")
    pd.testing.assert_frame_equal(results["duckdb"], results["spark"])


def reference_cells(frame: pd.DataFrame, *, industry_level: int = 4, nuts_level: int = 3) -> pd.DataFrame:
    """The cells by plain pandas: codes converted record by record, distinct firm ids counted per cell."""
    records = frame.assign(region=frame["nuts3"].map(lambda c: firms._region_at(nuts_level)(c) if c else None),
                           industry=frame["nace"].map(lambda c: firms._industry_at(industry_level)(c) if c else None))
    records = records.dropna(subset=["region", "industry", "year"])
    cells = records.groupby(["region", "industry", "year"]).agg(
        firms=("firm_id", "nunique"), employees=("employees", lambda v: v.sum(min_count=1)),
        turnover=("turnover", lambda v: v.sum(min_count=1)), wages=("wages", lambda v: v.sum(min_count=1)))
    return cells.reset_index().astype({"year": "int64", "firms": "int64", "employees": "float64",
                                       "turnover": "float64", "wages": "float64"})


# Few distinct values, so that firms meet again in a cell: dense and sparse integer ids, and text ids.
firm_ids = st.one_of(st.integers(1, 6), st.integers(2**40, 2**40 + 6), st.sampled_from(["A1", "B2", "C3"]))
messy_rows = st.lists(st.tuples(
    firm_ids | st.none(),
    st.sampled_from(["DE111", "de111 ", "DE112", "XX999", "", None]),
    st.sampled_from(["10.11", "C1011", "10.12", "99.99", "", None]),
    st.sampled_from([2019, 2020, None]),
    st.integers(0, 5000) | st.none(), st.integers(0, 10**7), st.integers(0, 10**6),
), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(rows=messy_rows, one_record_a_year=st.booleans(), industry_level=st.sampled_from([2, 4]),
       nuts_level=st.sampled_from([2, 3]))
def test_aggregates_equal_a_plain_pandas_count_of_distinct_firms(rows: list[tuple], one_record_a_year: bool,
                                                                 industry_level: int, nuts_level: int) -> None:
    frame = pd.DataFrame(rows, columns=firms.FIRM_COLUMNS)
    frame["firm_id"] = frame["firm_id"].map(lambda v: None if v is None else str(v)) if frame["firm_id"].map(
        type).eq(str).any() else frame["firm_id"].astype("Int64")
    if one_record_a_year:
        frame = frame.drop_duplicates(["firm_id", "year"])
    frame = frame.astype({"year": "Int64", "employees": "float64", "turnover": "float64", "wages": "float64"})
    con = firms.connect("duckdb")
    cells, report = firms.aggregate(con, firms.firms_table(con, frame), industry_level=industry_level,
                                    nuts_level=nuts_level)
    pd.testing.assert_frame_equal(cells, reference_cells(frame, industry_level=industry_level, nuts_level=nuts_level))
    assert report.rows == len(frame)


def test_firms_with_one_record_a_year_are_counted_from_one_grouping_without_a_per_firm_query(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def per_firm_query(*args: object) -> None:
        raise AssertionError("the per-firm query ran although no firm has two records in a year")

    monkeypatch.setattr(firms, "_repeats_per_cell", per_firm_query)
    con = firms.connect("duckdb")
    cells, _ = firms.aggregate(con, firms.firms_table(con, FIRMS))
    assert cells["firms"].tolist() == [3, 1, 1]


@pytest.mark.parametrize(("ids", "bitmap", "repeated"), [
    ([1, 2, 3, 1], True, [1]),  # dense integers: the bitmap, then the GROUP BY
    ([1, 2, 3, 4], True, []),
    ([1, 2**40, 3, 2**40], False, [2**40]),  # a range too wide for the bitmap: the GROUP BY
    ([1, 2**40, 3, 4], False, []),
    (["A", "B", "C", "A"], False, ["A"]),  # text ids: the GROUP BY
    (["A", "B", "C", "D"], False, []),
])
def test_a_firm_with_two_records_in_one_year_is_found_on_every_path(ids: list, bitmap: bool, repeated: list) -> None:
    con = firms.connect("duckdb")
    frame = pd.DataFrame({"firm_id": ids, "year": [2020, 2020, 2020, 2020]})
    found = firms._repeated_firm_years(con, ibis.memtable(frame))
    if bitmap and not repeated:
        assert found is None  # ruled out without a GROUP BY
    else:
        assert con.execute(found).values.tolist() == [[firm, 2020] for firm in repeated]
    every_year_once = firms._repeated_firm_years(con, ibis.memtable(frame.assign(year=[2020, 2021, 2022, 2023])))
    assert every_year_once is None if bitmap else con.execute(every_year_once).empty


def test_cells_are_ordered_by_region_industry_and_year_whether_keys_are_dense_or_sparse() -> None:
    region, industry, year = (np.array([1, 0, 1, 0]), np.array([0, 2, 0, 1]), np.array([2021, 2020, 2020, 2020]))
    # Keys with 3 industries and a 2-year span: (1*3+0)*2+1 = 7, 4, 6, 2 → order 3, 1, 2, 0.
    assert firms._cell_order(region, industry, year, industries=3).tolist() == [3, 1, 2, 0]
    sparse = firms._cell_order(region * 10**6, industry, year, industries=3)  # keys far apart: a plain sort
    assert sparse.tolist() == [3, 1, 2, 0]
