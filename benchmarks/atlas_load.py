"""Load test of the cluster mapping pages: 50 concurrent users on region profiles and category maps, all EU NUTS 2
regions of the real SBS file loaded, the platform served by gunicorn (`smartcluster serve`) on 127.0.0.1 with
SQLite + DuckDB. Target: p95 < 300 ms and no errors with the cache warm.

Steps (data folder ../shared/data, served from 127.0.0.1 as symlinks; nothing copied): a throw-away data
directory; migrate, collectstatic, `load_reference` (NUTS 2016 + NACE from the local mirror); `smartcluster import
eurostat sbs_r_nuts06_r2` (the full file) through the real connector. Then
- cold baseline: for each page kind, a server started on an EMPTY result cache answers its first request
  (the engine computes everything, as after an import through the Python library; repeated --rounds times);
- after the wizard: the same, with the results computed beforehand as the import wizard's job and
  `smartcluster import` do (`atlas.services.results_warm`), so only the page itself is computed;
- warm: a fresh server views every region profile and category map once, sequentially (the page cache then
  holds what users would have viewed since the import; its time is reported);
- load: the same server gets --users threads for --duration seconds, each user opening a
  random region profile or category map (+ the map's GeoJSON once per user, as a browser caches it) and thinking
  --think seconds (uniform 0.5x-1.5x) between pages. The load generator shares the machine's cores. Latency percentiles per page kind, error count, ratio to the cold baseline.
Usage: python benchmarks/atlas_load.py [--users 50 --duration 30 --think 1.0 --rounds 2]
       -> benchmarks/results/atlas_load.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
SHARED = REPO.parent / "shared" / "data"
PYTHON = sys.executable


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "SMARTCLUSTER_DATA_DIR": str(data_dir), "SMARTCLUSTER_HTTPS": "0",
            "DJANGO_SETTINGS_MODULE": "smartcluster.site.settings", "PYTHONPATH": str(REPO)}


def _run(env: dict[str, str], *command: str) -> None:
    subprocess.run([PYTHON, *command], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(data_dir: Path, mirror: Path) -> tuple[dict[str, str], subprocess.Popen]:
    """The data directory with regions, NACE and the full SBS file imported; returns env and the mirror server."""
    from smartcluster.regions.tests.mirror import HISTORY_MIRROR, NACE_MIRROR, NUTS_MIRROR, mirror_build

    for name, files in (("nuts", NUTS_MIRROR), ("history", HISTORY_MIRROR), ("nace", NACE_MIRROR)):
        mirror_build(mirror / name, SHARED, files)
    mirror_build(mirror / "eurostat", SHARED,
                 {"sdmx/2.1/data/sbs_r_nuts06_r2": "eurostat-sbs-regional/sbs_r_nuts06_r2.tsv.gz"})
    port = _free_port()
    server = subprocess.Popen([PYTHON, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(mirror)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    env = _environment(data_dir)
    time.sleep(0.5)
    _run(env, "manage.py", "migrate", "--verbosity", "0")
    _run(env, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    _run(env, "manage.py", "load_reference", "--nuts-versions", "2016", "--nuts-base-url", f"{base}/nuts/",
         "--nuts-history-base-url", f"{base}/history/", "--nace-base-url", f"{base}/nace/")
    _run(env, "-m", "smartcluster.cli", "import", "eurostat", "sbs_r_nuts06_r2", "--base-url", f"{base}/eurostat")
    return env, server


def start_server(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """gunicorn through `smartcluster serve` (2 workers x 8 threads), once it answers."""
    port = _free_port()
    process = subprocess.Popen([PYTHON, "-m", "smartcluster.cli", "serve", "--host", "127.0.0.1", "--port",
                                str(port), "--workers", "2", "--threads", "8"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/accounts/login/", timeout=10).read()
            return process, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the server did not start")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=30)


def fetch(url: str, timeout: float = 120.0) -> tuple[float, int]:
    """Seconds and HTTP status of one GET (status 0: no answer)."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        status = 0
    return time.perf_counter() - start, status


def percentiles(times: list[float]) -> dict:
    ordered = sorted(times)
    if not ordered:
        return {"count": 0}

    def at(q: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {"count": len(ordered), "p50_ms": at(0.5), "p95_ms": at(0.95), "max_ms": round(1000 * ordered[-1], 1)}


WARM_RESULTS = ("import django; django.setup(); from smartcluster.atlas.services import results_warm; "
                "results_warm('sbs_r_nuts06_r2')")


def cold_baseline(env: dict[str, str], data_dir: Path, pages: dict[str, str], rounds: int,
                  results_warmed: bool = False) -> dict:
    """First request of each page kind on a server started with an empty cache (or one holding only the results,
    as the import wizard leaves it)."""
    times: dict[str, list[float]] = {kind: [] for kind in pages}
    for _round in range(rounds):
        for kind, path in pages.items():
            shutil.rmtree(data_dir / "atlas-cache", ignore_errors=True)
            if results_warmed:
                _run(env, "-c", WARM_RESULTS)
            process, url = start_server(env)
            try:
                seconds, status = fetch(url + path)
                if status != 200:
                    raise RuntimeError(f"cold {kind} answered {status}")
                times[kind].append(seconds)
            finally:
                stop_server(process)
    return {kind: percentiles(values) for kind, values in times.items()}


def user_loop(url: str, regions: list[str], categories: list[str], until: float, think: float,
              rng: random.Random, log: list[tuple[str, float, int]], lock: threading.Lock) -> None:
    """One user: a region profile or a category map (with its GeoJSON, which a browser keeps for the hour its
    Cache-Control allows, so it is fetched once per user), then a pause, until time is up."""
    fetched_geojson = False
    while time.monotonic() < until:
        if rng.random() < 0.5:
            entries = [("region_profile", f"{url}/mapping/regions/{rng.choice(regions)}/")]
        else:
            category = rng.choice(categories)
            entries = [("category_map", f"{url}/mapping/categories/{category}/?measure=lq")]
            if not fetched_geojson:
                entries.append(("map_geojson", f"{url}/mapping/boundaries.geojson?taxonomy=cluster_categories"))
                fetched_geojson = True
        for kind, address in entries:
            seconds, status = fetch(address, timeout=30)
            with lock:
                log.append((kind, seconds, status))
        time.sleep(think * rng.uniform(0.5, 1.5))


def load(url: str, regions: list[str], categories: list[str], users: int, duration: float, think: float) -> dict:
    log: list[tuple[str, float, int]] = []
    lock = threading.Lock()
    until = time.monotonic() + duration
    threads = [threading.Thread(target=user_loop, args=(url, regions, categories, until, think,
                                                       random.Random(seed), log, lock)) for seed in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    out = {"requests": len(log), "seconds": round(elapsed, 1), "requests_per_second": round(len(log) / elapsed, 1),
           "errors": sum(1 for _kind, _s, status in log if status != 200)}
    for kind in sorted({kind for kind, _s, _status in log}):
        out[kind] = percentiles([s for k, s, status in log if k == kind and status == 200])
        out[kind]["errors"] = sum(1 for k, _s, status in log if k == kind and status != 200)
    return out


def region_and_category_codes(data_dir: Path) -> tuple[list[str], list[str]]:
    """The NUTS 2 regions of the default year and the cluster categories, from the engine (as the pages use)."""
    os.environ["SMARTCLUSTER_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcluster.site.settings")  # the cache key names the language
    from smartcluster.atlas.cache import result_cached
    from smartcluster.atlas.engine import Params
    from smartcluster.statistics import StatisticsStore

    result = result_cached(StatisticsStore(), Params(dataset="sbs_r_nuts06_r2"))
    counts = result.totals.groupby("year")["region"].nunique()
    year = int(counts[counts >= 0.8 * counts.max()].index.max())
    regions = sorted(result.totals.loc[result.totals["year"] == year, "region"])
    return regions, sorted(result.table["category"].unique())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a user's pages (s)")
    parser.add_argument("--rounds", type=int, default=2, help="cold-cache samples per page kind")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="atlas-load-"))
    data_dir, mirror = work / "data", work / "mirror"
    started = time.monotonic()
    env, mirror_server = prepare(data_dir, mirror)
    preparation = time.monotonic() - started
    try:
        pages = {"region_profile": "/mapping/regions/EL61/", "category_map": "/mapping/categories/13/?measure=lq"}
        cold = cold_baseline(env, data_dir, pages, args.rounds)
        after_wizard = cold_baseline(env, data_dir, pages, args.rounds, results_warmed=True)
        regions, categories = region_and_category_codes(data_dir)
        process, url = start_server(env)
        try:
            warming = time.monotonic()
            warm_errors = sum(fetch(url + path)[1] != 200 for path in
                              [f"/mapping/regions/{code}/" for code in regions]
                              + [f"/mapping/categories/{code}/?measure=lq" for code in categories])
            warm_pages_s = time.monotonic() - warming
            warm = load(url, regions, categories, args.users, args.duration, args.think)
        finally:
            stop_server(process)
    finally:
        mirror_server.terminate()
    result = {
        "benchmark": "atlas_load", "python": platform.python_version(), "cpus": os.cpu_count(),
        "database": "SQLite + DuckDB", "server": "gunicorn via smartcluster serve, 2 workers x 8 threads",
        "users": args.users, "duration_s": args.duration, "think_s": args.think,
        "regions": len(regions), "categories": len(categories), "preparation_s": round(preparation, 1),
        "cold_first_request": cold, "first_request_after_wizard_import": after_wizard, "warm_pages_s": round(warm_pages_s, 1), "warm_page_errors": warm_errors,
        "warm_load": warm,
        "p95_vs_cold": {kind: round(warm[kind]["p95_ms"] / cold[kind]["p50_ms"], 4)
                        for kind in pages if kind in warm and warm[kind].get("count")},
        "target": "p95 < 300 ms, no errors",
        "target_met": warm["errors"] == 0 and all(warm[k]["p95_ms"] < 300 for k in pages if k in warm),
    }
    out = ROOT / "results" / "atlas_load.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
