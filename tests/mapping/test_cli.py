"""`smartcluster map` and `smartcluster relatedness`: real files, the real statistics store, one-line errors."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from smartcluster.cli import main

US = "us-cluster-mapping"


@pytest.fixture(scope="module")
def fixture_store(shared_data: Path) -> None:
    """The 7-country SBS fixture imported into this process's statistics store by the statistics importer."""
    from smartcluster.sources.eurostat import observations_from_bytes
    from smartcluster.statistics import StatisticsStore

    path = shared_data / "fixture-7-countries" / "sbs_r_nuts06_r2_7countries.tsv.gz"
    with gzip.open(path) as handle:
        observations, _ = observations_from_bytes(handle.read(), dataset="sbs_r_nuts06_r2", file=str(path))
    StatisticsStore().replace_dataset("sbs_r_nuts06_r2", observations, {"source": str(path)})


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_map_us_states_writes_the_documented_columns(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "states.csv"
    result = run("map", "--system", "us", "--regions", str(shared_data / US / "uscmp_state_cluster_inputs_2016.csv.gz"),
                 "--national", str(shared_data / US / "uscmp_us_national_cluster_emp_2016.csv"), "--out", str(out))
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, dtype={"region_code": str}, keep_default_na=False)
    assert len(table) == 50 * 67
    for column in ["region_code", "cluster_code", "emp", "est", "lq", "qualifying", "significant", "strong",
                   "strong10"]:
        assert column in table.columns
    traded = table[table["cluster_code"] <= 51]
    assert set(traded["strong"]) == {"true", "false"} and set(table[table["cluster_code"] > 100]["strong"]) == {""}
    wood = table[(table["region_code"] == "01") & (table["cluster_code"] == 51)].iloc[0]
    assert float(wood["lq"]) == pytest.approx((12537 / 574780) / (366743 / 45242109))


def test_map_us_without_files_says_what_is_missing() -> None:
    result = run("map", "--system", "us", "--out", "x.csv")
    assert result.exit_code != 0 and "--regions FILE" in result.output and "Traceback" not in result.output


def test_map_region_reads_the_store(fixture_store: None, tmp_path: Path) -> None:
    out = tmp_path / "el61.csv"
    result = run("map", "--region", "EL61", "--year", "2014", "--out", str(out))
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert set(table["region"]) == {"EL61"} and table["nuts_version"].eq(2013).all()
    assert {"establishments", "lq", "size_star", "completeness", "taxonomy", "reference"} <= set(table.columns)
    food = table[table["category"] == 18].iloc[0]
    assert food["employment"] == 6387 + 521  # C10 + C11 (raw file, EL61 2014)
    assert "Food Processing" in result.output


def test_map_category_ranks_all_regions_of_the_level_to_xlsx(fixture_store: None, tmp_path: Path) -> None:
    out = tmp_path / "food.xlsx"
    result = run("map", "--category", "18", "--level", "2", "--year", "2014", "--reference", "country",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    table = pd.read_excel(out)
    assert table["region"].is_unique and len(table) > 50 and set(table["reference"]) == {"country"}


def test_map_unknown_region_or_category_is_one_line(fixture_store: None) -> None:
    for args in (["--region", "XX99", "--year", "2014"], ["--category", "999", "--year", "2014"]):
        result = run("map", *args)
        assert result.exit_code != 0 and "Traceback" not in result.output
        assert result.output.strip().splitlines()[-1].startswith("Error:")


def test_relatedness_command_on_a_real_long_table(sbs_nuts2_employment: pd.DataFrame, tmp_path: Path) -> None:
    rows = sbs_nuts2_employment[(sbs_nuts2_employment["industry"].str.len() == 3)
                                & sbs_nuts2_employment["year"].isin([2013, 2014])]
    source = tmp_path / "input.csv"
    rows.rename(columns={"region": "geo", "industry": "nace", "value": "emp", "year": "time"}).to_csv(source, index=False)
    result = run("relatedness", str(source), "--region", "geo", "--industry", "nace", "--value", "emp",
                 "--year", "time", "--fitness", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    cells = pd.read_csv(tmp_path / "out" / "relatedness.csv")
    assert cells.columns.tolist() == ["year", "region", "industry", "value", "rca", "mcp", "diversity", "ubiquity",
                                      "density", "eci", "pci", "coi", "cog", "fitness", "complexity"]
    per_year = cells.groupby("year").size()
    assert (per_year == cells.groupby("year")["region"].nunique() * cells.groupby("year")["industry"].nunique()).all()
    proximity = pd.read_csv(tmp_path / "out" / "proximity.csv")
    assert proximity.columns.tolist() == ["year", "industry_1", "industry_2", "proximity"]
    assert proximity.groupby("year").size().eq(68 * 68).all()


def test_relatedness_bad_input_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text("geo,nace,emp\nA,C10,12\nB,C10,lots\n")
    result = run("relatedness", str(tmp_path / "bad.csv"), "--region", "geo", "--industry", "nace", "--value", "emp",
                 "--out", str(tmp_path / "o"))
    assert result.exit_code != 0 and "non-numeric values, e.g. 'lots'" in result.output
    (tmp_path / "good.csv").write_text("geo,nace,emp\nA,C10,12\nB,C11,3\n")
    result = run("relatedness", str(tmp_path / "good.csv"), "--region", "where", "--industry", "nace",
                 "--value", "emp", "--out", str(tmp_path / "o"))
    assert result.exit_code != 0 and "lacks column(s) where" in result.output
    assert not (tmp_path / "o" / "relatedness.csv").exists()


def test_map_with_a_user_taxonomy_file_names_it_in_the_result(fixture_store: None, tmp_path: Path) -> None:
    (tmp_path / "digital.csv").write_text("industry,category,category_name\nC26,digital,Digital\nJ62,digital,Digital\n")
    out = tmp_path / "digital_map.csv"
    result = run("map", "--region", "EL61", "--year", "2014", "--taxonomy", str(tmp_path / "digital.csv"),
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert table["category"].tolist() == ["digital"] and table["taxonomy"].iloc[0] == "digital user"
