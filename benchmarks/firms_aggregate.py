"""Benchmark: synthetic firm records (fixed seed; skewed firm sizes, 1,500 NUTS 3 regions, 600 NACE classes,
5 years) aggregated to region × class × year through Ibis on DuckDB and on Spark local mode, against a pandas
`groupby` of the same Parquet file.

Two more DuckDB runs show the library's slower paths on the same records: text firm ids (the one-record-a-year
check is a GROUP BY instead of a bitmap) and 1 % of firm-years given a second record in the same cell (each firm
is then counted once per cell by a per-firm query).

Each run is a fresh process (cold: the first query in the process), one after the other, so peak memory is its
own (Spark's JVM is a separate process: its time is reported, its memory is not); each variant runs `--repeat`
times and the median is quoted. Prints the figures and writes benchmarks/results/firms_aggregate.json.

    python benchmarks/firms_aggregate.py [--rows 10000000] [--repeat 3]
        [--engines duckdb,duckdb-text-ids,duckdb-repeated,pandas,spark]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from fresh_process import in_fresh_process

HERE = Path(__file__).resolve().parent
SEED = 20261126
REGIONS, CLASSES, YEARS = 1500, 600, (2018, 2019, 2020, 2021, 2022)


def peak_rss_mb() -> float:
    """This process's peak resident memory since the last `reset_peak` (Linux VmHWM; ru_maxrss would carry the
    parent's peak over fork and exec)."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def reset_peak() -> float:
    """Start a new peak at the current resident memory (Linux: write 5 to clear_refs); returns that memory."""
    Path("/proc/self/clear_refs").write_text("5")
    return peak_rss_mb()


def synthetic_firms(rows: int, path: Path) -> None:
    """Write `rows` firm-year records: each firm in one region and class for all 5 years, sizes Pareto-skewed,
    regions and classes Zipf-like (a few big ones), turnover and wages proportional to size with noise."""
    import numpy as np
    import pandas as pd

    from smartcluster.sources import industries, nuts_versions

    rng = np.random.default_rng(SEED)
    nuts3 = sorted(c for c, v in nuts_versions.code_versions().items() if len(c) == 5 and 2021 in v
                   and not c.endswith("ZZZ"))[:REGIONS]
    classes = sorted(c for c, level in industries.nace_levels().items() if level == 4)[:CLASSES]
    n_firms = rows // len(YEARS)
    weights = lambda n: (w := 1 / np.arange(1, n + 1) ** 0.8) / w.sum()  # noqa: E731 - one-line Zipf weights
    firm_region = rng.choice(len(nuts3), size=n_firms, p=rng.permutation(weights(len(nuts3))))
    firm_class = rng.choice(len(classes), size=n_firms, p=rng.permutation(weights(len(classes))))
    size = np.minimum(np.floor(rng.pareto(1.2, n_firms) + 1), 50_000)
    frame = pd.DataFrame({
        "firm_id": np.tile(np.arange(n_firms), len(YEARS)),
        "nuts3": pd.Categorical.from_codes(np.tile(firm_region, len(YEARS)), nuts3).astype(str),
        "nace": pd.Categorical.from_codes(np.tile(firm_class, len(YEARS)), classes).astype(str),
        "year": np.repeat(np.array(YEARS), n_firms),
        "employees": np.tile(size, len(YEARS)) * rng.lognormal(0, 0.1, n_firms * len(YEARS)).round(0),
    })
    frame["turnover"] = (frame["employees"] * rng.lognormal(11.5, 0.6, len(frame))).round(0)
    frame["wages"] = (frame["employees"] * rng.lognormal(10.2, 0.3, len(frame))).round(0)
    frame.to_parquet(path, index=False, row_group_size=1_000_000)


def text_ids_variant(path: Path, out: Path) -> None:
    """The same records with text firm ids ("F123")."""
    import duckdb

    duckdb.sql(f"COPY (SELECT 'F' || firm_id AS firm_id, * EXCLUDE (firm_id) FROM '{path}') TO '{out}'")


def repeated_variant(path: Path, out: Path) -> None:
    """The same records plus a second record, in the same region, class and year, for 1 % of firm-years (a
    firm reporting two establishments separately)."""
    import duckdb

    duckdb.sql(f"COPY (SELECT * FROM '{path}' UNION ALL SELECT * FROM '{path}' WHERE hash(firm_id, year) % 100 = 0)"
               f" TO '{out}'")


VARIANTS = {"duckdb-text-ids": text_ids_variant, "duckdb-repeated": repeated_variant}


def run_ibis(engine: str, path: str) -> dict:
    """The library path: validate codes, aggregate, count exclusions (firms.aggregate) on one engine."""
    from smartcluster.sources import firms

    con = firms.connect(engine)
    if engine == "spark":
        con._session.sparkContext.setLogLevel("ERROR")
        con.to_pandas(firms.firms_table(con, path).limit(1))  # start the JVM outside the timing
    before = reset_peak()
    start = time.perf_counter()
    cells, report = firms.aggregate(con, firms.firms_table(con, path))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "rss_before_mb": before, "cells": len(cells),
            "firms": int(cells["firms"].sum()), "employees": float(cells["employees"].sum()),
            "aggregated": report.aggregated}


def run_pandas(path: str) -> dict:
    """Baseline: read the Parquet file and groupby (no code validation, no exclusion counts)."""
    import pandas as pd

    before = reset_peak()
    start = time.perf_counter()
    frame = pd.read_parquet(path)
    cells = frame.groupby(["nuts3", "nace", "year"], observed=True).agg(
        firms=("firm_id", "nunique"), employees=("employees", "sum"), turnover=("turnover", "sum"),
        wages=("wages", "sum")).reset_index()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "rss_before_mb": before, "cells": len(cells),
            "firms": int(cells["firms"].sum()), "employees": float(cells["employees"].sum()),
            "aggregated": len(frame)}


def run_engine(engine: str, path: str) -> dict:
    """One engine's figures (run in a fresh process by `main`)."""
    return run_pandas(path) if engine == "pandas" else run_ibis(engine.split("-")[0], path)


def median_run(engine: str, path: str, repeat: int) -> dict:
    """The engine's figures over `repeat` fresh processes: median time, every time, and the highest peak."""
    runs = [in_fresh_process(run_engine, engine, path) for _ in range(repeat)]
    middle = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]
    return {**middle, "seconds": statistics.median(run["seconds"] for run in runs),
            "all_seconds": [run["seconds"] for run in runs],
            "peak_rss_mb": max(run["peak_rss_mb"] for run in runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per engine (Spark runs once)")
    parser.add_argument("--engines", default="duckdb,duckdb-text-ids,duckdb-repeated,pandas,spark")
    args = parser.parse_args()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "firms.parquet"
        start = time.perf_counter()
        synthetic_firms(args.rows, path)
        generated = time.perf_counter() - start
        paths = {engine: path for engine in engines}
        for engine in set(engines) & set(VARIANTS):
            paths[engine] = Path(folder) / f"{engine}.parquet"
            VARIANTS[engine](path, paths[engine])
        results = {engine: median_run(engine, str(paths[engine]), 1 if engine == "spark" else args.repeat)
                   for engine in engines}
    baseline = results.get("pandas")
    result = {
        "benchmark": "firms_aggregate", "rows": args.rows, "regions": REGIONS, "classes": CLASSES,
        "years": len(YEARS), "seed": SEED, "repeat": args.repeat, "generation_seconds": generated, "engines": results,
        "time_ratio_to_pandas": {e: r["seconds"] / baseline["seconds"] for e, r in results.items()} if baseline else {},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "firms_aggregate.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{args.rows:,} firm records (generated in {generated:.1f} s)")
    for engine, figures in results.items():
        ratio = f", {figures['seconds'] / baseline['seconds']:.2f}× pandas" if baseline else ""
        memory = "" if engine == "spark" else f", peak {figures['peak_rss_mb']:.0f} MB"
        runs = ", ".join(f"{seconds:.2f}" for seconds in figures["all_seconds"])
        print(f"{engine:>15}: {figures['seconds']:.2f} s (runs {runs}){memory}{ratio} ({figures['cells']:,} cells, "
              f"{figures['aggregated']:,} records, {figures['firms']:,} firm-years)")


if __name__ == "__main__":
    main()
