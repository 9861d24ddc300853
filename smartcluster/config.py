"""Settings shared by the library and the platform, read once from the environment (no Django)."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
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


MB = 1024 * 1024


@dataclass(frozen=True)
class FileLimits:
    """The largest input file an import reads; anything bigger is refused before it is parsed. The defaults hold
    regional tables (a NUTS 2 × NACE table is a few thousand rows; Eurostat's NUTS history workbooks 4 MB unzipped)."""

    upload_max_bytes: int = 50 * MB  # a CSV or Excel file as uploaded
    xlsx_max_uncompressed_bytes: int = 100 * MB  # all members of an .xlsx unzipped together
    xlsx_max_rows: int = 200_000  # rows of any one sheet (.xlsx or .xls)
    xlsx_max_cells: int = 1_000_000  # cells of any one sheet: rows × columns of its used range


def file_limits() -> FileLimits:
    """`FileLimits` from `SMARTCLUSTER_UPLOAD_MAX_BYTES`, `SMARTCLUSTER_XLSX_MAX_UNCOMPRESSED_BYTES`,
    `SMARTCLUSTER_XLSX_MAX_ROWS` and `SMARTCLUSTER_XLSX_MAX_CELLS` (positive integers; defaults where unset)."""
    values = {}
    for name in fields(FileLimits):
        variable = f"SMARTCLUSTER_{name.name.upper()}"
        text = os.environ.get(variable, "").strip().replace("_", "")
        if text:
            if not text.isdigit() or int(text) == 0:
                raise ValueError(f"{variable} must be a positive whole number, not {text!r}")
            values[name.name] = int(text)
    return FileLimits(**values)
