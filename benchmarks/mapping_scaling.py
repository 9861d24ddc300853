"""Scaling of the mapping measures on synthetic matrices up to 1,500 regions x 600 classes x 10 years.

For each size: relatedness (RCA ... COG, all years) and LQ + stars (size, specialisation, focus, dynamism) on the
region x class table; wall time, CPU time and peak resident memory above the memory before the call.
Synthetic data: log-normal employment, 30 % zero cells, 5 % unknown (NaN), regions spread over 25 countries.
Usage: python benchmarks/mapping_scaling.py [--quick]  -> benchmarks/results/mapping_scaling.json
"""

from __future__ import annotations

import gc
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from smartcluster.mapping import relatedness, star_ratings

ROOT = Path(__file__).resolve().parent
SIZES = [(150, 60), (500, 200), (1000, 400), (1500, 600)]
YEARS = 10


def synthetic(regions: int, industries: int, years: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    names = np.array([f"{chr(65 + i % 25)}X{i:04d}" for i in range(regions)])
    codes = np.array([f"C{i:04d}" for i in range(industries)])
    base = rng.lognormal(5, 1.5, size=(regions, industries)) * (rng.random((regions, industries)) > 0.3)
    values = base[np.newaxis] * rng.lognormal(0, 0.05, size=(years, regions, industries))
    values[rng.random(values.shape) < 0.05] = np.nan
    return pd.DataFrame({
        "year": np.repeat(np.arange(2010, 2010 + years), regions * industries),
        "region": np.tile(np.repeat(names, industries), years),
        "industry": np.tile(codes, regions * years),
        "value": values.ravel(),
    })


def resident_mib() -> float:
    """Current resident memory of this process."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measured(function, *args, **kwargs) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of this process (steadier than wall time on a shared, loaded machine) and peak
    memory above the memory before the call (the process peak grows with the sizes, run in ascending order, so
    each call's peak is a new process peak)."""
    gc.collect()
    before = resident_mib()
    start, cpu_start = time.perf_counter(), time.process_time()
    function(*args, **kwargs)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return round(seconds, 3), round(cpu_seconds, 3), round(max(peak - before, 0.0), 1)


def lq_and_stars(frame: pd.DataFrame) -> pd.DataFrame:
    totals = frame.groupby(["region", "year"], as_index=False)["value"].sum()
    # the rename shares the columns (copy=False): the benchmark times the measures, not a copy of its input
    return star_ratings(frame.rename(columns={"industry": "category"}, copy=False), totals,
                        growth_period=(int(frame["year"].min()), int(frame["year"].max())))


def main(quick: bool) -> None:
    rows = []
    for regions, industries in SIZES[:2] if quick else SIZES:
        frame = synthetic(regions, industries, YEARS)
        related_seconds, related_cpu, related_mib = measured(relatedness, frame)
        stars_seconds, stars_cpu, stars_mib = measured(lq_and_stars, frame)
        row = {"regions": regions, "industries": industries, "years": YEARS, "cells": len(frame),
               "relatedness_seconds": related_seconds, "relatedness_cpu_seconds": related_cpu,
               "relatedness_peak_mib": related_mib, "lq_stars_seconds": stars_seconds,
               "lq_stars_cpu_seconds": stars_cpu, "lq_stars_peak_mib": stars_mib}
        rows.append(row)
        print(f"{regions:5d} x {industries:3d} x {YEARS}: relatedness {related_seconds:7.2f} s (CPU {related_cpu:6.2f} s) "
              f"{related_mib:8.1f} MiB | LQ + stars {stars_seconds:7.2f} s (CPU {stars_cpu:6.2f} s) {stars_mib:8.1f} MiB",
              flush=True)
        del frame
    first, last = rows[0], rows[-1]
    growth = {"cells": round(last["cells"] / first["cells"], 1),
              "relatedness_time": round(last["relatedness_seconds"] / first["relatedness_seconds"], 1),
              "relatedness_memory": round(last["relatedness_peak_mib"] / first["relatedness_peak_mib"], 1),
              "lq_stars_time": round(last["lq_stars_seconds"] / first["lq_stars_seconds"], 1),
              "lq_stars_memory": round(last["lq_stars_peak_mib"] / first["lq_stars_peak_mib"], 1)}
    result = {"benchmark": "mapping_scaling", "sizes": rows, "growth_smallest_to_largest": growth,
              "cores": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2)}
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "mapping_scaling.json").write_text(json.dumps(result, indent=2))
    print("growth smallest -> largest: " + ", ".join(f"{k} x{v}" for k, v in growth.items()))


if __name__ == "__main__":
    main("--quick" in sys.argv)
