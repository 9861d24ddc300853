"""Benchmark: the full sbs_r_nuts06_r2 file (195,227 rows × 8 years) imported through the Eurostat connector
(served from 127.0.0.1, parsed, checked, stored) against a plain `pandas.read_csv` + `melt` of the same file.

Each variant runs in its own fresh process (spawned one after the other in this run) so its peak resident memory
is its own. Prints the figures and writes benchmarks/results/import_sbs.json.

    python benchmarks/import_sbs.py [--data ../shared/data] [--repeat 1]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import tempfile
import threading
import time
from pathlib import Path

from fresh_process import in_fresh_process

HERE = Path(__file__).resolve().parent
RELATIVE = Path("eurostat-sbs-regional") / "sbs_r_nuts06_r2.tsv.gz"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def peak_rss_mb() -> float:
    """This process's peak resident memory since the last `reset_peak` (Linux VmHWM; ru_maxrss would carry the
    parent's peak over fork and exec)."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def reset_peak() -> float:
    """Start a new peak at the current resident memory (Linux: write 5 to clear_refs); returns that memory."""
    Path("/proc/self/clear_refs").write_text("5")
    return peak_rss_mb()


def connector_import(path: str) -> dict:
    """Serve the file at the API path on 127.0.0.1 and import it into a fresh store; time and memory."""
    from smartcluster.sources import eurostat
    from smartcluster.statistics import StatisticsStore

    with tempfile.TemporaryDirectory() as folder:
        api = Path(folder) / "sdmx" / "2.1" / "data"
        api.mkdir(parents=True)
        (api / "sbs_r_nuts06_r2").symlink_to(path)
        handler = functools.partial(QuietHandler, directory=folder)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        store = StatisticsStore(Path(folder) / "statistics.duckdb")
        before = reset_peak()
        start = time.perf_counter()
        frame = eurostat.import_dataset(store, "sbs_r_nuts06_r2",
                                        base_url=f"http://127.0.0.1:{server.server_address[1]}/")
        seconds = time.perf_counter() - start
        server.shutdown()
        return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "rss_before_mb": before, "cells": len(frame)}


def pandas_baseline(path: str) -> dict:
    """The plain way: read_csv of the gzip file and melt the year columns (no flags split, no checks, no store)."""
    import pandas as pd

    before = reset_peak()
    start = time.perf_counter()
    wide = pd.read_csv(path, sep="\t")
    long = wide.melt(id_vars=wide.columns[0], var_name="year", value_name="cell")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "rss_before_mb": before, "cells": len(long)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=1, help="Runs per variant (the fastest is kept).")
    args = parser.parse_args()
    path = str((args.data / RELATIVE).resolve())
    runs = {name: min((in_fresh_process(globals()[name], path) for _ in range(args.repeat)), key=lambda r: r["seconds"])
            for name in ("connector_import", "pandas_baseline")}
    connector, baseline = runs["connector_import"], runs["pandas_baseline"]
    result = {
        "benchmark": "import_sbs", "file": str(RELATIVE), "rows": 195227, "years": 8,
        "connector": connector, "pandas_read_csv_melt": baseline,
        "time_ratio_connector_to_baseline": connector["seconds"] / baseline["seconds"],
        "memory_ratio_connector_to_baseline": connector["peak_rss_mb"] / baseline["peak_rss_mb"],
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "import_sbs.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"connector (HTTP + parse + checks + store): {connector['seconds']:.2f} s, "
          f"peak {connector['peak_rss_mb']:.0f} MB ({connector['cells']:,} cells)")
    print(f"pandas read_csv + melt baseline:          {baseline['seconds']:.2f} s, "
          f"peak {baseline['peak_rss_mb']:.0f} MB ({baseline['cells']:,} cells)")
    print(f"ratio: {result['time_ratio_connector_to_baseline']:.1f}× the time, "
          f"{result['memory_ratio_connector_to_baseline']:.1f}× the peak memory of the baseline")


if __name__ == "__main__":
    main()
