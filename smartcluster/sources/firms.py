"""Firm-level microdata aggregated to region × industry × year through Ibis, on DuckDB (default) or Spark.

Input columns (rename with `mapping`): firm_id, nuts3 (or postcode with a postcode→NUTS 3 table), nace, year,
employees, turnover, wages. The same Ibis expression runs on both engines. Firms whose region or industry is
missing or invalid are counted per reason and reported, never dropped silently. Cells with fewer firms than the
disclosure threshold (`SMARTCLUSTER_DISCLOSURE_THRESHOLD`, default 3) keep no value and are flagged `:c`, as
statistical offices suppress them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from smartcluster.sources import industries, nuts_versions, tidy, validation
from smartcluster.sources.validation import Problem

if TYPE_CHECKING:
    from ibis.backends import BaseBackend
    from ibis.expr.types import Table
    from pyspark.sql import SparkSession

    from smartcluster.statistics import StatisticsStore

FIRM_COLUMNS = ["firm_id", "nuts3", "nace", "year", "employees", "turnover", "wages"]
MEASURES = {"firms": ("firms", "number"), "employees": ("employees", "number"),
            "turnover": ("turnover", "EUR"), "wages": ("wages_and_salaries", "EUR")}
REASONS = ("missing_region", "unknown_region", "missing_industry", "invalid_industry", "missing_year")


def disclosure_threshold() -> int:
    """Fewest firms a published cell may rest on (`SMARTCLUSTER_DISCLOSURE_THRESHOLD`, default 3)."""
    return int(os.environ.get("SMARTCLUSTER_DISCLOSURE_THRESHOLD", "3"))


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


def connect(engine: str) -> BaseBackend:
    """An Ibis backend: in-process DuckDB, or Spark through the shared local session."""
    import ibis

    if engine == "duckdb":
        return ibis.duckdb.connect()
    if engine == "spark":
        return ibis.pyspark.connect(spark_session())
    raise ValueError(f"unknown engine {engine!r} (duckdb or spark)")


def spark_session() -> SparkSession:
    """The process's Spark session (local mode on the machine's cores unless a master is configured)."""
    from pyspark.sql import SparkSession

    return (SparkSession.builder.appName("smartcluster")
            .master(os.environ.get("SMARTCLUSTER_SPARK_MASTER", "local[*]"))
            .config("spark.ui.enabled", "false")
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
    report of what was left out. Two queries on the engine: the distinct raw codes with their counts (checked
    here, in Python, against the code lists), then the aggregate of the valid records."""
    import ibis

    if postcodes is not None:
        lookup = ibis.memtable(postcodes.set_axis(["pc_key", "pc_nuts"], axis=1).astype(str))
        firms = firms.left_join(lookup, firms.postcode.cast("string") == lookup.pc_key).mutate(nuts3=lambda t: t.pc_nuts)
    # Codes are cleaned on their distinct values in Python, not on every record in the engine.
    firms = firms.mutate(raw_region=firms.nuts3.cast("string"), raw_nace=firms.nace.cast("string"),
                         no_year=firms.year.isnull())
    combos = con.to_pandas(firms.group_by(["raw_region", "raw_nace", "no_year"]).aggregate(n=firms.count()))
    combos[["raw_region", "raw_nace"]] = combos[["raw_region", "raw_nace"]].fillna("")
    regions = _code_map(combos["raw_region"], _region_at(nuts_level), "raw_region", "region")
    codes = _code_map(combos["raw_nace"], _industry_at(industry_level), "raw_nace", "industry")
    report = _report(combos, regions, codes)
    region_ids, region_names = _numbered(regions, "raw_region", "region")
    industry_ids, industry_names = _numbered(codes, "raw_nace", "industry")
    # Integer cell keys group faster than strings; names are put back on the (far fewer) cells.
    valid = (firms.filter(firms.year.notnull())
             .join(ibis.memtable(region_ids), "raw_region")
             .join(ibis.memtable(industry_ids), "raw_nace"))
    # Exact distinct firms: one row per firm and cell first, then a plain count of the (non-null) firm ids —
    # the two GROUP BYs are far cheaper on DuckDB than COUNT(DISTINCT) and give the same number.
    per_firm = valid.group_by(["region_id", "industry_id", valid.year.cast("int64").name("year"), "firm_id"]
                              ).aggregate(employees=valid.employees.cast("float64").sum(),
                                          turnover=valid.turnover.cast("float64").sum(),
                                          wages=valid.wages.cast("float64").sum())
    cells = per_firm.group_by(["region_id", "industry_id", "year"]).aggregate(
        firms=per_firm.firm_id.count(), employees=per_firm.employees.sum(), turnover=per_firm.turnover.sum(),
        wages=per_firm.wages.sum())
    return _named_cells(con.to_pandas(cells), region_names, industry_names), report


def _numbered(code_map: pd.DataFrame, raw_name: str, name: str) -> tuple[pd.DataFrame, np.ndarray]:
    """Valid raw codes with the integer id of their converted code (ids follow the codes' sort order), and the
    converted codes indexed by id."""
    valid = code_map.dropna()
    names = np.sort(valid[name].unique()).astype(object)
    ids = np.searchsorted(names, valid[name].to_numpy()).astype("int32")
    return pd.DataFrame({raw_name: valid[raw_name].to_numpy(dtype=object), f"{name}_id": ids}), names


def _named_cells(cells: pd.DataFrame, region_names: np.ndarray, industry_names: np.ndarray) -> pd.DataFrame:
    """Cells with their region and industry codes instead of ids, sorted by region, industry and year."""
    region_id, industry_id = cells["region_id"].to_numpy(), cells["industry_id"].to_numpy()
    order = np.lexsort((cells["year"].to_numpy(), industry_id, region_id))
    return pd.DataFrame({
        "region": region_names[region_id[order]], "industry": industry_names[industry_id[order]],
        "year": cells["year"].to_numpy(dtype="int64")[order], "firms": cells["firms"].to_numpy(dtype="int64")[order],
        **{measure: cells[measure].to_numpy(dtype="float64")[order] for measure in ("employees", "turnover", "wages")},
    })


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


def _code_map(raw: pd.Series, convert: Callable[[str], str | None], raw_name: str, name: str) -> pd.DataFrame:
    """Distinct raw codes with their converted code (None where invalid)."""
    distinct = raw[raw != ""].astype(str).unique()
    return pd.DataFrame({raw_name: distinct, name: [convert(code) for code in distinct]}, dtype=object)


def _report(combos: pd.DataFrame, regions: pd.DataFrame, codes: pd.DataFrame) -> FirmsReport:
    """Counts of firm records per exclusion reason (the first reason that applies) and the commonest bad codes."""
    table = combos.merge(regions, on="raw_region", how="left").merge(codes, on="raw_nace", how="left")
    no_region, no_industry = table["raw_region"].str.strip() == "", table["raw_nace"].str.strip() == ""
    has_region, has_industry = table["region"].notna(), table["industry"].notna()
    reasons = {
        "missing_region": no_region,
        "unknown_region": ~no_region & ~has_region,
        "missing_industry": has_region & no_industry,
        "invalid_industry": has_region & ~no_industry & ~has_industry,
        "missing_year": has_region & has_industry & table["no_year"],
    }
    excluded = {reason: int(table.loc[mask, "n"].sum()) for reason, mask in reasons.items()}
    examples = {kind: _commonest(table[mask], column) for kind, column, mask in (
        ("region", "raw_region", reasons["unknown_region"]), ("industry", "raw_nace", ~no_industry & ~has_industry))}
    rows = int(table["n"].sum())
    return FirmsReport(rows=rows, aggregated=rows - sum(excluded.values()), excluded=excluded,
                       invalid_codes={kind: codes for kind, codes in examples.items() if codes})


def _commonest(rows: pd.DataFrame, column: str, limit: int = 10) -> list[str]:
    """The codes of `column` covering most records (ties by code)."""
    counts = rows.groupby(column)["n"].sum().reset_index().sort_values(["n", column], ascending=[False, True])
    return counts[column].head(limit).tolist()


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
               threshold: int | None = None, con: BaseBackend | None = None) -> tuple[pd.DataFrame, FirmsReport]:
    """Aggregated, disclosure-controlled, store-ready observations of firm records, and the report."""
    con = con or connect(engine)
    firms = firms_table(con, source, mapping)
    cells, report = aggregate(con, firms, industry_level=industry_level, nuts_level=nuts_level, postcodes=postcodes)
    long, report.confidential_cells = tidy_aggregates(cells, threshold=threshold or disclosure_threshold())
    frame = tidy.completed(long, classification=industries.NACE)
    return frame, report


def import_firms(store: StatisticsStore, source: str | Path, *, dataset: str | None = None, engine: str = "duckdb",
                 mapping: dict[str, str] | None = None, postcodes: pd.DataFrame | None = None,
                 industry_level: int = 4, nuts_level: int = 3, threshold: int | None = None
                 ) -> tuple[pd.DataFrame, FirmsReport]:
    """Aggregate a firm file and store it as one dataset; the report goes into the provenance too."""
    from smartcluster.sources.files import file_provenance

    frame, report = read_firms(source, engine=engine, mapping=mapping, postcodes=postcodes,
                               industry_level=industry_level, nuts_level=nuts_level, threshold=threshold)
    name = dataset or Path(source).name.split(".")[0]
    store.replace_dataset(name, frame, file_provenance(
        source, engine=engine, mapping=mapping, threshold=threshold or disclosure_threshold(),
        industry_level=industry_level, nuts_level=nuts_level, report=report.__dict__))
    return frame, report
