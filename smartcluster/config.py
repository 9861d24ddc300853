"""Settings shared by the library and the platform, read once from the environment (no Django)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """The folder holding everything the platform writes (`SMARTCLUSTER_DATA_DIR`, default `./var`)."""
    path = Path(os.environ.get("SMARTCLUSTER_DATA_DIR", "var")).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def statistics_db_path() -> Path:
    """The DuckDB file of the statistics store, inside the data directory."""
    return data_dir() / "statistics.duckdb"


def eurostat_base_url() -> str:
    """Eurostat's dissemination API (`SMARTCLUSTER_EUROSTAT_BASE_URL`), ending in '/'."""
    url = os.environ.get("SMARTCLUSTER_EUROSTAT_BASE_URL", "https://ec.europa.eu/eurostat/api/dissemination/")
    return url.rstrip("/") + "/"
