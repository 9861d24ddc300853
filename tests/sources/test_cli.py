"""The command line: imports, listing, export; bad input gives one line and a non-zero exit, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from smartcluster.cli import main
from smartcluster.regions.tests.mirror import mirror_build
from smartcluster.statistics import StatisticsStore
from tests.sources.conftest import file_digest


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory of this test's own (the store file lives there)."""
    monkeypatch.setenv("SMARTCLUSTER_DATA_DIR", str(tmp_path / "var"))
    return tmp_path / "var"


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_import_eurostat_then_list_and_export(eurostat_api: str, data_dir: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCLUSTER_EUROSTAT_BASE_URL", eurostat_api)
    result = run("import", "eurostat", "nama_10r_2gdp", "--years", "2012-2014")
    assert result.exit_code == 0, result.output
    assert "nama_10r_2gdp: " in result.output and "observations stored" in result.output
    listing = run("datasets")
    assert listing.exit_code == 0 and "nama_10r_2gdp" in listing.output and "2012–2014" in listing.output
    stored = StatisticsStore(data_dir / "statistics.duckdb").observations("nama_10r_2gdp")
    for fmt, reader in (("csv", pd.read_csv), ("parquet", pd.read_parquet), ("xlsx", pd.read_excel)):
        target = tmp_path / f"gdp.{fmt}"
        exported = run("export", "nama_10r_2gdp", "--format", fmt, "--output", str(target))
        assert exported.exit_code == 0, exported.output
        frame = reader(target)
        assert len(frame) == len(stored)
        assert frame["value"].sum() == pytest.approx(stored["value"].sum())


def test_an_import_from_the_command_line_refreshes_the_mapping_results_of_the_platform(
        shared_data: Path, local_http_server, data_dir: Path, tmp_path: Path,  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The SBS dataset's API path answered with the 7-country extract (a symlink), to keep the test short.
    mirror_build(tmp_path / "mirror", shared_data,
                 {"sdmx/2.1/data/sbs_r_nuts06_r2": "fixture-7-countries/sbs_r_nuts06_r2_7countries.tsv.gz",
                  "sdmx/2.1/data/nama_10r_2gdp": "eurostat-lfs-regional/nama_10r_2gdp.tsv.gz"})
    monkeypatch.setenv("SMARTCLUSTER_EUROSTAT_BASE_URL", local_http_server(tmp_path / "mirror").rstrip("/"))
    cached = data_dir / "atlas-cache" / "sbs_r_nuts06_r2"
    first = run("import", "eurostat", "sbs_r_nuts06_r2")
    assert first.exit_code == 0, first.output
    assert "sbs_r_nuts06_r2: mapping results computed (cluster_categories, smart_industry_40)" in first.output
    assert len(list(cached.iterdir())) == 2  # one result per taxonomy, ready for the pages' first view
    (cached / "left-over-from-an-older-import").mkdir()
    again = run("import", "eurostat", "sbs_r_nuts06_r2", "--years", "2012-2014")
    assert again.exit_code == 0, again.output
    assert len(list(cached.iterdir())) == 2 and not (cached / "left-over-from-an-older-import").exists()
    gdp = run("import", "eurostat", "nama_10r_2gdp", "--years", "2014")
    assert "nama_10r_2gdp: nothing for the mapping pages (no persons employed by NUTS 2 region)" in gdp.output


def test_bad_file_gives_one_line_and_exit_1_and_leaves_the_store(data_dir: Path, tmp_path: Path) -> None:
    good = tmp_path / "regional.csv"
    good.write_text("region,industry,year,measure,value\nDE11,C,2019,employees,5\n", encoding="utf-8")
    assert run("import", "file", str(good)).exit_code == 0
    store_file = data_dir / "statistics.duckdb"
    before = file_digest(store_file)
    bad = tmp_path / "bad.csv"
    bad.write_text("region,industry,year,measure,value\nDE11,C,2019,employees,five\nQQ11,C,2019,employees,1\n",
                   encoding="utf-8")
    result = run("import", "file", str(bad))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: 2 problem(s) in the input:")
    assert "Traceback" not in result.output
    report = Path(lines[0].rsplit("every problem: ", 1)[1])
    assert report.read_text(encoding="utf-8").count("\n") == 2
    assert file_digest(store_file) == before


def test_mapping_and_constants_options(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "national.csv"
    path.write_text("NUTS;NACE;2019;2020\nHU11;C28;10;12\n", encoding="utf-8")
    result = run("import", "file", str(path), "--mapping", "region=NUTS,industry=NACE", "--set",
                 "measure=employees,unit=number", "--dataset", "hu")
    assert result.exit_code == 0, result.output
    rows = StatisticsStore(data_dir / "statistics.duckdb").observations("hu")
    assert rows["value"].tolist() == [10.0, 12.0] and set(rows["measure"]) == {"employees"}


def test_import_firms_reports_exclusions(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "firms.csv"
    path.write_text("firm_id,nuts3,nace,year,employees,turnover,wages\n1,DE111,10.11,2020,5,1,1\n"
                    "2,DE111,10.11,2020,5,1,1\n3,DE111,10.11,2020,5,1,1\n4,XX999,10.11,2020,5,1,1\n",
                    encoding="utf-8")
    result = run("import", "firms", str(path), "--engine", "duckdb")
    assert result.exit_code == 0, result.output
    assert "excluded (unknown region): 1" in result.output and "invalid region codes (commonest): XX999" in result.output


def test_import_firms_takes_the_disclosure_threshold_from_the_environment(data_dir: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "firms.csv"
    path.write_text("firm_id,nuts3,nace,year,employees,turnover,wages\n1,DE111,10.11,2020,5,1,1\n"
                    "2,DE111,10.11,2020,5,1,1\n3,DE111,10.11,2020,5,1,1\n", encoding="utf-8")
    monkeypatch.setenv("SMARTCLUSTER_DISCLOSURE_THRESHOLD", "4")
    result = run("import", "firms", str(path), "--engine", "duckdb", "--dataset", "three")
    assert result.exit_code == 0, result.output
    assert "1 cells flagged confidential" in result.output
    assert StatisticsStore(data_dir / "statistics.duckdb").observations("three")["value"].isna().all()
    monkeypatch.setenv("SMARTCLUSTER_DISCLOSURE_THRESHOLD", "three")
    result = run("import", "firms", str(path), "--engine", "duckdb", "--dataset", "refused")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "SMARTCLUSTER_DISCLOSURE_THRESHOLD must be a positive whole number, not 'three'" in result.output
    assert "refused" not in set(StatisticsStore(data_dir / "statistics.duckdb").datasets()["dataset"])


@pytest.mark.parametrize(("args", "message"), [
    (("export", "nothing"), "Error: dataset 'nothing' is not in the statistics store"),
    (("import", "file", "/no/such.csv"), "Error: 1 problem(s) in the input: /no/such.csv: no such file"),
    (("import", "eurostat", "x", "--years", "twenty"), "is not a list of years"),
])
def test_other_bad_input_is_one_clear_line(data_dir: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_unreachable_eurostat_is_one_clear_line(data_dir: Path) -> None:
    result = run("import", "eurostat", "nama_10r_2gdp", "--base-url", "http://127.0.0.1:9/")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach http://127.0.0.1:9/sdmx/2.1/data/nama_10r_2gdp")
