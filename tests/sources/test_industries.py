"""NACE codes in Eurostat notation and their levels."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from smartcluster.sources import industries


@pytest.mark.parametrize(("code", "level"), [
    ("C", 1), ("C10", 2), ("G451", 3), ("C1011", 4), ("S95", 2), ("B-E", 0), ("M_N", 0), ("B-N_S95_X_K", 0),
    ("TOTAL", 0), ("NRP", 0), ("C9999", None), ("Z", None), ("C-Z", None), ("", None),
])
def test_level_of_eurostat_notation_codes(code: str, level: int | None) -> None:
    assert industries.nace_level(code) == level


@pytest.mark.parametrize(("raw", "code"), [
    ("10.11", "C1011"), ("C10.11", "C1011"), (" c1011 ", "C1011"), ("1011", "C1011"), ("62", "J62"),
    ("45.1", "G451"), ("C", "C"), ("99.99", None), ("abc", None), ("1", None),
])
def test_code_written_any_common_way_becomes_eurostat_notation(raw: str, code: str | None) -> None:
    assert industries.nace_code(raw) == code


def test_package_table_has_every_code_of_the_nace_structure(shared_data: Path) -> None:
    structure = pd.read_csv(shared_data / "classifications" / "Nace2_long.csv.gz", dtype=str)
    levels = pd.Series(industries.nace_levels()).value_counts().sort_index()
    assert levels.tolist() == structure["Level"].astype(int).value_counts().sort_index().tolist() == [21, 88, 272, 615]


def test_levels_of_a_column_per_classification() -> None:
    codes = pd.Series(["C10", "B-E", "bad", "C10"])
    assert industries.industry_levels(codes, industries.NACE).tolist() == [2, 0, pd.NA, 2]
    assert industries.industry_levels(pd.Series(["33", "336411", "3364x"]), industries.NAICS).tolist() == [2, 6, pd.NA]
    assert industries.industry_levels(pd.Series(["mine"]), "own").tolist() == [0]
