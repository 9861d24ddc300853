"""Problem reports: every problem of an input (file, line, column, what is wrong), checked before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from smartcluster.sources import nuts_versions

# measure_code tells apart rows of a dataset's other dimensions (e.g. a size class) under one measure name.
KEY_COLUMNS = ["region", "nuts_version", "industry", "classification", "year", "measure", "measure_code", "unit"]
MAX_LISTED = 200


@dataclass(frozen=True)
class Problem:
    """One problem: where (file, 1-based line as in the file, column name) and what."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        where += f" [{self.column}]" if self.column else ""
        return f"{where}: {self.message}"


class InvalidInput(ValueError):
    """Raised with every problem found; nothing has been written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.summary())

    def summary(self) -> str:
        """One line: how many problems and the first one."""
        first = str(self.problems[0]) if self.problems else "no detail"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return f"{len(self.problems)} problem(s) in the input: {first}{more}"

    def report(self) -> str:
        """Every problem on its own line (the first MAX_LISTED; the count of the rest)."""
        lines = [str(problem) for problem in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"… and {len(self.problems) - MAX_LISTED} more problems")
        return "\n".join(lines)


def raise_if_any(problems: list[Problem]) -> None:
    """Stop the import when there is any problem."""
    if problems:
        raise InvalidInput(problems)


def observation_problems(frame: pd.DataFrame, *, file: str, line: pd.Series,
                         columns: dict[str, pd.Series]) -> list[Problem]:
    """Problems of parsed observations: unknown or wrongly versioned regions, negative values, duplicate keys.
    `line` gives each row's line in the file and `columns` each row's source column per field."""
    problems: list[Problem] = []
    problems += _region_problems(frame, file, line, columns["region"])
    negative = (frame["value"] < 0) & frame["measure"].isin(COUNT_MEASURES)
    problems += _listed(frame[negative], file, line, columns["value"],
                        lambda row: f"negative value {row.value:g} for {row.measure}")
    duplicated = frame.duplicated([column for column in KEY_COLUMNS if column in frame], keep="first")
    problems += _listed(frame[duplicated], file, line, columns["value"],
                        lambda row: f"duplicate key: {row.region} {row.industry} {row.year} {row.measure} "
                                    "appears on an earlier line too")
    return problems


# Counts cannot be negative; money measures can (value added; Eurostat even prints negative wages, e.g. NO06 B06).
COUNT_MEASURES = frozenset({"persons_employed", "employees", "local_units", "firms", "employment_lfs"})


def _region_problems(frame: pd.DataFrame, file: str, line: pd.Series, column: pd.Series) -> list[Problem]:
    """Unknown region codes, and codes absent from the NUTS version a dataset names."""
    versions = nuts_versions.code_versions()
    distinct = frame[["region", "nuts_version"]].drop_duplicates()
    unknown = {r for r in distinct["region"] if not nuts_versions.is_aggregate(r) and r not in versions}
    wrong = {(r, int(v)) for r, v in zip(distinct["region"], distinct["nuts_version"], strict=True)
             if r not in unknown and pd.notna(v) and not nuts_versions.exists_in(r, int(v))}
    problems = _listed(frame[frame["region"].isin(unknown)], file, line, column,
                       lambda row: f"unknown NUTS region code {row.region!r}")
    if wrong:
        suspects = frame[frame["region"].isin({region for region, _ in wrong})]
        pairs = zip(suspects["region"], suspects["nuts_version"], strict=True)
        suspects = suspects[[(r, int(v)) in wrong for r, v in pairs]]
        problems += _listed(suspects, file, line, column,
                            lambda row: f"region {row.region} does not exist in NUTS {int(row.nuts_version)}")
    return problems


def _listed(rows: pd.DataFrame, file: str, line: pd.Series, column: pd.Series,
            message: Callable[[tuple], str]) -> list[Problem]:
    """One problem per row."""
    return [Problem(file, int(line[index]), str(column[index]), message(row))
            for index, row in zip(rows.index, rows.itertuples(index=False), strict=True)]
