"""Eurostat connector: fetch a dataset from the dissemination API and parse TSV (old bulk and current API layouts)
or SDMX-CSV, gzip or plain, into the store's tidy observations.

TSV traps handled: the comma-joined key column (`nace_r2,indic_sb,geo\\time` or `freq,…,geo\\TIME_PERIOD`), years
newest or oldest first, trailing spaces in headers and cells, `value flags` cells, `:` (not available) and `-`
cells. Unknown cells keep NaN with flags `:` plus Eurostat's letters (`:c` confidential); `-` cells keep flags `-`.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np
import pandas as pd

from smartcluster import config
from smartcluster.sources import guards, industries, tidy, validation
from smartcluster.sources.validation import Problem

if TYPE_CHECKING:
    from smartcluster.statistics import StatisticsStore

GEO = "geo"
NACE_DIMENSION = "nace_r2"
TOTAL = "TOTAL"
TIME_NAMES = ("time", "time_period")
UNAVAILABLE = tidy.UNAVAILABLE
CHUNK = 1 << 20


@dataclass(frozen=True)
class DatasetSpec:
    """How a dataset's dimensions become measures: a measure dimension with named codes, or one fixed measure."""

    measure_dimension: str | None = None
    measures: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (measure, unit)
    fixed_measure: str | None = None
    filters: dict[str, str] = field(default_factory=dict)  # dimension -> the one code kept


ANNUAL = {"freq": "A"}
# Eurostat code lists: indic_sb of sbs_r_nuts06_r2 (units per the dataset's metadata), indic_sbs of the 2021+
# series sbs_r_nuts2021, wstatus of nama_10r_3empers. Other codes keep their own code as measure name.
SPECS = {
    "sbs_r_nuts06_r2": DatasetSpec("indic_sb", {
        "V11210": ("local_units", "number"), "V13320": ("wages_and_salaries", "MIO_EUR"),
        "V16110": ("persons_employed", "number"), "V16130": ("employees", "number"),
        "V12110": ("turnover", "MIO_EUR"), "V12150": ("value_added", "MIO_EUR"),
        "V91290": ("employment_growth_rate", "PC"), "V94310": ("share_of_manufacturing_employment", "PC")}),
    "sbs_r_nuts2021": DatasetSpec("indic_sbs", {
        "LOC_NR": ("local_units", "number"), "EMP_LOC_NR": ("persons_employed", "number"),
        "WAGE_LOC_MEUR": ("wages_and_salaries", "MIO_EUR")}, filters=ANNUAL),
    "lfst_r_lfe2en2": DatasetSpec(fixed_measure="employment_lfs", filters={**ANNUAL, "age": "Y_GE15"}),
    "nama_10r_2gdp": DatasetSpec(fixed_measure="gdp", filters=ANNUAL),
    "nama_10r_3empers": DatasetSpec("wstatus", {"EMP": ("persons_employed", ""), "SAL": ("employees", "")},
                                    filters=ANNUAL),
}


@dataclass
class Parsed:
    """A parsed file in long form: one row per cell with its dimensions, year, value, flags and position."""

    cells: pd.DataFrame  # dimension columns, year, value, flags, line, column
    dimensions: list[str]
    key_column: str = GEO  # the file's column holding region codes, for problem reports
    dataset_version: str = ""


def dataset_url(dataset: str, *, fmt: str = "tsv", base_url: str | None = None) -> str:
    """The dissemination API address of a whole dataset, compressed (`fmt` tsv or sdmx-csv)."""
    base = base_url or config.eurostat_base_url()
    kind = {"tsv": "TSV", "sdmx-csv": "SDMX-CSV"}[fmt]
    return f"{base.rstrip('/')}/sdmx/2.1/data/{dataset}?format={kind}&compressed=true"


def fetch(url: str, *, progress: bool = False, timeout: float = 60.0) -> tuple[bytes, str]:
    """The bytes at `url` and the server's Last-Modified date ('' when absent); OSError with a clear message."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - the base URL is a setting
            size = int(response.headers.get("Content-Length") or 0) or None
            chunks = _read_chunks(response, size, progress)
            return b"".join(chunks), response.headers.get("Last-Modified", "")
    except urllib.error.HTTPError as error:
        raise OSError(f"Eurostat answered {error.code} {error.reason} for {url}") from error
    except (urllib.error.URLError, TimeoutError) as error:
        raise OSError(f"cannot reach {url}: {getattr(error, 'reason', error)}") from error


def _read_chunks(response: BinaryIO, size: int | None, progress: bool) -> list[bytes]:
    """Read the response in chunks, with a tqdm bar when asked."""
    from tqdm import tqdm

    chunks: list[bytes] = []
    with tqdm(total=size, unit="B", unit_scale=True, desc="download", disable=not progress) as bar:
        while chunk := response.read(CHUNK):
            chunks.append(chunk)
            bar.update(len(chunk))
    return chunks


def import_dataset(store: StatisticsStore, dataset: str, *, years: list[int] | None = None, fmt: str = "tsv",
                   base_url: str | None = None, progress: bool = False) -> pd.DataFrame:
    """Fetch, parse, check and store a Eurostat dataset (replacing it); returns the stored observations."""
    from tqdm import tqdm

    url = dataset_url(dataset, fmt=fmt, base_url=base_url)
    payload, last_modified = fetch(url, progress=progress)
    with tqdm(total=2, desc="parse and check, store", disable=not progress) as bar:
        observations, parsed = observations_from_bytes(payload, dataset=dataset, file=url, years=years)
        bar.update()
        provenance = {
            "source": url, "checksum": "sha256:" + hashlib.sha256(payload).hexdigest(),
            "extracted_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "dataset_version": parsed.dataset_version or last_modified, "format": fmt,
            "years_requested": years, "filters": SPECS.get(dataset, DatasetSpec()).filters,
            "nuts_version_rule": "inferred from code and year (smartcluster.sources.nuts_versions)",
        }
        store.replace_dataset(dataset, observations, provenance)
        bar.update()
    return observations


def observations_from_bytes(payload: bytes, *, dataset: str, file: str,
                            years: list[int] | None = None) -> tuple[pd.DataFrame, Parsed]:
    """Tidy, checked observations of a Eurostat file (TSV or SDMX-CSV, told apart by the header); InvalidInput
    listing every problem."""
    text = decoded(payload, file=file)
    is_sdmx_csv = "OBS_VALUE" in text[: text.find("\n")]
    parsed = parse_sdmx_csv(text, file=file) if is_sdmx_csv else parse_tsv(text, file=file)
    spec = SPECS.get(dataset, DatasetSpec())
    cells = _selected(parsed.cells, spec, years)
    frame = _observations(cells, parsed.dimensions, spec)
    frame = tidy.completed(frame, classification=industries.NACE)
    key_column = pd.Series(parsed.key_column, index=frame.index)
    problems = tidy.checked(frame, file=file, line=cells["line"], classification=industries.NACE,
                            columns={"region": key_column, "industry": key_column, "value": cells["column"]})
    validation.raise_if_any(problems)
    return frame.drop(columns=["line", "column"], errors="ignore"), parsed


def decoded(payload: bytes, *, file: str) -> str:
    """The text of a plain or gzip-compressed file; InvalidInput when the gzip stream is cut or corrupt, or the text
    is not UTF-8 (or UTF-16/32 with a byte-order mark)."""
    if payload[:2] == b"\x1f\x8b":
        try:
            payload = gzip.decompress(payload)
        except (EOFError, OSError, zlib.error) as error:
            raise validation.InvalidInput([Problem(file, None, None, f"truncated or corrupt gzip data ({error})")]) from error
    return guards.text_decoded(payload, file=file)


def parse_tsv(text: str, *, file: str) -> Parsed:
    """Parse Eurostat TSV (either layout) into cells; InvalidInput listing every malformed line and cell."""
    lines = text.splitlines()
    header = lines[0].split("\t") if lines else []
    if len(header) < 2 or "\\" not in header[0]:
        found = "," if "," in (lines[0] if lines else "") else "no tab"
        raise validation.InvalidInput([Problem(file, 1, None, "not a Eurostat TSV file: the header needs a key "
                                               f"column like 'nace_r2,geo\\time' and tab-separated years ({found})")])
    dimensions = [d.strip().lower() for d in header[0].split("\\")[0].split(",")]
    problems: list[Problem] = []
    years = _header_years(header[1:], file, problems)
    bad_lines = _structure_problems(lines, len(header), file, problems)
    table = pd.read_csv(io.StringIO(text), sep="\t", header=None, skiprows=[0, *bad_lines], dtype=str,
                        keep_default_na=False, na_filter=False, engine="c")
    line_numbers = np.setdiff1d(np.arange(2, len(lines) + 1), np.array(bad_lines, dtype=int) + 1)
    line_numbers = line_numbers[: len(table)]
    keys = table[0].str.split(",", expand=True) if len(table) else pd.DataFrame(columns=range(len(dimensions)))
    if keys.shape[1] != len(dimensions) or keys.isna().any(axis=None):
        wrong = keys.isna().any(axis=1) if keys.shape[1] >= len(dimensions) else pd.Series(True, index=keys.index)
        problems += [Problem(file, int(line_numbers[i]), header[0].strip(),
                             f"key {table.iat[i, 0]!r} does not have {len(dimensions)} comma-separated parts")
                     for i in np.flatnonzero(wrong.to_numpy())]
        keys = keys.reindex(columns=range(len(dimensions)))
    cells = _melted(table, keys, dimensions, years, line_numbers, header)
    problems += _cell_problems(cells, file)
    validation.raise_if_any(problems)
    return Parsed(cells.drop(columns="token"), dimensions, key_column=header[0].strip())


def _header_years(cells: list[str], file: str, problems: list[Problem]) -> list[int]:
    """The year of each time column (annual data only, in `tidy.plausible_years`)."""
    years = []
    for cell in cells:
        text = cell.strip()
        if not text.isdigit():
            problems.append(Problem(file, 1, text, f"time column {text!r} is not a year (only annual data)"))
        elif int(text) not in tidy.plausible_years():
            problems.append(Problem(file, 1, text, tidy.implausible_year_message(text)))
        years.append(int(text) if text.isdigit() and int(text) in tidy.plausible_years() else -1)
    return years


def _structure_problems(lines: list[str], width: int, file: str, problems: list[Problem]) -> list[int]:
    """0-based indexes of data lines to skip: blank ones, and those whose number of tab-separated fields is wrong
    (e.g. a truncated file), which are reported."""
    counts = np.fromiter((line.count("\t") for line in lines[1:]), dtype=np.int64, count=len(lines) - 1)
    blank = np.fromiter((not line.strip() for line in lines[1:]), dtype=bool, count=len(lines) - 1)
    bad = np.flatnonzero((counts != width - 1) | blank) + 1
    for index in bad:
        if not blank[index - 1]:
            problems.append(Problem(file, int(index) + 1, None, f"{counts[index - 1] + 1} fields where the header "
                                    f"has {width} (truncated file or wrong delimiter?)"))
    return bad.tolist()


def _melted(table: pd.DataFrame, keys: pd.DataFrame, dimensions: list[str], years: list[int],
            line_numbers: np.ndarray, header: list[str]) -> pd.DataFrame:
    """One row per (key, year) with the raw cell split into its number token, value and flags."""
    n_rows, n_years = len(table), len(years)
    split = tidy.split_cells(table.iloc[:, 1:].to_numpy().ravel())
    # One constructor call: adding columns one by one makes pandas copy the object block again and again.
    return pd.DataFrame({
        **{d: np.repeat(keys[i].str.strip().to_numpy(), n_years) for i, d in enumerate(dimensions)},
        "year": np.tile(np.array(years, dtype=np.int64), n_rows),
        **{column: split[column].to_numpy() for column in ("token", "value", "flags")},
        "line": np.repeat(line_numbers, n_years),
        "column": np.tile(np.array([h.strip() for h in header[1:]], dtype=object), n_rows),
    })


def _cell_problems(cells: pd.DataFrame, file: str) -> list[Problem]:
    """Cells that are neither a number, `:` nor `-` (text in a number field, empty cells)."""
    bad = tidy.not_numbers(cells)
    return [Problem(file, int(line), column, f"not a number: {token!r}")
            for line, column, token in cells.loc[bad, ["line", "column", "token"]].itertuples(index=False)]


def parse_sdmx_csv(text: str, *, file: str) -> Parsed:
    """Parse Eurostat SDMX-CSV (DATAFLOW, LAST UPDATE, dimensions…, TIME_PERIOD, OBS_VALUE, OBS_FLAG) into cells."""
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    table.columns = [c.strip() for c in table.columns]
    needed = {"TIME_PERIOD", "OBS_VALUE"}
    if not needed <= set(table.columns):
        raise validation.InvalidInput([Problem(file, 1, None, "not SDMX-CSV: the header lacks "
                                               + ", ".join(sorted(needed - set(table.columns))))])
    skip = {"DATAFLOW", "LAST UPDATE", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG", "CONF_STATUS"}
    dimensions = [c for c in table.columns if c not in skip]
    cells = table[dimensions].rename(columns=str.lower).apply(lambda s: s.str.strip())
    token = table["OBS_VALUE"].str.strip().replace("", UNAVAILABLE)
    cells["year"] = pd.to_numeric(table["TIME_PERIOD"], errors="coerce").fillna(-1).astype(np.int64)
    cells["token"] = token
    cells["value"] = pd.to_numeric(token.where(token != UNAVAILABLE), errors="coerce").astype("float64")
    letters = table.get("OBS_FLAG", pd.Series("", index=table.index)).str.strip()
    cells["flags"] = np.where(token == UNAVAILABLE, UNAVAILABLE + letters, letters)
    cells["line"] = np.arange(2, len(table) + 2)
    cells["column"] = "OBS_VALUE"
    problems = _cell_problems(cells, file)
    problems += [Problem(file, int(line), "TIME_PERIOD", "not a year (only annual data)")
                 for line in cells.loc[cells["year"] < 0, "line"]]
    problems += [Problem(file, int(line), "TIME_PERIOD", tidy.implausible_year_message(year))
                 for line, year in cells.loc[(cells["year"] >= 0) & tidy.implausible_years(cells["year"]),
                                             ["line", "year"]].itertuples(index=False)]
    validation.raise_if_any(problems)
    version = table["LAST UPDATE"].iloc[0] if "LAST UPDATE" in table and len(table) else ""
    return Parsed(cells.drop(columns="token"), [d.lower() for d in dimensions], dataset_version=version)


def _selected(cells: pd.DataFrame, spec: DatasetSpec, years: list[int] | None) -> pd.DataFrame:
    """The cells kept by the dataset's filters and the years asked for."""
    keep = pd.Series(True, index=cells.index)
    for dimension, code in spec.filters.items():
        if dimension in cells:
            keep &= cells[dimension] == code
    if years:
        keep &= cells["year"].isin(years)
    return cells if keep.all() else cells[keep]


def _observations(cells: pd.DataFrame, dimensions: list[str], spec: DatasetSpec) -> pd.DataFrame:
    """Map dimensions to region, industry, measure and unit (other dimensions go into `measure_code`)."""
    if GEO not in dimensions:
        raise validation.InvalidInput([Problem("", 1, None, f"no '{GEO}' dimension among {dimensions}")])
    industry = cells[NACE_DIMENSION] if NACE_DIMENSION in cells else pd.Series(TOTAL, index=cells.index)
    rest = [d for d in dimensions if d not in (GEO, NACE_DIMENSION, "unit", *spec.filters)]
    measure_code = pd.Series("", index=cells.index)
    if rest:
        measure_code = cells[rest[0]].str.cat([cells[d] for d in rest[1:]], sep=",") if rest[1:] else cells[rest[0]]
    if spec.measure_dimension:
        code = cells[spec.measure_dimension]
        distinct = code.unique()
        measure = code.map({c: spec.measures.get(c, (c.lower(), ""))[0] for c in distinct})
        unit = code.map({c: spec.measures.get(c, ("", ""))[1] for c in distinct})
    else:
        measure = pd.Series(spec.fixed_measure, index=cells.index) if spec.fixed_measure else measure_code.str.lower()
        unit = pd.Series("", index=cells.index)
    if "unit" in cells:
        unit = unit.where(unit != "", cells["unit"])
    return pd.DataFrame({"region": cells[GEO], "industry": industry, "year": cells["year"], "measure": measure,
                         "measure_code": measure_code, "value": cells["value"], "flags": cells["flags"],
                         "unit": unit, "line": cells["line"], "column": cells["column"]})


def read_file(path: str | Path, *, dataset: str | None = None, years: list[int] | None = None) -> pd.DataFrame:
    """Tidy observations of a Eurostat file on disk (TSV or SDMX-CSV, gzip or plain), without storing them."""
    path = Path(path)
    name = dataset or path.name.split(".")[0]
    return observations_from_bytes(path.read_bytes(), dataset=name, file=str(path), years=years)[0]


def import_file(store: StatisticsStore, path: str | Path, *, dataset: str | None = None, years: list[int] | None = None
                ) -> pd.DataFrame:
    """Parse, check and store a Eurostat file on disk (e.g. a bulk download); returns the stored observations."""
    from smartcluster.sources.files import file_provenance

    path = Path(path)
    name = dataset or path.name.split(".")[0]
    frame = read_file(path, dataset=name, years=years)
    store.replace_dataset(name, frame, file_provenance(path, years_requested=years,
                                                       filters=SPECS.get(name, DatasetSpec()).filters))
    return frame
