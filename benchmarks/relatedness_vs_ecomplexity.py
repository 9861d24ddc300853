"""Relatedness (RCA, M, proximity, density, ECI/PCI, COI, COG) on the real SBS matrix: ours vs `ecomplexity` 0.5.3.

Same input in the same process: all NUTS 2 regions x NACE divisions x all years of sbs_r_nuts06_r2 (unknown cells
as 0, as ecomplexity coerces them); best of 5 runs for ours, of 3 for ecomplexity without its check, 1 with it. Checks equality (1e-9; ECI/PCI 1e-6 up to sign) and times both, ecomplexity
with its defaults (incl. its log-supermodularity check) and without that check. ecomplexity is a benchmark-only
dependency: `pip install ecomplexity==0.5.3`.
Usage: python benchmarks/relatedness_vs_ecomplexity.py  -> benchmarks/results/relatedness_vs_ecomplexity.json
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from ecomplexity import ecomplexity

from smartcluster.mapping import relatedness
from smartcluster.mapping.frames import on_single_nuts_version
from smartcluster.sources.eurostat import read_file

ROOT = Path(__file__).resolve().parent
SBS = ROOT.parent.parent / "shared" / "data" / "eurostat-sbs-regional" / "sbs_r_nuts06_r2.tsv.gz"
COLUMNS = {"time": "year", "loc": "region", "prod": "industry", "val": "value"}
EXACT = ["rca", "mcp", "diversity", "ubiquity", "density", "coi", "cog"]


def divisions() -> pd.DataFrame:
    raw = read_file(SBS)
    rows = raw[(raw["measure"] == "persons_employed") & (raw["nuts_level"] == 2) & ~raw["region"].str.endswith("Z")
               & (raw["industry_level"] == 2)]
    rows, _ = on_single_nuts_version(rows[["region", "nuts_version", "industry", "year", "value"]], 2013)
    return rows[["region", "industry", "year", "value"]]


def best_of(repeats: int, function, *args, **kwargs) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function(*args, **kwargs)
        times.append(time.perf_counter() - start)
    return min(times), result


def theirs(data: pd.DataFrame, check: bool) -> pd.DataFrame:
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        return ecomplexity(data, COLUMNS, check_logsupermodularity=check)


def differences(ours: pd.DataFrame, other: pd.DataFrame) -> dict[str, float]:
    both = ours.merge(other, on=["year", "region", "industry"], suffixes=("", "_theirs"))
    out = {c: float(np.nanmax(np.abs(both[c] - both[f"{c}_theirs"]))) for c in EXACT}
    for c in ("eci", "pci"):
        out[c] = float(min(np.nanmax(np.abs(both[c] - both[f"{c}_theirs"])),
                           np.nanmax(np.abs(both[c] + both[f"{c}_theirs"]))))
    out["rows_compared"] = len(both)
    return out


def main() -> None:
    data = divisions()
    zero_filled = data.fillna({"value": 0})
    ours_seconds, ours = best_of(5, relatedness, data)
    plain_seconds, plain = best_of(3, theirs, zero_filled, False)
    default_seconds, _ = best_of(1, theirs, zero_filled, True)
    diff = differences(ours.cells, plain)
    equal = all(diff[c] <= 1e-9 for c in EXACT) and diff["eci"] <= 1e-6 and diff["pci"] <= 1e-6
    result = {
        "benchmark": "relatedness_vs_ecomplexity", "data": SBS.name,
        "matrix": {"regions": int(data["region"].nunique()), "divisions": int(data["industry"].nunique()),
                   "years": int(data["year"].nunique())},
        "seconds": {"smartcluster": round(ours_seconds, 4), "ecomplexity_no_check": round(plain_seconds, 4),
                    "ecomplexity_default": round(default_seconds, 4)},
        "speedup": {"vs_ecomplexity_no_check": round(plain_seconds / ours_seconds, 1),
                    "vs_ecomplexity_default": round(default_seconds / ours_seconds, 1)},
        "max_abs_difference": diff, "equal_within_tolerance": equal, "target_speedup": 10,
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "relatedness_vs_ecomplexity.json").write_text(json.dumps(result, indent=2))
    print(f"smartcluster {ours_seconds:.3f} s; ecomplexity {plain_seconds:.3f} s without its check "
          f"({plain_seconds / ours_seconds:.0f}x), {default_seconds:.3f} s with defaults "
          f"({default_seconds / ours_seconds:.0f}x)")
    print("max |difference|: " + ", ".join(f"{k} {v:.1e}" for k, v in diff.items() if k != "rows_compared")
          + f" -> {'equal' if equal else 'NOT equal'}")


if __name__ == "__main__":
    main()
