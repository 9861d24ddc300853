"""The Eurostat connector against the real files served from 127.0.0.1 at the dissemination API's paths."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from smartcluster import config
from smartcluster.sources import eurostat
from smartcluster.sources.validation import InvalidInput
from smartcluster.statistics import StatisticsStore
from tests.sources.conftest import file_digest


@pytest.fixture(scope="module")
def full_sbs(eurostat_api: str, tmp_path_factory) -> StatisticsStore:
    """The whole sbs_r_nuts06_r2 file imported through the connector once for this module."""
    store = StatisticsStore(tmp_path_factory.mktemp("full-sbs") / "statistics.duckdb")
    eurostat.import_dataset(store, "sbs_r_nuts06_r2", base_url=eurostat_api)
    return store


def test_full_sbs_import_gives_the_published_persons_employed(full_sbs: StatisticsStore) -> None:
    rows = full_sbs.observations("sbs_r_nuts06_r2", "persons_employed", regions=["DE11"], industries=["C28"])
    by_year = rows.set_index("year")
    assert by_year.loc[2014, "value"] == 156353  # Stuttgart, machinery, 2014
    assert by_year.loc[2009, "value"] == 131179 and by_year.loc[2009, "flags"] == "d"
    assert by_year.loc[2014, "measure_code"] == "V16110" and by_year.loc[2014, "industry_level"] == 2
    assert len(rows) == 8


def test_full_sbs_import_keeps_every_confidential_cell_unknown(full_sbs: StatisticsStore) -> None:
    rows = full_sbs.observations("sbs_r_nuts06_r2")
    confidential = rows["flags"].str.contains("c")
    assert confidential.sum() == 102543  # cells carrying the flag c in the file (zcat | grep -c)
    assert rows.loc[confidential, "value"].isna().all()
    assert len(rows) == 195227 * 8


def test_full_sbs_2014_has_282_nuts2_regions_with_division_employment(full_sbs: StatisticsStore) -> None:
    rows = full_sbs.observations("sbs_r_nuts06_r2", "persons_employed", years=[2014], nuts_level=2)
    known = rows[(rows["industry_level"] == 2) & rows["value"].notna()]
    regions = set(known["region"])
    assert "FRZZ" in regions  # extra-regio France has the length of a NUTS 2 code, and some figures
    assert len(regions - {"FRZZ"}) == 282
    assert known["industry"].nunique() == 68


def test_full_sbs_rows_carry_the_nuts_version_of_their_year(full_sbs: StatisticsStore) -> None:
    rows = full_sbs.observations("sbs_r_nuts06_r2", "persons_employed", industries=["C28"],
                                 regions=["LT00", "HR04", "EL11", "EL51", "DE41", "DE40"])
    versions = rows.set_index(["region", "year"])["nuts_version"]
    assert versions[("LT00", 2014)] == 2010 and versions[("LT00", 2015)] == 2013
    assert versions[("HR04", 2015)] == 2013
    assert versions[("EL11", 2008)] == 2010
    assert versions[("DE41", 2008)] == 2006 and versions[("DE40", 2011)] == 2010
    assert rows.loc[rows["region"] == "LT00"].set_index("year").loc[2014, "value"] == 6194


def test_datasets_listing_names_source_checksum_and_completeness(full_sbs: StatisticsStore,
                                                                eurostat_api: str) -> None:
    listing = full_sbs.datasets().set_index("dataset").loc["sbs_r_nuts06_r2"]
    assert listing["source"].startswith(eurostat_api + "sdmx/2.1/data/sbs_r_nuts06_r2?format=TSV")
    assert listing["checksum"].startswith("sha256:") and listing["dataset_version"] != ""
    assert listing["years"] == list(range(2008, 2016))
    assert listing["n_regions"] == 467 and listing["n_industries"] == 101
    assert listing["completeness"] == pytest.approx(1100929 / (195227 * 8))


def test_current_api_layout_with_oldest_years_first_and_flags(eurostat_api: str, store: StatisticsStore) -> None:
    eurostat.import_dataset(store, "nama_10r_3empers", base_url=eurostat_api)
    rows = store.observations("nama_10r_3empers").set_index(["region", "industry", "measure", "year"])
    assert rows.loc[("EL51", "C", "persons_employed", 2010), "value"] == 18.04
    assert rows.loc[("EL51", "C", "persons_employed", 2010), "flags"] == "b"
    assert rows.loc[("LT011", "J", "persons_employed", 2021), "value"] == 33.98
    assert rows.loc[("LT011", "J", "persons_employed", 2021), "nuts_level"] == 3
    assert pd.isna(rows.loc[("HR02", "O-Q", "persons_employed", 2022), "value"])
    assert rows.loc[("HR02", "O-Q", "persons_employed", 2022), "flags"] == ":"
    assert rows.loc[("HR02", "O-Q", "persons_employed", 2020), "industry_level"] == 0
    assert set(rows["unit"]) == {"THS"}


def test_lfs_keeps_employment_aged_15_and_over_and_gdp_keeps_its_units(eurostat_api: str, store: StatisticsStore) -> None:
    eurostat.import_dataset(store, "lfst_r_lfe2en2", base_url=eurostat_api)
    eurostat.import_dataset(store, "nama_10r_2gdp", base_url=eurostat_api)
    lfs = store.observations("lfst_r_lfe2en2", "employment_lfs", regions=["LT00"], industries=["B-E"])
    assert lfs.set_index("year").loc[2008, ["value", "flags"]].tolist() == [280.8, "b"]  # Y_GE15, not Y15-64
    gdp = store.observations("nama_10r_2gdp", "gdp", regions=["HU10"])
    million = gdp[gdp["unit"] == "MIO_EUR"].set_index("year")
    assert million.loc[2013, ["value", "flags"]].tolist() == [48779.0, "e"]
    assert set(gdp["unit"]) == {"EUR_HAB", "EUR_HAB_EU", "MIO_EUR", "MIO_PPS", "PPS_HAB", "PPS_HAB_EU"}


def test_years_option_keeps_only_those_years(eurostat_api: str, store: StatisticsStore) -> None:
    eurostat.import_dataset(store, "nama_10r_2gdp", years=[2010, 2011], base_url=eurostat_api)
    assert sorted(store.observations("nama_10r_2gdp")["year"].unique()) == [2010, 2011]


def test_sdmx_csv_gives_the_same_observations_as_tsv(shared_data: Path, tmp_path: Path) -> None:
    tsv = shared_data / "eurostat-api-format" / "nama_10r_3empers_sample.tsv"
    expected = eurostat.read_file(tsv, dataset="nama_10r_3empers")
    sdmx = expected.assign(DATAFLOW="ESTAT:NAMA_10R_3EMPERS(1.0)", **{"LAST UPDATE": "10/03/23 23:00:00"},
                           freq="A", wstatus=expected["measure_code"], nace_r2=expected["industry"],
                           geo=expected["region"], TIME_PERIOD=expected["year"],
                           OBS_VALUE=expected["value"], OBS_FLAG=expected["flags"].str.lstrip(":"))
    columns = ["DATAFLOW", "LAST UPDATE", "freq", "unit", "wstatus", "nace_r2", "geo", "TIME_PERIOD", "OBS_VALUE",
               "OBS_FLAG"]
    path = tmp_path / "nama_10r_3empers.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        sdmx[columns].to_csv(handle, index=False)
    parsed = eurostat.read_file(path, dataset="nama_10r_3empers")
    key = ["region", "industry", "measure", "year"]
    pd.testing.assert_frame_equal(parsed.sort_values(key).reset_index(drop=True)[expected.columns],
                                  expected.sort_values(key).reset_index(drop=True))


def test_truncated_gzip_is_reported_and_store_left_unchanged(shared_data: Path, eurostat_api: str,
                                                             store: StatisticsStore, tmp_path: Path,
                                                             local_http_server) -> None:
    eurostat.import_dataset(store, "nama_10r_3empers", base_url=eurostat_api)
    before = file_digest(store.path)
    cut = tmp_path / "api" / "sdmx" / "2.1" / "data"
    cut.mkdir(parents=True)
    payload = (shared_data / "eurostat-sbs-regional" / "sbs_r_nuts06_r2.tsv.gz").read_bytes()
    (cut / "nama_10r_3empers").write_bytes(payload[:100_000])
    with pytest.raises(InvalidInput, match="truncated or corrupt gzip"):
        eurostat.import_dataset(store, "nama_10r_3empers", base_url=local_http_server(tmp_path / "api"))
    assert file_digest(store.path) == before
    assert len(store.observations("nama_10r_3empers")) == 616


def test_every_malformed_line_and_cell_is_listed() -> None:
    text = ("nace_r2,indic_sb,geo\\time\t2015 \t2014 \n"
            "C10,V16110,DE11\t12 \tabc\n"
            "C10,V16110,DE12\t12 \n"
            "C10,V16110\t1 \t2 \n"
            "C10,V16110,DE13\t3 p\t- \n")
    with pytest.raises(InvalidInput) as error:
        eurostat.observations_from_bytes(text.encode(), dataset="sbs_r_nuts06_r2", file="x.tsv")
    listed = [str(p) for p in error.value.problems]
    assert "x.tsv:3: 2 fields where the header has 3 (truncated file or wrong delimiter?)" in listed
    assert "x.tsv:2 [2014]: not a number: 'abc'" in listed
    assert any(p.startswith("x.tsv:4 [nace_r2,indic_sb,geo\\time]: key 'C10,V16110'") for p in listed)
    assert len(listed) == 3


def test_comma_separated_file_is_refused_with_the_reason() -> None:
    text = "nace_r2,indic_sb,geo\\time,2015,2014\nC10,V16110,DE11,1,2\n"
    with pytest.raises(InvalidInput, match="not a Eurostat TSV file"):
        eurostat.observations_from_bytes(text.encode(), dataset="sbs_r_nuts06_r2", file="x.tsv")


def test_unknown_region_codes_are_reported_by_line() -> None:
    text = "nace_r2,indic_sb,geo\\time\t2015 \nC10,V16110,DE11\t1 \nC10,V16110,QQ77\t2 \n"
    with pytest.raises(InvalidInput) as error:
        eurostat.observations_from_bytes(text.encode(), dataset="sbs_r_nuts06_r2", file="x.tsv")
    assert [str(p) for p in error.value.problems] == [
        "x.tsv:3 [nace_r2,indic_sb,geo\\time]: unknown NUTS region code 'QQ77'"]


def test_missing_dataset_is_a_clear_error(eurostat_api: str, store: StatisticsStore) -> None:
    with pytest.raises(OSError, match="Eurostat answered 404"):
        eurostat.import_dataset(store, "no_such_dataset", base_url=eurostat_api)
    assert not store.path.exists()


def test_base_url_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCLUSTER_EUROSTAT_BASE_URL", "http://127.0.0.1:9/api")
    assert config.eurostat_base_url() == "http://127.0.0.1:9/api/"
    assert eurostat.dataset_url("nama_10r_2gdp") == \
        "http://127.0.0.1:9/api/sdmx/2.1/data/nama_10r_2gdp?format=TSV&compressed=true"
    monkeypatch.delenv("SMARTCLUSTER_EUROSTAT_BASE_URL")
    assert config.eurostat_base_url() == "https://ec.europa.eu/eurostat/api/dissemination/"


def test_2021_series_codes_become_the_canonical_measures() -> None:
    text = ("freq,indic_sbs,nace_r2,geo\\TIME_PERIOD\t2021\t2022\n"
            "A,EMP_LOC_NR,C28,HR02\t1200\t1250 p\n"
            "A,LOC_NR,C28,HR02\t40\t: c\n"
            "A,WAGE_LOC_MEUR,C28,HR02\t25.5\t27.1\n")
    frame, _ = eurostat.observations_from_bytes(text.encode(), dataset="sbs_r_nuts2021", file="x.tsv")
    rows = frame.set_index(["measure", "year"])
    assert rows.loc[("persons_employed", 2022), ["value", "flags", "measure_code"]].tolist() == [1250.0, "p",
                                                                                                 "EMP_LOC_NR"]
    assert rows.loc[("local_units", 2022), "flags"] == ":c"
    assert rows.loc[("wages_and_salaries", 2021), ["value", "unit"]].tolist() == [25.5, "MIO_EUR"]
    assert set(frame["nuts_version"]) == {2021}
