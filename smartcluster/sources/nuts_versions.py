"""NUTS versions: which version a region code belongs to, and one-to-one recoding between versions.

Code lists: `nuts_codes.csv` and `nuts_changes.csv` next to this module, derived from Eurostat's NUTS history
tables by `derive_code_tables.py` (2006–2024 codes; change tables 2006→2010→2013→2016→2021).

Inference rule (for datasets that do not name their version): a code that exists in one version only gets that
version. Otherwise the data year picks the version in force for that reference year (NUTS 2006: 2008–2011,
2010: 2012–2014, 2013: 2015–2017, 2016: 2018–2020, 2021: 2021–2023, 2024: 2024 on — the years from which each
NUTS regulation applies); when the code does not exist in that version, the nearest version holding it (the latest
earlier one, else the earliest later one). So LT00 in 2014 is NUTS 2010 and LT01 in 2016 NUTS 2016; EL11 in 2008
is NUTS 2010 (its only version), EL51 NUTS 2013 or later; HR04 in 2015 is NUTS 2013, HR02 NUTS 2021.
"""

from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
# First reference year each NUTS version applies to (the NUTS regulations and their amendments).
VERSION_START = {2006: 2008, 2010: 2012, 2013: 2015, 2016: 2018, 2021: 2021, 2024: 2024}
VERSIONS = tuple(sorted(VERSION_START))
# Codes of groupings of countries (EU28, EA19, EU27_2020, EEA, EFTA): not NUTS regions; stored with level -1.
AGGREGATE_CODE = re.compile(r"^(EU|EA|EEA|EFTA)\d*(_\d{4})?$")
NO_VERSION = 0


@functools.cache
def code_versions() -> dict[str, tuple[int, ...]]:
    """Every known NUTS code with the versions in which it exists."""
    table = pd.read_csv(HERE / "nuts_codes.csv", dtype=str, keep_default_na=False)
    return {code: tuple(int(v) for v in versions.split()) for code, versions in zip(table["code"], table["versions"],
                                                                                    strict=True)}


@functools.cache
def version_steps() -> dict[int, tuple[dict[str, str], frozenset[str]]]:
    """Per version step (from-version): its one-to-one recodes and the codes whose region changed."""
    table = pd.read_csv(HERE / "nuts_changes.csv", dtype=str, keep_default_na=False)
    steps: dict[int, tuple[dict[str, str], frozenset[str]]] = {}
    for from_version, rows in table.groupby("from_version"):
        recodes = rows[rows["kind"] == "recode"]
        changed = rows.loc[rows["kind"] == "changed", "code_from"]
        steps[int(from_version)] = (dict(zip(recodes["code_from"], recodes["code_to"], strict=True)),
                                    frozenset(changed))
    return steps


def is_aggregate(code: str) -> bool:
    """Whether a region code names a group of countries (EU28, EA19…) rather than a NUTS region."""
    return bool(AGGREGATE_CODE.match(code))


def nuts_level(code: str) -> int:
    """The NUTS level of a code from its length (DE 0, DE1 1, DE11 2, DE111 3); -1 for country groups."""
    return -1 if is_aggregate(code) else len(code) - 2


def version_in_force(year: int) -> int:
    """The NUTS version applying to a reference year (the earliest version for years before 2008)."""
    starts = [VERSION_START[v] for v in VERSIONS]
    return VERSIONS[max(bisect.bisect_right(starts, year) - 1, 0)]


def infer_version(code: str, year: int) -> int | None:
    """The NUTS version of `code` in data for `year` by the module's rule; None for an unknown code."""
    if is_aggregate(code):
        return NO_VERSION
    versions = code_versions().get(code)
    if not versions:
        return None
    in_force = version_in_force(year)
    earlier = [v for v in versions if v <= in_force]
    return earlier[-1] if earlier else versions[0]


def infer_versions(regions: pd.Series, years: pd.Series) -> pd.Series:
    """`infer_version` over two aligned columns (computed once per distinct code and year); <NA> where unknown."""
    codes, distinct_codes = pd.factorize(regions.fillna(""))
    year_codes, distinct_years = pd.factorize(pd.Series(years.to_numpy(dtype=np.int64)))
    # One integer per (code, year) pair, from the two factor codes: exact whatever the years are.
    keys, inverse = np.unique(codes.astype(np.int64) * len(distinct_years) + year_codes, return_inverse=True)
    versions = pd.array([infer_version(distinct_codes[key // len(distinct_years)],
                                       int(distinct_years[key % len(distinct_years)])) for key in keys],
                        dtype="Int64")
    return pd.Series(versions[inverse.ravel()], index=regions.index, name="nuts_version")


def exists_in(code: str, version: int) -> bool:
    """Whether a code exists in a NUTS version (country groups exist in none and are accepted)."""
    return is_aggregate(code) or version in code_versions().get(code, ())


def recode(code: str, from_version: int, to_version: int) -> str | None:
    """The same region's code in another version when every step is one-to-one; None where boundaries changed."""
    if from_version == to_version or is_aggregate(code):
        return code
    if from_version not in VERSION_START or to_version not in VERSION_START or 2024 in (from_version, to_version):
        return None  # no change table reaches 2024 (or unknown versions): nothing can be proven the same
    path = [v for v in VERSIONS if min(from_version, to_version) <= v <= max(from_version, to_version)]
    if from_version > to_version:
        path = path[::-1]
    current: str | None = code
    for start, end in zip(path, path[1:], strict=False):
        current = _recode_step(current, start, end)
        if current is None:
            return None
    return current


def _recode_step(code: str, start: int, end: int) -> str | None:
    """One step between adjacent versions, forwards or backwards."""
    forward = start < end
    recodes, changed = version_steps()[min(start, end)]
    if forward:
        if code in changed:
            return None
        target = recodes.get(code, code)
    else:
        inverse = {new: old for old, new in recodes.items()}
        target = inverse.get(code, code)
        if target in changed:
            return None
    return target if exists_in(target, end) else None


def on_version(observations: pd.DataFrame, version: int) -> pd.DataFrame:
    """Observations moved to one NUTS version where the recoding is one-to-one; other rows keep their version.

    Rows that cannot be moved (boundaries changed) stay with their own `nuts_version`, so a series is never
    stitched silently: filter on `nuts_version == version` to keep only comparable rows. A recoded row meeting a
    row published under its new code (same region, year and other key columns; EL11 -> EL51 in 2014) is dropped:
    the published one wins (among recoded rows only, the newest source version). attrs["superseded"] lists the
    dropped rows as (old code, old version, new code, year).
    """
    frame = observations.copy()
    pairs = frame[["region", "nuts_version"]].drop_duplicates()
    lookup = {(r, v): (recode(r, int(v), version) if v != NO_VERSION else None)
              for r, v in zip(pairs["region"], pairs["nuts_version"], strict=True)}
    target = pd.Series([lookup[key] for key in zip(frame["region"], frame["nuts_version"], strict=True)],
                       index=frame.index, dtype=object)
    movable = target.notna().to_numpy()
    source_version = frame["nuts_version"].to_numpy(copy=True)
    source_region = frame["region"].to_numpy(copy=True)
    recoded = movable & (source_version != version)
    frame.loc[movable, "region"] = target[movable]
    frame.loc[movable, "nuts_version"] = version
    superseded = _superseded(frame, movable, recoded, source_version)
    kept = frame[~superseded]
    kept.attrs["superseded"] = Superseded(sorted({(r, int(v), new, int(y)) for r, v, new, y in zip(
        source_region[superseded], source_version[superseded], frame["region"].to_numpy()[superseded],
        frame["year"].to_numpy()[superseded], strict=True)}) if "year" in frame.columns else ())
    return kept


class Superseded(tuple):
    """The (old code, old version, new code, year) of recoded rows dropped for published ones. Immutable, so the
    deep copy pandas makes of attrs after every operation can share it: copying thousands of tuples each time made
    every later step on the frame slow."""

    def __deepcopy__(self, memo: dict) -> Superseded:
        return self


def _superseded(frame: pd.DataFrame, on_target: np.ndarray, recoded: np.ndarray,
                source_version: np.ndarray) -> np.ndarray:
    """Recoded rows whose key is already held on the target version by a published row or a newer recoded one."""
    from smartcluster.sources.validation import KEY_COLUMNS  # validation imports this module

    keys = [column for column in KEY_COLUMNS if column in frame.columns and column != "nuts_version"]
    # published rows first, then recoded rows from the newest source version down; later duplicates lose
    rank = np.where(recoded, 1 + VERSIONS[-1] - source_version.astype(np.int64), 0)
    positions = np.flatnonzero(on_target)
    order = positions[np.argsort(rank[positions], kind="stable")]
    later = frame.iloc[order][keys].duplicated().to_numpy()
    dropped = np.zeros(len(frame), dtype=bool)
    dropped[order[later]] = True
    return dropped & recoded
