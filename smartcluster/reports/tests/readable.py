"""What makes a downloaded XLSX or DOCX hard to read, found in the file itself: a sheet name cut blindly or mid-word,
a raw snake_case column header, a boolean cell. Each problem is named with its file, sheet or table, and cell."""

from __future__ import annotations

import io
import re

from smartcluster.reports.tables import ELLIPSIS, SHEET_NAME_MAX, is_raw_header

BOOLEAN_TEXTS = {"True", "False", "true", "false", "TRUE", "FALSE"}


def sheet_name_problem(name: str) -> str | None:
    """Why a sheet name looks cut (None when it reads well)."""
    if len(name) > SHEET_NAME_MAX:
        return f"longer than {SHEET_NAME_MAX} characters"
    if len(name) == SHEET_NAME_MAX and not name.endswith(ELLIPSIS):
        return f"cut blindly at Excel's {SHEET_NAME_MAX} characters"
    words = re.sub(r" \(\d+\)$", "", name).removesuffix(ELLIPSIS).split()
    if len(words) > 1 and len(words[-1]) == 1 and words[-1].isalpha() and words[-1] not in ("a", "A"):
        return f"ends in a word fragment {words[-1]!r}"
    if is_raw_header(name):
        return "a raw snake_case name"
    return None


def xlsx_problems(content: bytes, where: str) -> list[str]:
    """Every reading problem of an XLSX file (sheet names, first-row headers, boolean cells)."""
    from openpyxl import load_workbook

    problems = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        if (problem := sheet_name_problem(sheet.title)) is not None:
            problems.append(f"{where}: sheet {sheet.title!r}: {problem}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.row == 1 and isinstance(cell.value, str) and is_raw_header(cell.value):
                    problems.append(f"{where}: sheet {sheet.title!r} {cell.coordinate}: raw header {cell.value!r}")
                if cell.data_type == "b" or isinstance(cell.value, bool) or cell.value in BOOLEAN_TEXTS:
                    problems.append(f"{where}: sheet {sheet.title!r} {cell.coordinate}: boolean {cell.value!r}")
    return problems


def docx_problems(content: bytes, where: str) -> list[str]:
    """Every reading problem of the tables of a DOCX file (raw headers, True/False cells)."""
    from docx import Document

    problems = []
    for number, table in enumerate(Document(io.BytesIO(content)).tables, start=1):
        for row_number, row in enumerate(table.rows, start=1):
            for cell in row.cells:
                text = cell.text.strip()
                if row_number == 1 and is_raw_header(text):
                    problems.append(f"{where}: table {number}: raw header {text!r}")
                if text in BOOLEAN_TEXTS:
                    problems.append(f"{where}: table {number} row {row_number}: boolean {text!r}")
    return problems
