"""The bundled starter pack: re-derived from ../shared/data it gives the same bytes, stays small, keeps unknown cells
unknown and Eurostat's flags, and loads into a statistics store with its provenance."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from smartcluster import starter_pack
from smartcluster.statistics import StatisticsStore

BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_starter_pack.py"
PACK_LIMIT_BYTES = 10 * 1024 * 1024


def _build_module() -> object:
    spec = importlib.util.spec_from_file_location("build_starter_pack", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rederived(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pack derived again from the real files into a temporary folder (skipped without ../shared)."""
    out = tmp_path_factory.mktemp("starter-pack")
    _build_module().pack_build(shared_data, out)
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rederiving_the_pack_gives_the_same_bytes_as_the_bundled_one(rederived: Path) -> None:
    bundled = starter_pack.manifest()["files"]
    assert {name: _sha256(rederived / name) for name in bundled} == bundled
    assert _sha256(rederived / starter_pack.MANIFEST) == _sha256(starter_pack.PACK_DIR / starter_pack.MANIFEST)


def test_the_bundled_files_match_their_manifest_and_stay_under_ten_megabytes() -> None:
    files = starter_pack.manifest()["files"]
    assert {name: _sha256(starter_pack.PACK_DIR / name) for name in files} == files
    total = sum((starter_pack.PACK_DIR / name).stat().st_size for name in [*files, starter_pack.MANIFEST])
    assert total <= PACK_LIMIT_BYTES


def test_the_notice_names_each_source_its_date_licence_and_the_boundary_credit() -> None:
    notice = (starter_pack.PACK_DIR / starter_pack.NOTICE).read_text(encoding="utf-8")
    for expected in ("Source: Eurostat", "(c) EuroGeographics for the administrative boundaries", "sbs_r_nuts06_r2",
                     "2017", "sbs_r_nuts2021", "2025-02", "CC BY 4.0", "Nace2_long.csv"):
        assert expected in notice


def test_the_2022_extract_keeps_empty_cells_unknown_never_zero() -> None:
    frame = pd.read_parquet(starter_pack.PACK_DIR / "sbs_r_nuts2021.parquet")
    cell = frame.set_index(["region", "industry"])["value"]
    assert cell[("EL64", "C")] == 19342 and cell[("EL61", "C")] == 23483 and cell[("DE11", "C28")] == 163145
    assert math.isnan(cell[("ES62", "C28")])  # empty in the source: confidential or not available
    assert frame["value"].isna().sum() == 512 and (frame["value"] == 0).sum() == 177
    assert set(frame.loc[frame["value"].isna(), "flags"]) == {":"}
    assert set(frame["nuts_version"]) == {2021} and set(frame["year"]) == {2022}


def test_the_2008_2015_series_keeps_three_measures_by_nuts_2_region_and_eurostat_flags() -> None:
    frame = pd.read_parquet(starter_pack.PACK_DIR / "sbs_r_nuts06_r2.parquet")
    assert set(frame["measure"]) == {"persons_employed", "wages_and_salaries", "local_units"}
    assert set(frame["nuts_level"]) == {2} and set(frame["industry_level"]) == {1, 2}
    assert sorted(frame["year"].unique()) == list(range(2008, 2016))
    employed = frame[frame["measure"] == "persons_employed"].set_index(["region", "industry", "year"])
    assert employed.at[("DE11", "C28", 2014), "value"] == 156353 and employed.at[("LT00", "C28", 2014), "value"] == 6194
    assert {"b", "p", ":c"} <= set(frame["flags"])  # breaks in series, provisional, confidential kept


def test_loading_the_statistics_records_their_vintage_and_leaves_an_imported_dataset_alone(tmp_path: Path) -> None:
    store = StatisticsStore(tmp_path / "statistics.duckdb")
    assert starter_pack.statistics_load(store) == ["sbs_r_nuts06_r2", "sbs_r_nuts2021"]
    provenance = store.provenance("sbs_r_nuts06_r2")
    assert provenance["extracted_at"] == "2017" and provenance["years"] == list(range(2008, 2016))
    assert provenance["source_label"] == "Eurostat SBS" and provenance["starter_pack"] is True
    assert store.provenance("sbs_r_nuts2021")["extracted_at"] == "2025-02"
    employed = store.observations("sbs_r_nuts2021", "persons_employed", regions=["EL64"], industries=["C"])
    assert employed["value"].tolist() == [19342.0]
    store.replace_dataset("sbs_r_nuts2021", employed, {"source": "an import since"})
    assert starter_pack.statistics_load(store) == []
    assert store.provenance("sbs_r_nuts2021")["source"] == "an import since"


def test_the_manifest_lists_the_years_of_each_dataset() -> None:
    statistics = json.loads((starter_pack.PACK_DIR / starter_pack.MANIFEST).read_text())["statistics"]
    assert statistics["sbs_r_nuts06_r2"]["years"] == list(range(2008, 2016))
    assert statistics["sbs_r_nuts2021"]["years"] == [2022]
