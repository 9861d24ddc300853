"""US Cluster Mapping rules (Delgado, Porter & Stern 2016; the USCMP open pipeline, methods/cluster-mapping.md).

Cluster-level inputs (region_type, region_code, cluster_code, traded, emp, est[, year]) against national totals
(cluster_code, traded, national employment) give traded/local LQs, qualifying / significant / strong / strong10
flags, ranks within a region type and, over several years, employment CAGR. NAICS-level inputs are summed to
clusters first through the benchmark definitions (`naics_to_clusters`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from smartcluster.mapping.frames import MappingInputError, require_columns
from smartcluster.mapping.growth import cagr

REGION_COLUMNS = ["region_type", "region_code", "cluster_code", "traded", "emp", "est"]
FLAGS = ["qualifying", "significant", "strong", "strong10"]


def read_cluster_inputs(path: str | Path) -> pd.DataFrame:
    """Read a USCMP cluster input file (CSV, optionally gzipped) with at least the REGION_COLUMNS."""
    frame = _read_csv(path, {"region_code": str, "region_type": str})
    require_columns(frame, REGION_COLUMNS, f"regions file {path}")
    return frame.assign(traded=_as_bool(frame["traded"], path), cluster_code=_as_int(frame["cluster_code"], path))


def read_national_totals(path: str | Path) -> pd.DataFrame:
    """Read national employment per cluster: cluster_code, traded and one employment column (emp or us_emp_*)."""
    frame = _read_csv(path, {})
    require_columns(frame, ["cluster_code", "traded"], f"national file {path}")
    emp = [c for c in frame.columns if c == "emp" or c.startswith("us_emp")]
    if not emp:
        raise MappingInputError(f"national file {path} has no employment column (emp or us_emp_<year>)")
    return pd.DataFrame({"cluster_code": _as_int(frame["cluster_code"], path),
                         "traded": _as_bool(frame["traded"], path),
                         "national_emp": pd.to_numeric(frame[emp[0]], errors="coerce")})


def _read_csv(path: str | Path, dtypes: dict) -> pd.DataFrame:
    if not Path(path).is_file():
        raise MappingInputError(f"{path} does not exist")
    try:
        return pd.read_csv(path, dtype=dtypes)
    except (pd.errors.ParserError, UnicodeDecodeError, EOFError, OSError) as error:
        raise MappingInputError(f"{path} is not a readable CSV file: {error}") from error


def _as_bool(column: pd.Series, path: str | Path) -> pd.Series:
    text = column.astype(str).str.strip().str.lower()
    if not text.isin(["true", "false", "1", "0"]).all():
        raise MappingInputError(f"{path}: column traded must be True/False")
    return text.isin(["true", "1"])


def _as_int(column: pd.Series, path: str | Path) -> pd.Series:
    numbers = pd.to_numeric(column, errors="coerce")
    if numbers.isna().any():
        raise MappingInputError(f"{path}: cluster_code must be a number in every row")
    return numbers.astype(int)


def naics_to_clusters(frame: pd.DataFrame, definitions: pd.DataFrame) -> pd.DataFrame:
    """Sum NAICS-level emp/est (columns region_type, region_code, naics, emp, est[, year]) to benchmark clusters.

    `definitions` maps naics -> cluster_code, traded (e.g. us_benchmark_cluster_definitions_naics.csv with
    traded_local); NAICS codes outside the definitions are dropped and counted in attrs["unmapped_naics"].
    """
    require_columns(frame, ["region_type", "region_code", "naics", "emp", "est"], "NAICS input")
    defs = definitions.dropna(subset=["cluster_code"]).copy()
    if "traded" not in defs.columns:
        require_columns(defs, ["traded_local"], "cluster definitions")
        defs["traded"] = defs["traded_local"].str.strip().eq("Traded")
    defs = defs.assign(naics=defs["naics"].astype(str).str.strip(), cluster_code=defs["cluster_code"].astype(int))
    joined = frame.assign(naics=frame["naics"].astype(str).str.strip()).merge(
        defs[["naics", "cluster_code", "traded"]], on="naics", how="left")
    keys = ["region_type", "region_code", *(["year"] if "year" in frame.columns else []), "cluster_code", "traded"]
    # a cluster whose NAICS cells are all unknown stays unknown, not 0
    out = joined.dropna(subset=["cluster_code"]).groupby(keys)[["emp", "est"]].sum(min_count=1).reset_index()
    out.attrs["unmapped_naics"] = int(joined["cluster_code"].isna().sum())
    return out


def us_cluster_strength(regions: pd.DataFrame, national: pd.DataFrame) -> pd.DataFrame:
    """Apply the USCMP rules to cluster-level inputs; adds emp_traded_or_local, lq, the four flags, ranks, CAGR.

    region_emp_per = emp / emp of the region's traded (or local) clusters; LQ = region_emp_per /
    (national emp of the cluster / national traded (or local) emp), national figures from `national`. Over the
    regions of one type (and year) with emp > 0, per cluster, with linearly interpolated quantiles Q:
    qualifying LQ > Q25(LQ); significant LQ > Q50(LQ); strong LQ >= Q75(LQ) and LQ >= 1; strong10 the same with
    Q90 - each also needing emp > Q25(emp) and est > Q25(est). Flags are for traded clusters only (<NA> for local).
    Ranks (1 = largest) run within region type, cluster and year. With several years, emp_cagr spans first to last.

    >>> us_cluster_strength(read_cluster_inputs(states_csv), read_national_totals(national_csv))
    """
    require_columns(regions, REGION_COLUMNS, "regions")
    require_columns(national, ["cluster_code", "traded", "national_emp"], "national totals")
    frame = regions.assign(traded=regions["traded"].astype(bool))
    if "year" not in frame.columns:
        frame["year"] = 0
    missing = sorted(set(frame["cluster_code"]) - set(national["cluster_code"]))
    if missing:
        raise MappingInputError(f"national totals lack cluster(s) {', '.join(map(str, missing))}")
    national = national.assign(traded=national["traded"].astype(bool))
    nat = national.assign(national_type_emp=national.groupby("traded")["national_emp"].transform("sum", min_count=1))
    frame = frame.merge(nat[["cluster_code", "national_emp", "national_type_emp"]], on="cluster_code", how="left")
    frame["emp_traded_or_local"] = frame.groupby(["region_type", "region_code", "year", "traded"])["emp"].transform(
        "sum", min_count=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["region_emp_per"] = frame["emp"] / frame["emp_traded_or_local"]
        # LQ against national traded (or local) totals (Delgado, Porter & Stern 2016; USCMP pipeline)
        frame["lq"] = frame["region_emp_per"] / (frame["national_emp"] / frame["national_type_emp"])
    frame = _with_flags(frame)
    group = frame.groupby(["region_type", "year", "cluster_code"])
    frame["emp_rank"] = group["emp"].rank(ascending=False, method="min").astype("Int64")
    frame["lq_rank"] = group["lq"].rank(ascending=False, method="min").astype("Int64")
    if frame["year"].nunique() > 1:
        frame = _with_cagr(frame)
    if "year" not in regions.columns:
        frame = frame.drop(columns="year")
    return frame


def _with_flags(frame: pd.DataFrame) -> pd.DataFrame:
    population = frame[frame["emp"] > 0]
    q = population.groupby(["region_type", "year", "cluster_code"]).agg(
        lq25=("lq", lambda s: np.quantile(s, 0.25)), lq50=("lq", lambda s: np.quantile(s, 0.5)),
        lq75=("lq", lambda s: np.quantile(s, 0.75)), lq90=("lq", lambda s: np.quantile(s, 0.9)),
        emp25=("emp", lambda s: np.quantile(s, 0.25)), est25=("est", lambda s: np.quantile(s, 0.25)))
    # linearly interpolated quartiles (numpy default) over regions with emp > 0, per cluster (USCMP)
    cut = frame.join(q, on=["region_type", "year", "cluster_code"])
    size = (cut["emp"] > cut["emp25"]) & (cut["est"] > cut["est25"])
    rules = {
        "qualifying": (cut["lq"] > cut["lq25"]) & size,
        "significant": (cut["lq"] > cut["lq50"]) & size,
        "strong": (cut["lq"] >= cut["lq75"]) & (cut["lq"] >= 1) & size,
        "strong10": (cut["lq"] >= cut["lq90"]) & (cut["lq"] >= 1) & size,
    }
    for name, rule in rules.items():
        frame[name] = rule.astype("boolean").mask(~frame["traded"])
    return frame


def _with_cagr(frame: pd.DataFrame) -> pd.DataFrame:
    first, last = frame["year"].min(), frame["year"].max()
    keys = ["region_type", "region_code", "cluster_code"]
    start = frame[frame["year"] == first].set_index(keys)["emp"]
    end = frame[frame["year"] == last].set_index(keys)["emp"]
    rates = pd.Series(cagr(start.reindex(end.index).to_numpy(), end.to_numpy(), last - first), index=end.index)
    return frame.join(rates.rename("emp_cagr"), on=keys)
