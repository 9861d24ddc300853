"""The statistics store: observations with their flags and provenance in one DuckDB file under the data directory.

Concurrency: DuckDB allows one writing process per file. Every call opens its own connection and closes it at
once (readers read-only), and a call that finds the file locked by another process retries for a while, so web
readers and a command-line import can take turns.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from smartcluster import config

COLUMNS = {
    "dataset": "VARCHAR", "region": "VARCHAR", "nuts_version": "INTEGER", "nuts_level": "INTEGER",
    "industry": "VARCHAR", "industry_level": "INTEGER", "classification": "VARCHAR", "year": "INTEGER",
    "measure": "VARCHAR", "measure_code": "VARCHAR", "value": "DOUBLE", "flags": "VARCHAR", "unit": "VARCHAR",
}
REQUIRED = [c for c in COLUMNS if c != "dataset"]
OPTIONAL_DEFAULTS = {"measure_code": "", "flags": "", "unit": ""}
DATASET_COLUMNS = ["dataset", "source", "checksum", "extracted_at", "dataset_version", "years", "n_regions",
                   "n_industries", "n_observations", "completeness"]
LOCK_WAIT_SECONDS = 30.0
ROW_GROUP = 122_880  # DuckDB's default row group size


class StatisticsStore:
    """Observations (dataset, region + NUTS version, industry + level, year, measure, value, flags, unit)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else config.statistics_db_path()

    def replace_dataset(self, dataset: str, observations: pd.DataFrame, provenance: dict) -> None:
        """Replace every observation of `dataset` and its provenance in one transaction (all or nothing)."""
        rows = _arrow_rows(dataset, observations)
        record = {**provenance, "dataset": dataset}
        with self._connect(read_only=False) as con:
            _ensure_schema(con)
            con.register("incoming", rows)
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute("DELETE FROM observations WHERE dataset = ?", [dataset])
                con.execute(f"INSERT INTO observations SELECT {', '.join(COLUMNS)} FROM incoming")
                con.execute("DELETE FROM datasets WHERE dataset = ?", [dataset])
                con.execute("INSERT INTO datasets VALUES (?, ?)", [dataset, json.dumps(record, default=str)])
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            finally:
                con.unregister("incoming")

    def observations(self, dataset: str | None = None, measure: str | None = None, *,
                     years: Iterable[int] | None = None, regions: Iterable[str] | None = None,
                     industries: Iterable[str] | None = None, nuts_level: int | None = None) -> pd.DataFrame:
        """Tidy observations matching every filter given (all when none)."""
        filters = {"dataset": _single(dataset), "measure": _single(measure), "year": _listed(years, int),
                   "region": _listed(regions, str), "industry": _listed(industries, str),
                   "nuts_level": _single(nuts_level)}
        clauses = [f"{column} IN (SELECT UNNEST(?))" for column, values in filters.items() if values is not None]
        parameters = [values for values in filters.values() if values is not None]
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (f"SELECT {', '.join(COLUMNS)} FROM observations{where} "
               "ORDER BY dataset, measure, region, industry, year")
        with self._connect(read_only=True) as con:
            if con is None:
                return _empty_observations()
            return _typed(con.execute(sql, parameters).to_arrow_table().to_pandas())

    def datasets(self) -> pd.DataFrame:
        """One row per loaded dataset: provenance, years, counts and completeness (share of cells with a value)."""
        with self._connect(read_only=True) as con:
            if con is None:
                return pd.DataFrame(columns=DATASET_COLUMNS)
            stats = con.execute(
                "SELECT dataset, list(DISTINCT year ORDER BY year) AS years, count(DISTINCT region) AS n_regions,"
                " count(DISTINCT industry) AS n_industries, count(*) AS n_observations,"
                " avg(CASE WHEN value IS NULL THEN 0 ELSE 1 END) AS completeness"
                " FROM observations GROUP BY dataset").df()
            records = con.execute("SELECT dataset, provenance FROM datasets ORDER BY dataset").fetchall()
        provenance = pd.DataFrame([{"dataset": name, **_provenance_fields(json.loads(text))}
                                   for name, text in records], columns=DATASET_COLUMNS[:5])
        listing = provenance.merge(stats, on="dataset", how="left")
        listing["years"] = listing["years"].map(lambda y: [int(v) for v in y] if isinstance(y, list | tuple) else
                                                (list(y) if y is not None and not isinstance(y, float) else []))
        listing[["n_regions", "n_industries", "n_observations"]] = (
            listing[["n_regions", "n_industries", "n_observations"]].fillna(0).astype(int))
        return listing[DATASET_COLUMNS]

    def provenance(self, dataset: str) -> dict:
        """Where a dataset came from (source, checksum, extracted_at, dataset_version and what the importer adds)."""
        with self._connect(read_only=True) as con:
            row = None if con is None else con.execute(
                "SELECT provenance FROM datasets WHERE dataset = ?", [dataset]).fetchone()
        if row is None:
            raise KeyError(f"dataset {dataset!r} is not in the statistics store {self.path}")
        return json.loads(row[0])

    @contextmanager
    def _connect(self, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection | None]:
        """A short-lived connection (None for a reader when the store file does not exist yet)."""
        if read_only and not self.path.exists():
            yield None
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = _connection_when_free(self.path, read_only)
        try:
            if read_only and not _has_schema(con):
                yield None
            else:
                yield con
        finally:
            con.close()


def _connection_when_free(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting while another process holds its write lock."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the two tables when missing."""
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS.items())
    con.execute(f"CREATE TABLE IF NOT EXISTS observations ({columns})")
    con.execute("CREATE TABLE IF NOT EXISTS datasets (dataset VARCHAR PRIMARY KEY, provenance VARCHAR)")


def _has_schema(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store's tables exist in this file."""
    names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return {"observations", "datasets"} <= names


def _arrow_rows(dataset: str, observations: pd.DataFrame) -> pa.Table:
    """The observations as an Arrow table in the store's columns and types (built column by column, no copies of
    the frame); a missing required column or an unknown version, level or year is an error."""
    missing = [c for c in REQUIRED if c not in observations and c not in OPTIONAL_DEFAULTS]
    if missing:
        raise ValueError(f"observations for {dataset!r} lack the column(s) {', '.join(missing)}")
    n = len(observations)
    arrays = {"dataset": pa.nulls(n, pa.string()).fill_null(dataset).dictionary_encode()}
    for column, kind in list(COLUMNS.items())[1:]:
        values = observations[column] if column in observations else pd.Series(OPTIONAL_DEFAULTS[column], index=observations.index)
        if kind == "INTEGER":
            if values.isna().any():
                raise ValueError(f"observations for {dataset!r} have rows without {column}")
            arrays[column] = pa.array(values.to_numpy(dtype="int64"), type=pa.int32())
        elif kind == "DOUBLE":
            arrays[column] = pa.array(pd.to_numeric(values).to_numpy(dtype="float64", na_value=np.nan),
                                      from_pandas=True)
        else:
            arrays[column] = _dictionary_strings(values)
    # Batches of a DuckDB row group each, so DuckDB scans and compresses them on all its threads.
    return pa.Table.from_batches(pa.table(arrays).to_batches(max_chunksize=ROW_GROUP))


def _dictionary_strings(values: pd.Series) -> pa.DictionaryArray:
    """A text column as a dictionary-encoded Arrow array (missing values as ''): DuckDB ingests the few distinct
    codes of millions of rows about twice as fast, and factorising skips building millions of Python strings."""
    codes, uniques = pd.factorize(values)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(uniques), codes)
        uniques = np.append(np.asarray(uniques, dtype=object), "")
    texts = pd.Index(uniques).astype(str)
    return pa.DictionaryArray.from_arrays(pa.array(codes, type=pa.int32()), pa.array(texts, type=pa.string()))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The contract's dtypes: ints for versions, levels and years, float values (NaN when unknown), str flags."""
    frame = frame.reset_index(drop=True)
    for column in ("nuts_version", "nuts_level", "industry_level", "year"):
        frame[column] = frame[column].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    for column in ("dataset", "region", "industry", "classification", "measure", "measure_code", "flags", "unit"):
        if frame[column].dtype != object or frame[column].isna().any():
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def _empty_observations() -> pd.DataFrame:
    """No observations, with the contract's columns and dtypes."""
    return _typed(pd.DataFrame({column: pd.Series(dtype="object") for column in COLUMNS}))


def _single(value: object) -> list | None:
    """A one-value filter as a list (None: no filter)."""
    return None if value is None else [value]


def _listed(values: Iterable | None, kind: type) -> list | None:
    """A many-value filter as a list of `kind` (None: no filter)."""
    return None if values is None else [kind(v) for v in values]


def _provenance_fields(record: dict) -> dict:
    """The provenance fields the listing shows."""
    return {key: record.get(key, "") for key in ("source", "checksum", "extracted_at", "dataset_version")}
