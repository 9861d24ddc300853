"""CSV and Excel files: long and wide layouts, column mappings, classifications, every problem reported."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from smartcluster.sources import files
from smartcluster.sources.validation import InvalidInput
from smartcluster.statistics import StatisticsStore
from tests.sources.conftest import file_digest


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_long_csv_with_a_column_mapping_and_semicolons(tmp_path: Path) -> None:
    path = write(tmp_path / "regional.csv", "NUTS;NACE;Jahr;measure;value\n"
                 "DE11;10.11;2019;persons_employed;120\nde12;C28;2019;persons_employed;1200 p\n")
    frame = files.read_table(path, mapping={"region": "NUTS", "industry": "NACE", "year": "Jahr"})
    assert frame[["region", "industry", "industry_level", "year", "value", "flags"]].values.tolist() == [
        ["DE11", "C1011", 4, 2019, 120.0, ""], ["DE12", "C28", 2, 2019, 1200.0, "p"]]
    assert frame["nuts_version"].tolist() == [2016, 2016]


def test_wide_csv_with_years_as_columns_and_unknown_cells(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.csv", "region,industry,measure,2015,2016\n"
                 "LT00,C,persons_employed,100,: c\nLT01,C,persons_employed,,90\n")
    frame = files.read_table(path).sort_values(["region", "year"])
    assert frame[["region", "year", "value", "flags", "nuts_version"]].fillna(-1).values.tolist() == [
        ["LT00", 2015, 100.0, "", 2013], ["LT00", 2016, -1, ":c", 2013],
        ["LT01", 2015, -1, ":", 2016], ["LT01", 2016, 90.0, "", 2016]]


def test_excel_file_and_constants_for_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "stats.xlsx"
    pd.DataFrame({"region": ["HU11", "HU12"], "industry": ["C", "C"], "2019": [10, 20]}).to_excel(path, index=False)
    frame = files.read_table(path, constants={"measure": "employees", "unit": "number"})
    assert frame[["region", "measure", "unit", "value"]].values.tolist() == [
        ["HU11", "employees", "number", 10.0], ["HU12", "employees", "number", 20.0]]


def test_naics_and_a_users_own_codes(tmp_path: Path) -> None:
    path = write(tmp_path / "us.csv", "region,industry,year,measure,value\nDE11,336411,2019,employees,5\n")
    naics = files.read_table(path, classification="NAICS")
    assert naics[["industry", "industry_level", "classification"]].values.tolist() == [["336411", 6, "NAICS"]]
    own = files.read_table(path, classification="our-sectors")
    assert own[["industry", "industry_level", "classification"]].values.tolist() == [["336411", 0, "our-sectors"]]


def test_every_problem_is_listed_with_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", "NUTS;NACE;year;measure;value\n"
                 "DE11;10.11;2019;persons_employed;120\n"
                 "XX99;C10;2019;persons_employed;abc\n"
                 "DE12;C10;20x9;persons_employed;-5\n"
                 "DE11;C1011;2019;persons_employed;7\n"
                 "DE13;Z99;2019;persons_employed;7\n"
                 "DE11;C10\n")
    with pytest.raises(InvalidInput) as error:
        files.read_table(path, mapping={"region": "NUTS", "industry": "NACE"})
    assert sorted(str(p).replace(str(path), "bad.csv") for p in error.value.problems) == sorted([
        "bad.csv:7: 2 fields where the header has 5 (truncated file or wrong delimiter?)",
        "bad.csv:4 [year]: not a year: '20x9'",
        "bad.csv:3 [value]: not a number: 'abc'",
        "bad.csv:3 [NUTS]: unknown NUTS region code 'XX99'",
        "bad.csv:4 [value]: negative value -5 for persons_employed",
        "bad.csv:5 [value]: duplicate key: DE11 C1011 2019 persons_employed appears on an earlier line too",
        "bad.csv:6 [NACE]: unknown NACE_R2 industry code 'Z99'",
    ])


def test_a_wrong_nuts_version_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "v.csv", "region,industry,year,measure,value,nuts_version\n"
                 "LT01,C,2019,employees,5,2013\nLT00,C,2014,employees,5,2013\n")
    with pytest.raises(InvalidInput) as error:
        files.read_table(path)
    assert [str(p).replace(str(path), "v.csv") for p in error.value.problems] == [
        "v.csv:2 [region]: region LT01 does not exist in NUTS 2013"]


def test_a_missing_column_names_the_header_seen(tmp_path: Path) -> None:
    path = write(tmp_path / "tabs.csv", "region|industry|year|value\nDE11|C|2019|1\n")
    with pytest.raises(InvalidInput, match="missing column\\(s\\) measure; the header has region, industry"):
        files.read_table(path)


def test_bad_file_leaves_the_store_byte_for_byte_unchanged(tmp_path: Path) -> None:
    store = StatisticsStore(tmp_path / "statistics.duckdb")
    good = write(tmp_path / "regional.csv", "region,industry,year,measure,value\nDE11,C,2019,employees,5\n")
    files.import_file(store, good)
    before = file_digest(store.path)
    write(good, "region,industry,year,measure,value\nDE11,C,2019,employees,five\n")
    with pytest.raises(InvalidInput):
        files.import_file(store, good)
    assert file_digest(store.path) == before
    assert store.observations("regional")["value"].tolist() == [5.0]
    assert store.provenance("regional")["checksum"].startswith("sha256:")
