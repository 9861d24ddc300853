"""Completing and checking parsed observations before they reach the store (shared by every importer)."""

from __future__ import annotations

import pandas as pd

from smartcluster.sources import industries, nuts_versions, validation

REQUIRED = ["region", "industry", "year", "measure", "value", "flags", "unit"]


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
