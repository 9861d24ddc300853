"""Results cached per (dataset checksum and version, taxonomy and version, parameters): in memory per process and
as Parquet files under the data directory shared by all processes, so a page never recomputes what has not changed.

A key holds the dataset's checksum, so a re-import with other content gives new keys by itself;
`cache_invalidate(dataset)` also deletes the files of the dataset's older results at once. The store's provenance
is re-read only when the store file changes (its modification time), so a request costs a `stat`, not a query.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd
from django.utils.translation import get_language

from smartcluster import config
from smartcluster.atlas.engine import ENGINE_VERSION, Params, Result, atlas_result, taxonomy_named
from smartcluster.mapping.taxonomies import translated_category_names

MEMORY_ITEMS = 16
_lock = threading.Lock()
_results: OrderedDict[str, object] = OrderedDict()
_named: OrderedDict[tuple[str, str], Result] = OrderedDict()
_pages: OrderedDict[str, object] = OrderedDict()
PAGE_ITEMS = 512  # pages of ~50-300 kB each, per process
_computing: dict[str, threading.Lock] = {}
_provenance: dict[str, tuple[tuple[float, int], dict]] = {}


def cache_folder() -> Path:
    """Where cached results live: `<data dir>/atlas-cache/<dataset>/`."""
    return config.data_dir() / "atlas-cache"


def dataset_fingerprint(store: object, dataset: str) -> dict:
    """The dataset's checksum and version from the store (memoised until the store file changes)."""
    path = Path(store.path)
    stamp = (path.stat().st_mtime, path.stat().st_size) if path.exists() else (0.0, 0)
    key = f"{path}:{dataset}"
    cached = _provenance.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    record = store.provenance(dataset)
    fingerprint = {"checksum": record.get("checksum", ""), "dataset_version": record.get("dataset_version", "")}
    _provenance[key] = (stamp, fingerprint)
    return fingerprint


@lru_cache(maxsize=16)
def taxonomy_label(name: str) -> str:
    """'name version' of a shipped taxonomy (read once per process)."""
    return taxonomy_named(name).label()


def cache_key(store: object, params: Params, *extra: object) -> str:
    """The key of a result: dataset fingerprint, taxonomy label (name + version), parameters, engine version."""
    parts = {"fingerprint": dataset_fingerprint(store, params.dataset), "params": params.as_dict(),
             "taxonomy": taxonomy_label(params.taxonomy), "engine": ENGINE_VERSION, "extra": extra}
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:32]


def cached(key: str, folder: str, compute: Callable[[], object], save: Callable, load: Callable,
           memory: OrderedDict | None = None, memory_items: int = MEMORY_ITEMS) -> object:
    """The value under `key`: from memory, else from disk, else computed once (other threads wait for it)."""
    memo = _results if memory is None else memory
    with _lock:
        if key in memo:
            memo.move_to_end(key)
            return memo[key]
        computing = _computing.setdefault(key, threading.Lock())
    with computing:
        with _lock:
            if key in memo:
                return memo[key]
        path = cache_folder() / folder / key
        value = load(path) if path.exists() else None
        if value is None:
            value = compute()
            _store_on_disk(value, path, save)
        with _lock:
            memo[key] = value
            while len(memo) > memory_items:
                memo.popitem(last=False)
            _computing.pop(key, None)
        return value


def _store_on_disk(value: object, path: Path, save: Callable) -> None:
    """Write into a folder of this process and thread, then rename it into place: readers never see half a result,
    and when another process stored the same key first, its copy stays."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    save(value, temporary)
    try:
        temporary.rename(path)
    except OSError:  # the key is already on disk (same data, same parameters)
        shutil.rmtree(temporary, ignore_errors=True)


def _save_result(result: Result, folder: Path) -> None:
    result.table.to_parquet(folder / "table.parquet", index=False)
    result.totals.to_parquet(folder / "totals.parquet", index=False)
    meta = {"nuts_version": result.nuts_version, "taxonomy_label": result.taxonomy_label,
            "left_out": {str(k): v for k, v in result.left_out.items()}}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _load_result(folder: Path) -> Result | None:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        table = pd.read_parquet(folder / "table.parquet")
        totals = pd.read_parquet(folder / "totals.parquet")
    except (OSError, ValueError):
        return None
    for column in ("size_star", "specialisation_star", "focus_star", "productivity_star", "dynamism_star"):
        table[column] = table[column].astype("boolean")
    return Result(table=table, totals=totals, nuts_version=int(meta["nuts_version"]),
                  left_out={int(k): v for k, v in meta["left_out"].items()}, taxonomy_label=meta["taxonomy_label"])


def result_cached(store: object, params: Params) -> Result:
    """The engine's result for `params` on the store's current data (computed at most once per data version), its
    category names in the active language where the taxonomy ships them."""
    key = cache_key(store, params)
    result = cached(key, params.dataset, lambda: atlas_result(store, params), _save_result, _load_result)
    language = get_language() or "en"
    names = translated_category_names(params.taxonomy, language)
    return _named_in(result, names, (key, language)) if names else result


def _named_in(result: Result, names: dict[str, str], key: tuple[str, str]) -> Result:
    """The result with its category names replaced (kept per language in memory: the stored result stays English,
    so one computation serves every language)."""
    with _lock:
        if key in _named:
            _named.move_to_end(key)
            return _named[key]
    table = result.table.assign(
        category_name=result.table["category"].astype(str).map(names).fillna(result.table["category_name"]))
    named = Result(table=table, totals=result.totals, nuts_version=result.nuts_version, left_out=result.left_out,
                   taxonomy_label=result.taxonomy_label)
    with _lock:
        _named[key] = named
        while len(_named) > MEMORY_ITEMS:
            _named.popitem(last=False)
    return named


def frame_cached(store: object, params: Params, name: str, compute: Callable[[], pd.DataFrame],
                 *extra: object) -> pd.DataFrame:
    """A derived table (e.g. relatedness of one year) cached like the results."""
    def save(frame: pd.DataFrame, folder: Path) -> None:
        frame.to_parquet(folder / "frame.parquet", index=False)

    def load(folder: Path) -> pd.DataFrame | None:
        try:
            return pd.read_parquet(folder / "frame.parquet")
        except (OSError, ValueError):
            return None

    return cached(cache_key(store, params, name, *extra), params.dataset, compute, save, load)


def page_cached(store: object, dataset: str, parts: dict, compute: Callable[[], dict]) -> dict:
    """A rendered page body (a dict of strings) per request parts and the dataset's fingerprint: after the first
    view, a page of unchanged data costs a dictionary lookup (or one small file read in another process)."""
    # "names": pages stored before category names followed the language are never read back.
    key = hashlib.sha256(json.dumps({"fingerprint": dataset_fingerprint(store, dataset), "parts": parts,
                                     "engine": ENGINE_VERSION, "names": 2},
                                    sort_keys=True, default=str).encode()).hexdigest()[:32]

    def save(page: dict, folder: Path) -> None:
        (folder / "page.json").write_text(json.dumps(page), encoding="utf-8")

    def load(folder: Path) -> dict | None:
        try:
            return json.loads((folder / "page.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    return cached(key, f"{dataset}/pages", compute, save, load, memory=_pages, memory_items=PAGE_ITEMS)


def cache_invalidate(dataset: str) -> int:
    """Forget every cached result of `dataset` (after an import); returns how many files were removed."""
    folder = cache_folder() / dataset
    removed = len(list(folder.iterdir())) if folder.exists() else 0
    shutil.rmtree(folder, ignore_errors=True)
    with _lock:
        _results.clear()
        _named.clear()
        _pages.clear()
        _provenance.clear()
    return removed


CATALOGUE_FOLDER = "mappable-datasets"  # a hyphen: no dataset name can clash with it


def catalogue_cached(contents: list[tuple[str, str]], compute: Callable[[], list[dict]]) -> list[dict]:
    """The list of mappable datasets for the store's contents ((dataset, checksum) pairs), computed once for all
    processes (it scans every employment row); catalogues of earlier contents are removed when a new one is made."""
    key = hashlib.sha256(json.dumps({"contents": contents, "engine": ENGINE_VERSION},
                                    default=str).encode()).hexdigest()[:32]

    def save(entries: list[dict], folder: Path) -> None:
        for older in (cache_folder() / CATALOGUE_FOLDER).glob("*"):
            if older.name != key and not older.name.endswith(".tmp"):
                shutil.rmtree(older, ignore_errors=True)
        (folder / "catalogue.json").write_text(json.dumps(entries, default=str), encoding="utf-8")

    def load(folder: Path) -> list[dict] | None:
        try:
            return json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    return cached(key, CATALOGUE_FOLDER, compute, save, load)
