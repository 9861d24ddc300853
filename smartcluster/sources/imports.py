"""Reading an uploaded workbook (.xlsx) or CSV file into rows of named sheets, for the registry, funding and
evaluation imports: every problem is listed as (sheet, row, column, why) and a service saves nothing unless there
are none. The file guards of `smartcluster.sources` refuse oversized or malformed files before they are parsed."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from smartcluster import config
from smartcluster.sources import guards
from smartcluster.sources.validation import InvalidInput, Problem

CSV_SUFFIX = ".csv"
DELIMITERS = (",", ";", "\t")
ROW = "\x00row"  # the row number as the spreadsheet shows it, carried beside the cells


@dataclass(frozen=True)
class RowProblem:
    """One problem of an import: where (sheet, row number as the spreadsheet shows it, column) and why."""

    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        row = f", row {self.row}" if self.row is not None else ""
        column = f", column {self.column}" if self.column else ""
        return f"{self.sheet}{row}{column}: {self.message}"


class ImportRefused(Exception):  # noqa: N818 - a refusal, named like the platform's other refusals
    """Raised with every problem of an import; nothing has been saved."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s); nothing was saved")


@dataclass(frozen=True)
class Row:
    """One data row of a sheet: its number as the spreadsheet shows it (the header is row 1) and its cells."""

    sheet: str
    number: int
    cells: Mapping[str, str] = field(default_factory=dict)


def sheet_rows(payload: bytes, *, filename: str, sheets: Mapping[str, Sequence[str]]) -> dict[str, list[Row]]:
    """The rows of each expected sheet (name → required columns); a CSV file is the first sheet named. A missing
    sheet or column, or a file that is not a readable table, is refused naming it."""
    tables = _csv_tables(payload, filename, sheets) if filename.lower().endswith(CSV_SUFFIX) else \
        _workbook_tables(payload, filename, sheets)
    problems = [RowProblem(sheet, 1, column, "missing column")
                for sheet, table in tables.items() for column in sheets[sheet] if column not in table.columns]
    if problems:
        raise ImportRefused(problems)
    return {sheet: [Row(sheet, int(record.pop(ROW)), {k: str(v).strip() for k, v in record.items()})
                    for record in table.to_dict("records")
                    if any(str(v).strip() for k, v in record.items() if k != ROW)]
            for sheet, table in tables.items()}


def _refused_file(filename: str, error: InvalidInput) -> ImportRefused:
    """The file guards' refusal as the import's (the file named as uploaded, never a server path)."""
    return ImportRefused([RowProblem(filename, problem.line, problem.column or "", problem.message)
                          for problem in error.problems])


def _workbook_tables(payload: bytes, filename: str, sheets: Mapping[str, Sequence[str]]) -> dict[str, pd.DataFrame]:
    limits = config.file_limits()
    try:
        if len(payload) > limits.upload_max_bytes:
            raise InvalidInput([Problem(filename, None, None, "the file is larger than the upload limit")])
        engine = guards.workbook_checked(payload, file=filename, limits=limits)
    except InvalidInput as error:
        raise _refused_file(filename, error) from error
    try:
        book = pd.read_excel(io.BytesIO(payload), sheet_name=None, dtype=str, engine=engine)
    except Exception as error:  # any reader error means a bad file for the user
        raise ImportRefused([RowProblem(filename, None, "", "not a readable Excel workbook")]) from error
    missing = [RowProblem(sheet, None, "", "missing sheet") for sheet in sheets if sheet not in book]
    if missing:
        raise ImportRefused(missing)
    return {sheet: _cleaned(book[sheet]) for sheet in sheets}


def _csv_tables(payload: bytes, filename: str, sheets: Mapping[str, Sequence[str]]) -> dict[str, pd.DataFrame]:
    sheet = next(iter(sheets))
    try:
        lines = guards.text_lines(payload, file=filename)
        first = lines.readline()
        lines.seek(0)
        rows = list(guards.csv_rows(lines, delimiter=max(DELIMITERS, key=first.count), file=filename))
    except InvalidInput as error:
        raise _refused_file(filename, error) from error
    if not rows:
        raise ImportRefused([RowProblem(sheet, None, "", "the file is empty")])
    header = [cell.strip() for cell in rows[0][1]]
    ragged = [RowProblem(sheet, number, "", f"{len(cells)} fields where the header has {len(header)}")
              for number, cells in rows[1:] if cells and len(cells) != len(header)]
    if ragged:
        raise ImportRefused(ragged)
    kept = [(number, cells) for number, cells in rows[1:] if cells]
    table = pd.DataFrame([cells for _, cells in kept], columns=header, dtype=str)
    return {sheet: table.assign(**{ROW: [number for number, _ in kept]})}


def _cleaned(table: pd.DataFrame) -> pd.DataFrame:
    table = table.fillna("")
    table.columns = [str(column).strip() for column in table.columns]
    return table.assign(**{ROW: range(2, len(table) + 2)})  # the header is row 1
