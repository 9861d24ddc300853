"""A folder laid out like the official reference servers, made of symlinks to the real files in shared/data."""

from __future__ import annotations

from pathlib import Path

# official path (relative to its base URL) -> file in shared/data (gzipped; the loader detects gzip by magic bytes)
NUTS_MIRROR = {
    "geojson/NUTS_RG_60M_2021_4326.geojson": "gisco-nuts/NUTS_RG_60M_2021_4326.geojson.gz",
    "geojson/NUTS_RG_20M_2016_4326_LEVL_0.geojson": "gisco-nuts/NUTS_RG_20M_2016_4326_LEVL_0.geojson.gz",
    "geojson/NUTS_RG_20M_2016_4326_LEVL_1.geojson": "gisco-nuts/NUTS_RG_20M_2016_4326_LEVL_1.geojson.gz",
    "geojson/NUTS_RG_20M_2016_4326_LEVL_2.geojson": "gisco-nuts/NUTS_RG_20M_2016_4326_LEVL_2.geojson.gz",
    "geojson/NUTS_RG_20M_2024_4326.geojson": "gisco-nuts/NUTS_RG_20M_2024_4326.geojson.gz",
}
HISTORY_MIRROR = {
    "NUTS2003-NUTS2006.xls": "nuts-history/NUTS2003-NUTS2006.xls.gz",
    "NUTS2006-NUTS2010.xls": "nuts-history/NUTS2006-NUTS2010.xls.gz",
    "NUTS2010-NUTS2013.xls": "nuts-history/NUTS2010-NUTS2013.xls.gz",
    "NUTS2013-NUTS2016.xlsx": "nuts-history/NUTS2013-NUTS2016.xlsx.gz",
}
NACE_MIRROR = {"Nace2_long.csv": "classifications/Nace2_long.csv.gz"}


def mirror_build(folder: Path, shared_data: Path, files: dict[str, str]) -> Path:
    """Symlink each official path under `folder` to its real file (never a copy); returns `folder`."""
    for official, real in files.items():
        link = folder / official
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(shared_data / real)
    return folder
