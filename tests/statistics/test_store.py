"""The statistics store: atomic replacement, filters, listing, provenance, concurrent readers."""

from __future__ import annotations

import hashlib
import multiprocessing
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smartcluster.sources import eurostat
from smartcluster.statistics import StatisticsStore


def observations(values: list[float], *, region: str = "DE11", flags: list[str] | None = None) -> pd.DataFrame:
    """A few tidy persons-employed rows of one region, industry C10, years 2012 on."""
    n = len(values)
    return pd.DataFrame({
        "region": region, "nuts_version": 2010, "nuts_level": 2, "industry": "C10", "industry_level": 2,
        "classification": "NACE_R2", "year": range(2012, 2012 + n), "measure": "persons_employed",
        "value": values, "flags": flags or [""] * n, "unit": "number"})


@pytest.fixture
def store(tmp_path: Path) -> StatisticsStore:
    return StatisticsStore(tmp_path / "statistics.duckdb")


@pytest.fixture(scope="module")
def fixture_store(shared_data: Path, tmp_path_factory) -> StatisticsStore:
    """The 7-country SBS fixture loaded once (the README's notebook example)."""
    store = StatisticsStore(tmp_path_factory.mktemp("seven") / "statistics.duckdb")
    eurostat.import_file(store, shared_data / "fixture-7-countries" / "sbs_r_nuts06_r2_7countries.tsv.gz",
                         dataset="sbs_r_nuts06_r2")
    return store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_empty_store_answers_typed_empty_frames_without_creating_a_file(store: StatisticsStore) -> None:
    empty = store.observations()
    assert empty.empty and empty["year"].dtype == "int64" and empty["value"].dtype == "float64"
    assert store.datasets().empty
    assert not store.path.exists()
    with pytest.raises(KeyError, match="not in the statistics store"):
        store.provenance("sbs")


def test_reimport_replaces_the_dataset_and_leaves_others(store: StatisticsStore) -> None:
    store.replace_dataset("a", observations([1.0, 2.0, 3.0]), {"source": "first"})
    store.replace_dataset("b", observations([9.0]), {"source": "other"})
    store.replace_dataset("a", observations([5.0]), {"source": "second"})
    assert store.observations("a")["value"].tolist() == [5.0]
    assert store.observations("b")["value"].tolist() == [9.0]
    assert store.provenance("a")["source"] == "second"


def test_a_failed_replace_changes_nothing(store: StatisticsStore) -> None:
    store.replace_dataset("a", observations([1.0, 2.0]), {"source": "first"})
    before = digest(store.path)
    broken = observations([3.0]).drop(columns="industry_level")
    with pytest.raises(ValueError, match="lack the column"):
        store.replace_dataset("a", broken, {"source": "second"})
    unversioned = observations([3.0]).astype({"nuts_version": "Int64"})
    unversioned.loc[0, "nuts_version"] = pd.NA
    with pytest.raises(ValueError, match="without nuts_version"):
        store.replace_dataset("a", unversioned, {"source": "second"})
    assert digest(store.path) == before
    assert store.observations("a")["value"].tolist() == [1.0, 2.0]


def test_unknown_values_stay_nan_with_their_flags(store: StatisticsStore) -> None:
    store.replace_dataset("a", observations([1.0, np.nan], flags=["p", ":c"]), {})
    rows = store.observations("a")
    assert rows["flags"].tolist() == ["p", ":c"]
    assert rows["value"].isna().tolist() == [False, True]


def test_readme_notebook_example_on_the_seven_country_fixture(fixture_store: StatisticsStore) -> None:
    employed = fixture_store.observations("sbs_r_nuts06_r2", "persons_employed", years=[2014], nuts_level=2)
    table = employed.pivot_table(index="region", columns="industry", values="value")
    assert table.loc[["LT00", "HU10", "DE11"], "C28"].tolist() == [6194, 13152, 156353]
    assert employed["region"].str[:2].isin(["LT", "EL", "ES", "DE", "IE", "HR", "HU"]).all()


def test_filters_on_the_seven_country_fixture(fixture_store: StatisticsStore) -> None:
    rows = fixture_store.observations("sbs_r_nuts06_r2", "persons_employed", years=[2014],
                                      regions=["LT00", "HU10"], industries=["C28", "C"], nuts_level=2)
    table = rows.set_index(["region", "industry"])["value"]
    assert table[("LT00", "C28")] == 6194 and table[("HU10", "C28")] == 13152
    assert len(rows) == 4 and set(rows["year"]) == {2014}
    assert list(rows.columns) == ["dataset", "region", "nuts_version", "nuts_level", "industry", "industry_level",
                                  "classification", "year", "measure", "measure_code", "value", "flags", "unit"]


def test_listing_counts_and_completeness_of_the_fixture(fixture_store: StatisticsStore) -> None:
    listing = fixture_store.datasets().set_index("dataset").loc["sbs_r_nuts06_r2"]
    assert listing["n_observations"] == 58883 * 8
    assert listing["years"] == list(range(2008, 2016))
    # 139,532 of the fixture's cells are ':' (zcat | grep -c '^:'); every other cell holds a number
    assert listing["completeness"] == pytest.approx(1 - 139532 / (58883 * 8))
    assert listing["source"].endswith("fixture-7-countries/sbs_r_nuts06_r2_7countries.tsv.gz")
    assert listing["checksum"].startswith("sha256:")


def _read_count(path: str, queue: multiprocessing.Queue) -> None:
    queue.put(len(StatisticsStore(path).observations("sbs_r_nuts06_r2", "persons_employed", years=[2014])))


def test_readers_in_several_processes_read_at_the_same_time(fixture_store: StatisticsStore) -> None:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    readers = [context.Process(target=_read_count, args=(str(fixture_store.path), queue)) for _ in range(2)]
    for reader in readers:
        reader.start()
    mine = len(fixture_store.observations("sbs_r_nuts06_r2", "persons_employed", years=[2014]))
    counts = [queue.get(timeout=120) for _ in readers]
    for reader in readers:
        reader.join(timeout=60)
    assert counts == [mine, mine] and mine > 0
