"""Tables as downloaded files: an XLSX workbook of one sheet per `Table`, a DataFrame as CSV.

Example: ``xlsx_bytes([Table("Registrations by country", ["Country", "Registrations"], [["EL", 3]])])``.
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
from collections.abc import Iterable
from typing import Any

import pandas as pd

from smartcluster.reports.tables import Table, add_sheet, cell_value, plain_frame

# Values a spreadsheet keeps as they are; anything else (names, lazy translations, model objects) becomes its text.
_NATIVE = int | float | decimal.Decimal | dt.datetime | dt.date | dt.time


def xlsx_bytes(tables: Iterable[Table]) -> bytes:
    """A workbook with one sheet per table, named by `sheet_name`, its column headers in bold."""
    from openpyxl import Workbook

    workbook = Workbook()
    for table in tables:
        _write_sheet(add_sheet(workbook, table.title), table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_sheet(sheet: Any, table: Table) -> None:
    """The table's header row (bold; none for a sheet of plain lines) and rows, each value through `cell_value`."""
    from openpyxl.styles import Font

    if table.columns:
        sheet.append([str(column) for column in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([spreadsheet_value(value) for value in row])


def spreadsheet_value(value: Any) -> Any:
    """A cell's value: numbers and times as such (`cell_value`), anything else as its text."""
    value = cell_value(value)
    return value if value is None or isinstance(value, _NATIVE) else str(value)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A DataFrame as UTF-8 CSV with its own column names (for analysts), empty where a value is unknown."""
    return plain_frame(frame).to_csv(index=False).encode("utf-8")
