"""Fixtures for the mapping tests: the real Eurostat SBS file read in place into tidy frames (test helper only)."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

INDICATORS = {"V16110": "persons_employed", "V11210": "local_units", "V13320": "wages_and_salaries"}


def read_old_bulk_sbs(path: Path) -> pd.DataFrame:
    """Tidy rows (region, industry, year, measure, value, flags) of an old-format Eurostat bulk SBS TSV."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        wide = pd.read_csv(handle, sep="\t", dtype=str)
    wide.columns = [c.strip() for c in wide.columns]
    key = wide.columns[0]
    parts = wide[key].str.split(",", expand=True)
    wide = wide.drop(columns=key).assign(industry=parts[0], indicator=parts[1], region=parts[2])
    wide = wide[wide["indicator"].isin(INDICATORS)]
    long = wide.melt(id_vars=["industry", "indicator", "region"], var_name="year", value_name="cell")
    cell = long["cell"].str.strip()
    number = cell.str.extract(r"^([-0-9.]+)")[0]
    return pd.DataFrame({
        "region": long["region"], "industry": long["industry"], "year": long["year"].astype(int),
        "measure": long["indicator"].map(INDICATORS),
        "value": pd.to_numeric(number, errors="coerce").astype(float),
        "flags": cell.str.replace(r"^[-0-9.:]+\s*", "", regex=True),
        "nuts_level": long["region"].str.len() - 2,
    })


@pytest.fixture(scope="session")
def sbs(shared_data: Path) -> pd.DataFrame:
    """The full real SBS file (all regions, years, measures), tidy."""
    return read_old_bulk_sbs(shared_data / "eurostat-sbs-regional" / "sbs_r_nuts06_r2.tsv.gz")


@pytest.fixture(scope="session")
def sbs_nuts2_employment(sbs: pd.DataFrame) -> pd.DataFrame:
    """Persons employed by NUTS 2 region (no extra-regio), every NACE code and year."""
    rows = sbs[(sbs["measure"] == "persons_employed") & (sbs["nuts_level"] == 2) & ~sbs["region"].str.endswith("ZZ")]
    return rows.drop(columns=["measure", "nuts_level"]).reset_index(drop=True)


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20260126)
