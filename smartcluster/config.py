"""The one module reading the environment (no Django): typed readers for `site/settings.py`, and the settings
shared by the library. Libraries take these values as arguments; callers pass what is read here."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TypeVar

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off", ""})
Number = TypeVar("Number", int, float)


class ConfigError(ValueError):
    """An environment variable holds a value its setting cannot use; the message names the variable."""


def env_text(name: str, default: str = "") -> str:
    """The variable's text as set (an empty value stays empty), else `default`."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """1/true/yes/on or 0/false/no/off (any case; empty is off), else `default` when unset."""
    text = os.environ.get(name)
    if text is None:
        return default
    value = text.strip().lower()
    if value not in TRUE | FALSE:
        raise ConfigError(f"{name} must be one of 1, true, yes, on, 0, false, no, off; not {text!r}")
    return value in TRUE


def env_list(name: str, default: str) -> list[str]:
    """Comma-separated items, stripped, empty ones skipped (`default` is the same text form)."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    """A whole number (underscores allowed: 50_000), at least `minimum`; `default` when unset or empty."""
    kind = "a positive whole number" if minimum == 1 else "a whole number"
    return _env_number(name, default, int, kind, minimum)


def env_float(name: str, default: float, *, minimum: float | None = None) -> float:
    """A number (e.g. 60 or 0.5), at least `minimum`; `default` when unset or empty."""
    return _env_number(name, default, _number_not_nan, "a number", minimum)


def _number_not_nan(text: str) -> float:
    """float() without NaN, which no setting can use (comparisons with it are always false)."""
    value = float(text)
    if value != value:
        raise ValueError(text)
    return value


def _env_number(name: str, default: Number, parse: Callable[[str], Number], kind: str,
                minimum: Number | None) -> Number:
    """The variable read by `parse`; refused, naming the variable, when it is not `kind` or is below `minimum`."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    kind = kind if minimum is None or "positive" in kind else f"{kind} of at least {minimum}"
    try:
        value = parse(text)
    except ValueError:
        value = None
    if value is None or (minimum is not None and value < minimum):
        raise ConfigError(f"{name} must be {kind}, not {text!r}")
    return value


def data_dir() -> Path:
    """The folder holding everything the platform writes (`SMARTCLUSTER_DATA_DIR`, default `./var`)."""
    path = Path(env_text("SMARTCLUSTER_DATA_DIR", "var")).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def statistics_db_path() -> Path:
    """The DuckDB file of the statistics store, inside the data directory."""
    return data_dir() / "statistics.duckdb"


def eurostat_base_url() -> str:
    """Eurostat's dissemination API (`SMARTCLUSTER_EUROSTAT_BASE_URL`), ending in '/'."""
    url = env_text("SMARTCLUSTER_EUROSTAT_BASE_URL", "https://ec.europa.eu/eurostat/api/dissemination/")
    return url.rstrip("/") + "/"


# Firm microdata (smartcluster.sources.firms): the library's defaults; the environment's values come from the readers.
DISCLOSURE_THRESHOLD = 3
SPARK_MASTER = "local[*]"


def disclosure_threshold() -> int:
    """Fewest firms a published cell may rest on (`SMARTCLUSTER_DISCLOSURE_THRESHOLD`, default 3)."""
    return env_int("SMARTCLUSTER_DISCLOSURE_THRESHOLD", DISCLOSURE_THRESHOLD, minimum=1)


def spark_master() -> str:
    """The Spark master for `import firms --engine spark` (`SMARTCLUSTER_SPARK_MASTER`, default local[*])."""
    return env_text("SMARTCLUSTER_SPARK_MASTER", SPARK_MASTER) or SPARK_MASTER


MB = 1024 * 1024


@dataclass(frozen=True)
class FileLimits:
    """The largest input file an import reads; anything bigger is refused before it is parsed. The defaults hold
    regional tables (a NUTS 2 × NACE table is a few thousand rows; Eurostat's NUTS history workbooks 4 MB unzipped)."""

    upload_max_bytes: int = 50 * MB  # a CSV or Excel file as uploaded
    xlsx_max_uncompressed_bytes: int = 100 * MB  # all members of an .xlsx unzipped together
    xlsx_max_rows: int = 200_000  # rows of any one sheet (.xlsx or .xls)
    xlsx_max_cells: int = 1_000_000  # cells of any one sheet: rows × columns of its used range
    material_max_bytes: int = 20 * MB  # an event material (presentation, photo, document) as uploaded


def file_limits() -> FileLimits:
    """`FileLimits` from `SMARTCLUSTER_UPLOAD_MAX_BYTES`, `SMARTCLUSTER_XLSX_MAX_UNCOMPRESSED_BYTES`,
    `SMARTCLUSTER_XLSX_MAX_ROWS`, `SMARTCLUSTER_XLSX_MAX_CELLS` and `SMARTCLUSTER_MATERIAL_MAX_BYTES` (positive
    integers; defaults where unset)."""
    return FileLimits(**{limit.name: env_int(f"SMARTCLUSTER_{limit.name.upper()}", limit.default, minimum=1)
                         for limit in fields(FileLimits)})
