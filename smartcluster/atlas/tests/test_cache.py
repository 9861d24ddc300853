"""The result cache: one computation per data version, a new key when the dataset's checksum changes, files of
older results removed on import."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from smartcluster.atlas import cache
from smartcluster.atlas.engine import Params
from smartcluster.statistics import StatisticsStore


def _tiny(store: StatisticsStore, value: float, checksum: str) -> None:
    rows = pd.DataFrame({"region": ["EL61"], "nuts_version": [2013], "nuts_level": [2], "industry": ["C10"],
                         "industry_level": [2], "classification": ["NACE_R2"], "year": [2014],
                         "measure": ["persons_employed"], "value": [value]})
    store.replace_dataset("tiny", rows, {"source": "test", "checksum": checksum})


def test_a_page_is_computed_once_per_data_version_and_again_after_a_new_import(tmp_path: Path) -> None:
    store = StatisticsStore(tmp_path / "statistics.duckdb")
    calls: list[int] = []

    def compute() -> dict:
        calls.append(1)
        return {"title": "t", "body": f"version {len(calls)}"}

    _tiny(store, 1.0, "sha256:aaa")
    first = cache.page_cached(store, "tiny", {"path": "/x"}, compute)
    again = cache.page_cached(store, "tiny", {"path": "/x"}, compute)
    assert first == again == {"title": "t", "body": "version 1"} and len(calls) == 1
    key_before = cache.cache_key(store, Params(dataset="tiny"))
    _tiny(store, 2.0, "sha256:bbb")
    assert cache.cache_key(store, Params(dataset="tiny")) != key_before
    assert cache.page_cached(store, "tiny", {"path": "/x"}, compute)["body"] == "version 2"


def test_invalidation_removes_the_dataset_files_and_keeps_the_others(tmp_path: Path) -> None:
    for dataset in ("imported", "untouched"):
        (cache.cache_folder() / dataset / "some-key").mkdir(parents=True, exist_ok=True)
    assert cache.cache_invalidate("imported") == 1
    assert not (cache.cache_folder() / "imported").exists()
    assert (cache.cache_folder() / "untouched" / "some-key").exists()
