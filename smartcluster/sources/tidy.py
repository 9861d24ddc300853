"""Completing and checking parsed observations before they reach the store (shared by every importer)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from smartcluster.sources import industries, nuts_versions, validation

UNAVAILABLE = ":"
NOT_APPLICABLE = "-"
CELL = r"^(?P<token>\S*)\s*(?P<flags>.*)$"
NUMBER = r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"
# No regional statistics series starts before 1950 (Eurostat's start in the 1970s) and none reports beyond next year:
# a year outside that range is a typo or not a year, so every importer refuses it.
FIRST_YEAR = 1950


def plausible_years() -> range:
    """The reference years an import accepts: FIRST_YEAR to next year."""
    return range(FIRST_YEAR, datetime.now(UTC).year + 2)


def implausible_years(years: pd.Series) -> pd.Series:
    """Whether each year lies outside `plausible_years`."""
    accepted = plausible_years()
    return (years < accepted.start) | (years >= accepted.stop)


def implausible_year_message(year: object) -> str:
    """What is wrong with a year outside `plausible_years`, and the range."""
    accepted = plausible_years()
    return f"year {year} is outside the plausible range {accepted.start}–{accepted.stop - 1}"


def split_cells(raw: np.ndarray) -> pd.DataFrame:
    """Eurostat-style cells (`123`, `123 p`, `: c`, `-`) as token, value (NaN unless a number) and flags, where
    flags start with `:` (not available) or `-` for those cells (in Arrow, for speed on millions of cells)."""
    # A table of figures repeats its cells (`:`, `: c`, small counts): split each distinct cell once.
    codes, distinct = pd.factorize(pd.Series(raw, dtype=object).fillna(""))
    parts = pc.extract_regex(pc.utf8_trim_whitespace(pa.array(np.asarray(distinct, dtype=object), type=pa.string())),
                             CELL)
    token = parts.field("token")
    letters = pc.replace_substring(parts.field("flags"), " ", "")
    number = pc.if_else(pc.match_substring_regex(token, NUMBER), token, pa.scalar(None, pa.string()))
    marker = pc.if_else(pc.is_in(token, pa.array([UNAVAILABLE, NOT_APPLICABLE])), token, "")
    flags = pc.binary_join_element_wise(marker, letters, "")
    return pd.DataFrame({
        "token": token.to_numpy(zero_copy_only=False)[codes],
        "value": pc.cast(number, pa.float64()).to_numpy(zero_copy_only=False)[codes],
        "flags": flags.to_numpy(zero_copy_only=False)[codes],
    })


def not_numbers(cells: pd.DataFrame) -> pd.Series:
    """Cells whose token is neither a number, `:` nor `-` (text in a number field, an empty cell)."""
    return cells["value"].isna() & ~cells["token"].isin([UNAVAILABLE, NOT_APPLICABLE])



def completed(frame: pd.DataFrame, *, classification: str) -> pd.DataFrame:
    """Add NUTS version (inferred where absent), NUTS level, industry level and classification."""
    frame = frame.copy()
    if "nuts_version" not in frame:
        frame["nuts_version"] = pd.NA
    given = pd.to_numeric(frame["nuts_version"], errors="coerce").astype("Int64")
    inferred = nuts_versions.infer_versions(frame["region"], frame["year"])
    frame["nuts_version"] = given.fillna(inferred)
    frame["nuts_level"] = frame["region"].map(_level_lookup(frame["region"]))
    frame["industry_level"] = industries.industry_levels(frame["industry"], classification)
    frame["classification"] = classification
    if "measure_code" not in frame:
        frame["measure_code"] = ""
    return frame


def checked(frame: pd.DataFrame, *, file: str, line: pd.Series, columns: dict[str, pd.Series],
            classification: str) -> list[validation.Problem]:
    """Every problem of completed observations: those of `validation.observation_problems` and unknown industries."""
    problems = validation.observation_problems(frame, file=file, line=line, columns=columns)
    invalid = frame["industry_level"].isna()
    problems += [validation.Problem(file, int(line[i]), str(columns["industry"][i]),
                                    f"unknown {classification} industry code {code!r}")
                 for i, code in frame.loc[invalid, "industry"].items()]
    return problems


def _level_lookup(regions: pd.Series) -> dict[str, int]:
    """NUTS level per distinct region code."""
    return {code: nuts_versions.nuts_level(code) for code in regions.unique()}
