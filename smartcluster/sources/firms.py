"""Firm-level microdata aggregated to region × industry × year through Ibis, on DuckDB (default) or Spark.

Input columns (rename with `mapping`): firm_id, nuts3 (or postcode with a postcode→NUTS 3 table), nace, year,
employees, turnover, wages. The same Ibis expression runs on both engines. Firms whose region or industry is
missing or invalid are counted per reason and reported, never dropped silently. Cells with fewer firms than the
disclosure threshold (an argument, default 3; `smartcluster import firms` passes `SMARTCLUSTER_DISCLOSURE_THRESHOLD`)
keep no value and are flagged `:c`, as statistical offices suppress them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from smartcluster.config import DISCLOSURE_THRESHOLD, SPARK_MASTER
from smartcluster.sources import industries, nuts_versions, tidy, validation
from smartcluster.sources.validation import Problem

if TYPE_CHECKING:
    import pyarrow as pa
    from ibis.backends import BaseBackend
    from ibis.expr.types import Table
    from pyspark.sql import SparkSession

    from smartcluster.statistics import StatisticsStore

FIRM_COLUMNS = ["firm_id", "nuts3", "nace", "year", "employees", "turnover", "wages"]
MEASURES = {"firms": ("firms", "number"), "employees": ("employees", "number"),
            "turnover": ("turnover", "EUR"), "wages": ("wages_and_salaries", "EUR")}
CELL_COLUMNS = ("region_id", "industry_id", "year", "firms", "employees", "turnover", "wages")


@dataclass
class FirmsReport:
    """What an aggregation used and left out: firm-year rows per reason, and the commonest invalid codes."""

    rows: int = 0
    aggregated: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    invalid_codes: dict[str, list[str]] = field(default_factory=dict)
    confidential_cells: int = 0

    def lines(self) -> list[str]:
        """The report as short lines for people."""
        out = [f"{self.rows} firm records, {self.aggregated} aggregated, {self.confidential_cells} cells "
               "flagged confidential"]
        out += [f"excluded ({reason.replace('_', ' ')}): {count}" for reason, count in self.excluded.items() if count]
        out += [f"invalid {kind} codes (commonest): {', '.join(codes)}" for kind, codes in self.invalid_codes.items()
                if codes]
        return out


def connect(engine: str, *, spark_master: str = SPARK_MASTER) -> BaseBackend:
    """An Ibis backend: in-process DuckDB, or Spark through the process's session (on `spark_master`)."""
    import ibis

    if engine == "duckdb":
        return ibis.duckdb.connect()
    if engine == "spark":
        return ibis.pyspark.connect(spark_session(spark_master))
    raise ValueError(f"unknown engine {engine!r} (duckdb or spark)")


def spark_session(master: str = SPARK_MASTER) -> SparkSession:
    """The process's Spark session (created on `master`, default local mode on the machine's cores)."""
    from pyspark.sql import SparkSession

    return (SparkSession.builder.appName("smartcluster")
            .master(master)
            .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate())


def firms_table(con: BaseBackend, source: str | Path | pd.DataFrame,
                mapping: dict[str, str] | None = None) -> Table:
    """The firm records as an Ibis table with the standard column names (CSV, Parquet or a DataFrame)."""
    import ibis

    if isinstance(source, pd.DataFrame):
        table = ibis.memtable(source)
    else:
        path = Path(source)
        if not path.is_file():
            raise validation.InvalidInput([Problem(str(path), None, None, "no such file")])
        table = con.read_parquet(str(path)) if path.suffix == ".parquet" else con.read_csv(str(path))
    renames = {target: source_name for target, source_name in (mapping or {}).items() if source_name in table.columns}
    table = table.rename(renames) if renames else table
    missing = [c for c in FIRM_COLUMNS if c not in table.columns and not (c == "nuts3" and "postcode" in table.columns)]
    if missing:
        raise validation.InvalidInput([Problem(str(source) if not isinstance(source, pd.DataFrame) else "<frame>",
                                               1, None, f"missing column(s) {', '.join(missing)}; the header has "
                                               f"{', '.join(table.columns)}")])
    return table


def aggregate(con: BaseBackend, firms: Table, *, industry_level: int = 4, nuts_level: int = 3,
              postcodes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, FirmsReport]:
    """Firms, employees, turnover and wages per region × industry × year (before disclosure control), and the
    report of what was left out.

    One grouping of the records by raw region code, raw industry code and year does most of the work: codes are
    checked on its distinct values (in Python, against the code lists), the report is counted from it, and its
    valid groups summed onto the cleaned codes are the cells. A cell's firms are its records with a firm id, less
    the records beyond the first of any firm with several in the cell (counted only where a firm has two records
    in one year)."""
    import ibis

    if postcodes is not None:
        lookup = ibis.memtable(postcodes.set_axis(["pc_key", "pc_nuts"], axis=1).astype(str))
        firms = firms.left_join(lookup, firms.postcode.cast("string") == lookup.pc_key).mutate(nuts3=lambda t: t.pc_nuts)
    firms = firms.mutate(raw_region=firms.nuts3.cast("string"), raw_nace=firms.nace.cast("string"),
                         year=firms.year.cast("int64"))
    groups = CodedGroups.of(con.to_pyarrow(_by_raw_codes(firms)), _region_at(nuts_level),
                            _industry_at(industry_level))
    cells = groups.valid_cells()
    repeated = _repeated_firm_years(con, firms)
    if repeated is not None:
        cells = _without_repeats(cells, con.to_pyarrow(_repeats_per_cell(firms, repeated, groups)))
    return groups.named(cells), groups.report()


def _by_raw_codes(firms: Table) -> Table:
    """Records, records with a firm id and the summed measures per raw region code × raw industry code × year."""
    return firms.group_by(["raw_region", "raw_nace", "year"]).aggregate(
        records=firms.count(), firms=firms.firm_id.count(), employees=firms.employees.cast("float64").sum(),
        turnover=firms.turnover.cast("float64").sum(), wages=firms.wages.cast("float64").sum())


# DuckDB refuses bitstrings much longer than this (2^30 bits fails); 2^28 bits is a 32 MB bitmap.
BITMAP_SLOTS = 2**28


def _repeated_firm_years(con: BaseBackend, firms: Table) -> Table | None:
    """The firm ids and years with two or more records (an expression, evaluated where it is used), or None where
    there are certainly none: on DuckDB with integer ids in a dense enough range, one pass setting a bit per
    firm-year rules repeats out before any GROUP BY."""
    keyed = firms.filter(firms.firm_id.notnull() & firms.year.notnull())
    if con.name == "duckdb" and keyed.firm_id.type().is_integer():
        bounds = con.to_pyarrow(keyed.aggregate(
            records=keyed.count(), first=keyed.firm_id.min(), last=keyed.firm_id.max(),
            first_year=keyed.year.min(), last_year=keyed.year.max())).to_pylist()[0]
        if not bounds["records"]:
            return None
        years = bounds["last_year"] - bounds["first_year"] + 1
        slots = (bounds["last"] - bounds["first"] + 1) * years
        if slots <= BITMAP_SLOTS:
            bitstring_agg, bit_count = _duckdb_bitmap()
            slot = (keyed.firm_id - bounds["first"]) * years + (keyed.year - bounds["first_year"])
            distinct = con.execute(keyed.aggregate(n=bit_count(bitstring_agg(slot, 0, slots - 1))))
            if int(distinct["n"].iloc[0]) == bounds["records"]:
                return None
    pairs = keyed.group_by(["firm_id", "year"]).aggregate(records=keyed.count())
    return pairs.filter(pairs.records > 1).select("firm_id", "year")


def _repeats_per_cell(firms: Table, repeated: Table, groups: CodedGroups) -> Table:
    """Per cell (region and industry as ids), the records beyond each firm's first there, among repeated
    firm-years only (a small part of the records)."""
    import ibis

    records = (firms.semi_join(repeated, ["firm_id", "year"])
               .join(ibis.memtable(groups.regions.raw_ids("raw_region", "region_id")), "raw_region")
               .join(ibis.memtable(groups.industries.raw_ids("raw_nace", "industry_id")), "raw_nace"))
    per_firm = records.group_by(["region_id", "industry_id", "year", "firm_id"]).aggregate(records=records.count())
    cells = per_firm.group_by(["region_id", "industry_id", "year"]).aggregate(
        repeats=(per_firm.records - 1).sum())
    return cells.filter(cells.repeats > 0)


def _without_repeats(cells: dict[str, np.ndarray], repeats: pa.Table) -> dict[str, np.ndarray]:
    """The cells with each firm counted once: a firm's records beyond its first in a cell taken off."""
    keys = list(CELL_COLUMNS[:3])
    frame = pd.DataFrame(cells).merge(repeats.to_pandas().astype("int64"), on=keys, how="left", validate="1:1")
    frame["firms"] = frame["firms"] - frame["repeats"].fillna(0).astype("int64")
    return {name: frame[name].to_numpy() for name in CELL_COLUMNS}


@functools.cache
def _duckdb_bitmap() -> tuple[Callable, Callable]:
    """DuckDB's `bitstring_agg` (bit `value - low` set for every value seen) and `bit_count`, declared for Ibis."""
    import ibis

    # Plain Python types: the module's postponed annotations are resolved in its globals.
    @ibis.udf.agg.builtin(name="bitstring_agg")
    def bitstring_agg(value: int, low: int, high: int) -> bytes: ...

    @ibis.udf.scalar.builtin(name="bit_count")
    def bit_count(bits: bytes) -> int: ...

    return bitstring_agg, bit_count


@dataclass
class CodedGroups:
    """The records grouped by raw codes and year, each group's raw codes checked and numbered: ids index the
    sorted valid codes at the requested level, -1 where a code is invalid."""

    table: pa.Table
    regions: CodeList
    industries: CodeList
    region_id: np.ndarray  # per group
    industry_id: np.ndarray
    no_year: np.ndarray  # the year is missing or outside tidy.plausible_years
    implausible_year: np.ndarray

    @classmethod
    def of(cls, table: pa.Table, region_at: Callable[[str], str | None],
           industry_at: Callable[[str], str | None]) -> CodedGroups:
        """Groups with their codes checked (each distinct code converted once)."""
        regions, industries_ = CodeList.of(table["raw_region"], region_at), CodeList.of(table["raw_nace"], industry_at)
        missing = table["year"].is_null().to_numpy(zero_copy_only=False)
        years = pd.Series(table["year"].fill_null(tidy.FIRST_YEAR).to_numpy(zero_copy_only=False))
        implausible = tidy.implausible_years(years).to_numpy()
        return cls(table, regions, industries_, regions.ids[regions.index], industries_.ids[industries_.index],
                   missing | implausible, implausible)

    def column(self, name: str) -> np.ndarray:
        """One column of the groups as a NumPy array."""
        return self.table[name].to_numpy()

    def report(self) -> FirmsReport:
        """Records per exclusion reason (the first that applies) and the commonest invalid codes."""
        records = self.column("records")
        no_region, no_industry = self.regions.blank[self.regions.index], self.industries.blank[self.industries.index]
        has_region, has_industry = self.region_id >= 0, self.industry_id >= 0
        reasons = {
            "missing_region": no_region,
            "unknown_region": ~no_region & ~has_region,
            "missing_industry": has_region & no_industry,
            "invalid_industry": has_region & ~no_industry & ~has_industry,
            "missing_year": has_region & has_industry & self.no_year & ~self.implausible_year,
            "implausible_year": has_region & has_industry & self.implausible_year,
        }
        excluded = {reason: int(records[mask].sum()) for reason, mask in reasons.items()}
        examples = {"region": self.regions.commonest(records, reasons["unknown_region"]),
                    "industry": self.industries.commonest(records, ~no_industry & ~has_industry)}
        rows = int(records.sum())
        return FirmsReport(rows=rows, aggregated=rows - sum(excluded.values()), excluded=excluded,
                           invalid_codes={kind: codes for kind, codes in examples.items() if codes})

    def valid_cells(self) -> dict[str, np.ndarray]:
        """Cells as sums of the valid groups: exact for the firm counts too when no firm has two records in a
        year, because then a firm is in one group per year."""
        cells = {"region_id": self.region_id, "industry_id": self.industry_id,
                 **{name: self.column(name) for name in CELL_COLUMNS[2:]}}
        valid = (self.region_id >= 0) & (self.industry_id >= 0) & ~self.no_year
        if not valid.all():  # copies only when something is left out
            rows = np.flatnonzero(valid)
            cells = {name: values[rows] for name, values in cells.items()}
        cells["year"] = cells["year"].astype("int64", copy=False)  # no nulls left
        if self.regions.one_to_one() and self.industries.one_to_one():
            return cells  # each cell is one group already
        # min_count=1: a measure missing from every group of a cell stays missing, as SQL's SUM leaves it.
        summed = pd.DataFrame(cells).groupby(list(CELL_COLUMNS[:3]), sort=False).sum(min_count=1).reset_index()
        return {name: summed[name].to_numpy() for name in CELL_COLUMNS}

    def named(self, cells: dict[str, np.ndarray]) -> pd.DataFrame:
        """Cells with their region and industry codes instead of ids, sorted by region, industry and year."""
        order = _cell_order(cells["region_id"], cells["industry_id"], cells["year"], len(self.industries.names))
        return pd.DataFrame({
            "region": self.regions.names[cells["region_id"][order]],
            "industry": self.industries.names[cells["industry_id"][order]],
            "year": cells["year"][order].astype("int64", copy=False),
            "firms": cells["firms"][order].astype("int64", copy=False),
            **{measure: cells[measure][order].astype("float64", copy=False) for measure in CELL_COLUMNS[4:]},
        }, copy=False)


@dataclass
class CodeList:
    """The distinct raw codes of one column, each converted once: its id (-1 where invalid) and whether it is
    blank; `names` are the converted codes by id (in sort order), `index` each group's raw code."""

    entries: np.ndarray
    ids: np.ndarray
    blank: np.ndarray
    names: np.ndarray
    index: np.ndarray

    @classmethod
    def of(cls, column: pa.ChunkedArray, convert: Callable[[str], str | None]) -> CodeList:
        """The code list of a string column (null counts as blank)."""
        import pyarrow.compute as pc

        distinct = pc.unique(column)
        index = pc.index_in(column, value_set=distinct, skip_nulls=False).to_numpy()
        entries = np.array([value or "" for value in distinct.to_pylist()], dtype=object)
        converted = [convert(code) if code else None for code in entries]
        names = np.array(sorted({code for code in converted if code is not None}), dtype=object)
        ids = np.array([-1 if code is None else int(np.searchsorted(names, code)) for code in converted],
                       dtype="int32")
        return cls(entries, ids, np.array([not code.strip() for code in entries], dtype=bool), names, index)

    def one_to_one(self) -> bool:
        """Whether every converted code comes from one raw code only."""
        return int((self.ids >= 0).sum()) == len(self.names)

    def raw_ids(self, raw_name: str, id_name: str) -> pd.DataFrame:
        """Valid raw codes with the id of their converted code, to join onto records."""
        valid = self.ids >= 0
        return pd.DataFrame({raw_name: self.entries[valid], id_name: self.ids[valid].astype("int64")})

    def commonest(self, records: np.ndarray, mask: np.ndarray, limit: int = 10) -> list[str]:
        """The raw codes covering most records among the masked groups (ties by code)."""
        weights = np.bincount(self.index[mask], weights=records[mask], minlength=len(self.entries))
        ranked = sorted((-weight, str(self.entries[i])) for i, weight in enumerate(weights) if weight > 0)
        return [code for _, code in ranked[:limit]]


def _cell_order(region_id: np.ndarray, industry_id: np.ndarray, year: np.ndarray, industries: int) -> np.ndarray:
    """Positions of the cells (each region × industry × year once) in region, industry, year order."""
    if not len(year):
        return np.arange(0)
    first_year = int(year.min())
    # Ids follow the codes' sort order, so one packed integer key orders all three.
    key = (region_id.astype("int64") * industries + industry_id) * (int(year.max()) - first_year + 1) + (
        year.astype("int64") - first_year)
    slots = int(key.max()) + 1
    if slots > 8 * len(key):
        return np.argsort(key)
    # Keys are distinct and dense: placing each cell at its key sorts in linear time.
    position = np.full(slots, -1, dtype="int64")
    position[key] = np.arange(len(key))
    return position[position >= 0]


def _region_at(level: int) -> Callable[[str], str | None]:
    """Valid NUTS 3 code → its ancestor at `level` (None where not a known NUTS 3 code)."""
    known = nuts_versions.code_versions()

    def region(raw: str) -> str | None:
        code = raw.strip().upper()
        return code[: level + 2] if len(code) == 5 and code in known else None

    return region


def _industry_at(level: int) -> Callable[[str], str | None]:
    """Valid NACE class → its code at `level` (section, division, group or class)."""

    def industry(code: str) -> str | None:
        normal = industries.nace_code(code) if code else None
        if normal is None or industries.nace_level(normal) < level:
            return None
        return normal[0] if level == 1 else normal[: level + 1]

    return industry


def tidy_aggregates(cells: pd.DataFrame, *, threshold: int) -> tuple[pd.DataFrame, int]:
    """Store-ready observations: one row per measure; cells resting on fewer than `threshold` firms suppressed
    (value NaN, flags ':c'); returns the number of suppressed cells too."""
    confidential = cells["firms"] < threshold
    long = cells.assign(confidential=confidential).melt(
        id_vars=["region", "industry", "year", "confidential"], value_vars=list(MEASURES),
        var_name="measure_code", value_name="value")
    long["measure"] = long["measure_code"].map(lambda c: MEASURES[c][0])
    long["unit"] = long["measure_code"].map(lambda c: MEASURES[c][1])
    long["value"] = long["value"].astype("float64").where(~long["confidential"])
    long["flags"] = long["confidential"].map({True: tidy.UNAVAILABLE + "c", False: ""})
    return long.drop(columns="confidential"), int(confidential.sum())


def read_firms(source: str | Path | pd.DataFrame, *, engine: str = "duckdb", mapping: dict[str, str] | None = None,
               postcodes: pd.DataFrame | None = None, industry_level: int = 4, nuts_level: int = 3,
               threshold: int = DISCLOSURE_THRESHOLD, con: BaseBackend | None = None
               ) -> tuple[pd.DataFrame, FirmsReport]:
    """Aggregated, disclosure-controlled, store-ready observations of firm records (cells of fewer than
    `threshold` firms suppressed), and the report; `con` (default: a new `engine` backend) runs the aggregation."""
    import duckdb

    con = con or connect(engine)
    try:
        firms = firms_table(con, source, mapping)
        cells, report = aggregate(con, firms, industry_level=industry_level, nuts_level=nuts_level,
                                  postcodes=postcodes)
    except duckdb.Error as error:  # DuckDB reads the file lazily: a bad CSV or a text in a number column fails here
        raise validation.InvalidInput([_unreadable(source, error)]) from None
    long, report.confidential_cells = tidy_aggregates(cells, threshold=threshold)
    frame = tidy.completed(long, classification=industries.NACE)
    return frame, report


def _unreadable(source: str | Path | pd.DataFrame, error: Exception) -> Problem:
    """One problem for a file DuckDB could not read: its line and first reason (DuckDB's message spans lines and
    starts with the error's kind, e.g. 'Conversion Error: ')."""
    text = str(error)
    line = re.search(r"\bLine: (\d+)", text)
    reasons = [part.strip() for part in text.splitlines()[1:] if part.strip() and not part.startswith("Original Line")]
    reason = reasons[0] if line and reasons else re.sub(r"^[\w ]+ Error: ", "", text.splitlines()[0])
    if "sniffing" in reason:  # DuckDB's sniffer found no consistent delimiter or quoting (binary data, not a table)
        reason = "no delimiter or quoting fits its lines (binary data or not a table?)"
    return Problem(str(source), int(line.group(1)) if line else None, None, f"cannot be read: {reason}")


def import_firms(store: StatisticsStore, source: str | Path, *, dataset: str | None = None, engine: str = "duckdb",
                 mapping: dict[str, str] | None = None, postcodes: pd.DataFrame | None = None,
                 industry_level: int = 4, nuts_level: int = 3, threshold: int = DISCLOSURE_THRESHOLD,
                 con: BaseBackend | None = None) -> tuple[pd.DataFrame, FirmsReport]:
    """Aggregate a firm file and store it as one dataset; the report goes into the provenance too."""
    from smartcluster.sources.files import file_provenance

    frame, report = read_firms(source, engine=engine, mapping=mapping, postcodes=postcodes, con=con,
                               industry_level=industry_level, nuts_level=nuts_level, threshold=threshold)
    name = dataset or Path(source).name.split(".")[0]
    store.replace_dataset(name, frame, file_provenance(
        source, engine=engine, mapping=mapping, threshold=threshold,
        industry_level=industry_level, nuts_level=nuts_level, report=report.__dict__))
    return frame, report
