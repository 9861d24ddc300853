"""Benchmark: `load_reference` on the real official files (NUTS 2006-2021 and NACE Rev. 2) served from 127.0.0.1.

Measures, in one process on a throw-away SQLite database: the first load (baseline), a second start with
`--skip-loaded` (what `smartcluster setup` does every time) and a full reload that updates every row in place.
Figures are ratios against the first load. The mirror is a folder of symlinks to ../shared/data (nothing copied).

    python benchmarks/reference_load.py [--rounds 3]   ->  benchmarks/results/reference_load.json
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
SHARED = REPO.parent / "shared" / "data"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def _serve(folder: Path) -> str:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def _timed(call: object) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds

    os.environ["SMARTCLUSTER_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-reference-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "smartcluster.site.settings"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    from smartcluster.industries.models import Industry
    from smartcluster.regions.models import Region
    from smartcluster.regions.tests.mirror import HISTORY_MIRROR, NACE_MIRROR, NUTS_MIRROR, mirror_build

    mirror = Path(tempfile.mkdtemp(prefix="bench-mirror-"))
    for name, files in (("nuts", NUTS_MIRROR), ("history", HISTORY_MIRROR), ("nace", NACE_MIRROR)):
        mirror_build(mirror / name, SHARED, files)
    base = _serve(mirror)
    call_command("migrate", verbosity=0)

    def load(*extra: str) -> None:
        call_command("load_reference", "--nuts-base-url", f"{base}nuts/", "--nuts-history-base-url",
                     f"{base}history/", "--nace-base-url", f"{base}nace/", *extra, stdout=io.StringIO())

    def first_load() -> float:
        Region.objects.all().delete()
        Industry.objects.all().delete()
        return _timed(load)

    first = [first_load() for _ in range(rounds)]
    skip = [_timed(lambda: load("--skip-loaded")) for _ in range(rounds)]
    reload = [_timed(load) for _ in range(rounds)]
    result = {
        "benchmark": "reference_load",
        "rows": {"regions": Region.objects.count(), "industries": Industry.objects.count()},
        "rounds": rounds,
        "first_load_s": round(statistics.median(first), 3),
        "second_start_skip_loaded_s": round(statistics.median(skip), 3),
        "reload_update_in_place_s": round(statistics.median(reload), 3),
        "ratio_second_start_to_first_load": round(statistics.median(skip) / statistics.median(first), 4),
        "ratio_reload_to_first_load": round(statistics.median(reload) / statistics.median(first), 3),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load_avg": os.getloadavg()},
        "database": "SQLite (WAL)",
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "results" / "reference_load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
