"""CSV and Excel files of national or regional statistics, in long or wide layout, for what Eurostat lacks.

Long layout: one row per observation with columns `region, industry, year, measure, value` and optionally
`unit, flags, nuts_version`. Wide layout: `region, industry, measure` (optionally `unit, nuts_version`) and one
column per year (headers like `2019`). `mapping` renames the file's columns to these names
(`{"region": "NUTS code", …}`); `constants` fills a column the file lacks (`{"measure": "persons_employed"}`).
Values may carry Eurostat flags (`123 p`, `:`, `: c`); empty cells are unknown (flag `:`).
Classification: `NACE_R2` (codes checked; `10.11`, `C10.11` and `C1011` all become `C1011`), `NAICS` (2–6 digits)
or any other name for a user's own codes (stored as given, level 0).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from smartcluster import config
from smartcluster.sources import guards, industries, tidy, validation
from smartcluster.sources.validation import Problem

if TYPE_CHECKING:
    from smartcluster.statistics import StatisticsStore

LONG_REQUIRED = ["region", "industry", "year", "measure", "value"]
WIDE_REQUIRED = ["region", "industry", "measure"]
OPTIONAL = ["unit", "flags", "nuts_version"]
YEAR_HEADER = re.compile(r"^\d{4}$")
DELIMITERS = (",", ";", "\t", "|")
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}


def read_table(path: str | Path, *, mapping: dict[str, str] | None = None, constants: dict[str, str] | None = None,
               classification: str = industries.NACE, sheet: str | int = 0,
               limits: config.FileLimits | None = None) -> pd.DataFrame:
    """Tidy, checked observations of a CSV or Excel file (layout detected: year columns mean wide);
    InvalidInput listing every problem. A file over `limits` (default: the settings) is refused unread."""
    path, mapping, constants = Path(path), mapping or {}, constants or {}
    raw, lines, problems = _raw_table(path, sheet, limits or config.file_limits(),
                                      lambda header: _year_columns(header, path, mapping, constants))
    year_columns = _year_columns(list(raw.columns), path, mapping, constants)
    raw = raw.rename(columns={source: target for target, source in mapping.items()})
    for column, value in constants.items():
        raw[column] = value
    long = _melted(raw, lines, year_columns) if year_columns else _long(raw, lines, mapping)
    frame, cell_problems = _parsed(long, str(path), classification, mapping)
    problems += cell_problems
    frame = tidy.completed(frame, classification=classification)
    problems += tidy.checked(frame, file=str(path), line=frame["line"], classification=classification,
                             columns={"region": frame["source_region"], "industry": frame["source_industry"],
                                      "value": frame["source_value"]})
    validation.raise_if_any(problems)
    return frame.drop(columns=["line", "source_region", "source_industry", "source_value", "source_year",
                               "raw_industry"])


def _year_columns(header: list[str], path: Path, mapping: dict[str, str], constants: dict[str, str]) -> list[str]:
    """The year columns of a file's header (wide layout when there are any), under their mapped names; InvalidInput
    when a column the layout needs is neither in the header (after the mapping) nor among the constants."""
    renames = {source: target for target, source in mapping.items()}
    columns = [renames.get(name, name) for name in header]
    columns += [name for name in constants if name not in columns]
    year_columns = [c for c in columns if YEAR_HEADER.match(str(c).strip())]
    missing = [c for c in (WIDE_REQUIRED if year_columns else LONG_REQUIRED) if c not in columns]
    if missing:
        raise validation.InvalidInput([Problem(str(path), 1, None, f"missing column(s) {', '.join(missing)}; the "
                                               f"header has {', '.join(map(str, columns))} (use a column mapping or "
                                               "check the delimiter)")])
    return year_columns


def file_provenance(path: str | Path, **details: object) -> dict:
    """Source, checksum and extraction date of a file, plus what the import was told (mapping, classification)."""
    path = Path(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return {"source": str(path.resolve()), "checksum": f"sha256:{digest}",
            "extracted_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "dataset_version": datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds"),
            **details}


def import_file(store: StatisticsStore, path: str | Path, *, dataset: str | None = None, mapping: dict[str, str] | None = None,
                constants: dict[str, str] | None = None, classification: str = industries.NACE,
                limits: config.FileLimits | None = None) -> pd.DataFrame:
    """Read, check and store a file as one dataset (named after the file unless given); returns its observations.
    Nothing is written when the file is refused."""
    path = Path(path)
    frame = read_table(path, mapping=mapping, constants=constants, classification=classification, limits=limits)
    name = dataset or path.name.split(".")[0]
    store.replace_dataset(name, frame, file_provenance(path, mapping=mapping, constants=constants,
                                                       classification=classification))
    return frame


def _raw_table(path: Path, sheet: str | int, limits: config.FileLimits,
               header_checked: Callable[[list[str]], object]) -> tuple[pd.DataFrame, pd.Series, list[Problem]]:
    """All cells as text, each row's line number in the file, and malformed-row problems (a CSV file's header is
    checked with `header_checked` before its rows are read)."""
    if not path.is_file():
        raise validation.InvalidInput([Problem(str(path), None, None, "no such file")])
    guards.size_checked(path, limits=limits)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        engine = guards.workbook_checked(path, file=path, limits=limits)
        try:
            table = pd.read_excel(path, sheet_name=sheet, dtype=str, engine=engine).fillna("")
        except Exception as error:  # any reader error means a bad file for the user
            raise validation.InvalidInput([Problem(str(path), None, None, f"not a readable Excel file ({error})")]) from error
        table.columns = [str(c).strip() for c in table.columns]
        return table, pd.Series(np.arange(2, len(table) + 2), index=table.index), []
    return _csv_table(path, header_checked)


def _csv_table(path: Path,
               header_checked: Callable[[list[str]], object]) -> tuple[pd.DataFrame, pd.Series, list[Problem]]:
    """A CSV file (delimiter: the one of , ; tab | most frequent in the header) checked row by row. The header is
    checked before any row is read, and reading stops at the first MAX_LISTED malformed rows, so that a large file
    that is not a table is refused before its rows fill the memory."""
    lines = guards.text_lines(path.read_bytes(), file=path)
    first_line = lines.readline()
    lines.seek(0)
    rows = guards.csv_rows(lines, delimiter=max(DELIMITERS, key=first_line.count), file=path)
    first = next(rows, None)
    if first is None:
        raise validation.InvalidInput([Problem(str(path), None, None, "the file is empty")])
    header = [h.strip() for h in first[1]]
    header_checked(header)
    lines, kept, problems = [], [], []
    for number, row in rows:
        if len(row) == len(header):
            lines.append(number)
            kept.append(row)
        elif row:
            problems.append(Problem(str(path), number, None, f"{len(row)} fields where the header has "
                                    f"{len(header)} (truncated file or wrong delimiter?)"))
            if len(problems) == validation.MAX_LISTED:
                problems.append(Problem(str(path), None, None, "more malformed lines follow; reading stopped here"))
                raise validation.InvalidInput(problems)
    table = pd.DataFrame(kept, columns=header, dtype=str)
    return table, pd.Series(lines, index=table.index, dtype="int64"), problems


def _long(raw: pd.DataFrame, lines: pd.Series, mapping: dict[str, str]) -> pd.DataFrame:
    """Long layout: one row per observation, positions kept."""
    frame = raw.copy()
    frame["line"] = lines
    frame["source_value"] = mapping.get("value", "value")
    frame["source_year"] = mapping.get("year", "year")
    return frame


def _melted(raw: pd.DataFrame, lines: pd.Series, year_columns: list[str]) -> pd.DataFrame:
    """Wide layout to long: one row per (row, year column)."""
    ids = [c for c in raw.columns if c not in year_columns]
    frame = raw.assign(line=lines).melt(id_vars=[*ids, "line"], value_vars=year_columns, var_name="year",
                                        value_name="value")
    frame["source_value"] = frame["source_year"] = frame["year"].astype(str)
    return frame


def _parsed(frame: pd.DataFrame, file: str, classification: str,
            mapping: dict[str, str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed columns (region, industry, year, value, flags) and the problems of the cells that are not; problems
    name the file's own column names."""
    frame = frame.reset_index(drop=True)
    frame["source_region"] = mapping.get("region", "region")
    frame["source_industry"] = mapping.get("industry", "industry")
    frame["region"] = frame["region"].astype(str).str.strip().str.upper()
    frame["raw_industry"] = frame["industry"].astype(str).str.strip()
    frame["industry"] = _industry_codes(frame["raw_industry"], classification)
    cells = tidy.split_cells(frame["value"].astype(str).to_numpy())
    cells["token"] = cells["token"].replace("", tidy.UNAVAILABLE)  # an empty cell is unknown
    frame["value"] = cells["value"].to_numpy()
    given_flags = frame["flags"].astype(str).str.strip() if "flags" in frame else ""
    frame["flags"] = np.where(cells["token"] == tidy.UNAVAILABLE, tidy.UNAVAILABLE, "") + given_flags \
        + cells["flags"].str.lstrip(":-").to_numpy()
    year = pd.to_numeric(frame["year"].astype(str).str.strip(), errors="coerce")
    whole = year.notna() & (year % 1 == 0)
    implausible = whole & tidy.implausible_years(year)
    problems = [Problem(file, int(frame.at[i, "line"]), frame.at[i, "source_year"], f"not a year: {frame.at[i, 'year']!r}")
                for i in frame.index[~whole]]
    problems += [Problem(file, int(frame.at[i, "line"]), frame.at[i, "source_year"],
                         tidy.implausible_year_message(frame.at[i, "year"])) for i in frame.index[implausible]]
    problems += [Problem(file, int(frame.at[i, "line"]), frame.at[i, "source_value"],
                         f"not a number: {cells.at[i, 'token']!r}") for i in frame.index[tidy.not_numbers(cells)]]
    frame["year"] = year.where(whole & ~implausible, -1).astype("int64")  # -1: reported above, never stored
    frame["measure"] = frame["measure"].astype(str).str.strip()
    frame["unit"] = frame["unit"].astype(str).str.strip() if "unit" in frame else ""
    return frame, problems


def _industry_codes(raw: pd.Series, classification: str) -> pd.Series:
    """NACE codes in Eurostat notation (the raw text where invalid, so the report can name it)."""
    if classification != industries.NACE:
        return raw
    distinct = {code: industries.nace_code(code) or code for code in raw.unique()}
    return raw.map(distinct)
