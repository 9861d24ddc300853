"""The starter pack bundled with smartcluster: NUTS 2006–2024 codes, names and light boundaries, NACE Rev. 2 and
two Eurostat SBS extracts, so a platform set up without network still maps clusters (no Django here).

`scripts/build_starter_pack.py` derives it from the real files in `../shared/data` (same input, same bytes);
`manifest.json` lists every file with its checksum and each dataset's provenance, `NOTICE` the sources and licences.
The reference loaders (`regions.services`, `industries.services`) read it as one more source; the statistics are
already tidy observations in the store's columns, parsed at build time by the Eurostat and file importers.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from smartcluster.statistics import StatisticsStore

PACK_DIR = Path(__file__).resolve().parent
SOURCE = "starter pack"  # how loaded regions name where they came from (`Region.source` starts with it)
NUTS_REGIONS = "nuts_regions.parquet"
# NUTS version -> GISCO-layout GeoJSON with rounded boundaries (2016: levels 0-2 only, as GISCO published them).
NUTS_BOUNDARIES = {2016: "NUTS_RG_20M_2016_4326.geojson.gz", 2021: "NUTS_RG_60M_2021_4326.geojson.gz",
                   2024: "NUTS_RG_20M_2024_4326.geojson.gz"}
NACE = "Nace2_long.csv.gz"
MANIFEST = "manifest.json"
NOTICE = "NOTICE"


def pack_bytes(name: str, *, folder: Path | None = None) -> bytes:
    """A pack file's content, gunzipped when its name ends in `.gz`."""
    payload = ((folder or PACK_DIR) / name).read_bytes()
    return gzip.decompress(payload) if name.endswith(".gz") else payload


class StarterPackDamaged(Exception):
    """A pack file is missing, unreadable or not the file the manifest lists; the message names it."""


REINSTALL = "re-install smartcluster or run scripts/build_starter_pack.py"


def manifest(*, folder: Path | None = None) -> dict:
    """What the pack holds: `files` (name -> sha256) and `statistics` (dataset -> file and provenance)."""
    try:
        return json.loads(((folder or PACK_DIR) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StarterPackDamaged(f"starter pack {MANIFEST}: not readable ({type(error).__name__}); {REINSTALL}") \
            from error


def statistics_load(store: StatisticsStore, *, folder: Path | None = None, skip_loaded: bool = True) -> list[str]:
    """Put the pack's datasets into `store` with their provenance (each in one transaction); with `skip_loaded`, a
    dataset already in the store (e.g. imported from Eurostat since) is left alone. Returns the datasets loaded.
    Every file is checked against the manifest and read before the first is written: a damaged one writes nothing."""
    loaded = set(store.datasets()["dataset"]) if skip_loaded else set()
    contents = manifest(folder=folder)
    frames = {dataset: _statistics_read(entry["file"], contents["files"], folder=folder)
              for dataset, entry in contents["statistics"].items() if dataset not in loaded}
    for dataset, (frame, checksum) in frames.items():
        entry = contents["statistics"][dataset]
        provenance = {key: value for key, value in entry.items() if key != "file"}
        store.replace_dataset(dataset, frame, provenance | {"checksum": checksum, "starter_pack": True})
    return list(frames)


def _statistics_read(name: str, checksums: dict[str, str], *, folder: Path | None) -> tuple[pd.DataFrame, str]:
    """One statistics file as a frame with its `sha256:` checksum, refused unless it is the file the manifest lists."""
    import pandas as pd

    try:
        payload = ((folder or PACK_DIR) / name).read_bytes()
    except OSError as error:
        raise StarterPackDamaged(f"starter pack {name}: not readable ({type(error).__name__}); {REINSTALL}") \
            from error
    digest = hashlib.sha256(payload).hexdigest()
    if digest != checksums.get(name):
        raise StarterPackDamaged(f"starter pack {name}: damaged (its checksum differs from {MANIFEST}); {REINSTALL}")
    return pd.read_parquet(io.BytesIO(payload)), f"sha256:{digest}"
