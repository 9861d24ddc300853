"""Checks shared by the measures: required columns, one NUTS version per year, country of a NUTS code."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


class MappingInputError(ValueError):
    """Input a measure cannot use; the message names what is wrong."""


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise MappingInputError naming the columns of `columns` that `frame` lacks."""
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise MappingInputError(f"{what} lacks column(s) {', '.join(missing)} (has {', '.join(map(str, frame.columns))})")


def require_single_nuts_version(frame: pd.DataFrame, by: str | None = "year") -> None:
    """Refuse input mixing NUTS versions (within one `by` group): codes of two versions are not comparable."""
    if "nuts_version" not in frame.columns or frame.empty:
        return
    groups = frame.groupby(by)["nuts_version"] if by else [(None, frame["nuts_version"])]
    for key, versions in groups:
        distinct = sorted(versions.dropna().unique().tolist())
        if len(distinct) > 1:
            where = f" in {by} {key}" if by else ""
            raise MappingInputError(
                f"regions of NUTS versions {', '.join(map(str, distinct))} are mixed{where}: select one version "
                "(e.g. nuts_version=...) or convert the codes first")


def country_of(regions: pd.Series) -> pd.Series:
    """Country code of NUTS codes (their first two letters; Greece is EL)."""
    return regions.astype(str).str[:2]


def key_columns(frame: pd.DataFrame, *columns: str) -> list[str]:
    """`columns` plus nuts_version when the frame carries it, so versions travel with the codes."""
    return [*columns, "nuts_version"] if "nuts_version" in frame.columns else list(columns)


def on_single_nuts_version(frame: pd.DataFrame, version: int) -> tuple[pd.DataFrame, list[str]]:
    """Rows moved to one NUTS version where the recoding is one-to-one (smartcluster.sources.nuts_versions, where a
    row published in `version` wins over a recoded one); returns them and the codes that could not be moved (left
    out, to be reported, never mixed silently)."""
    from smartcluster.sources.nuts_versions import on_version

    moved = on_version(frame, version)
    left_out = sorted(set(moved.loc[moved["nuts_version"] != version, "region"]))
    return moved[moved["nuts_version"] == version].reset_index(drop=True), left_out
