"""Downloads: any page table as CSV or XLSX, and a profile as a DOCX report (text, charts, tables; see
`docx_report`)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from smartcluster.atlas.tables import COLUMNS
from smartcluster.reports.tables import cell_text, cell_value, header, sheet_name

FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable booleans and NA as plain values a spreadsheet reads (empty where unknown)."""
    out = frame.copy()
    for column in out.columns:
        if str(out[column].dtype) == "boolean":
            out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def table_response(frame: pd.DataFrame, *, name: str, fmt: str) -> HttpResponse:
    """A table as a downloaded CSV or XLSX file named `name`."""
    frame = _plain(frame)
    if fmt == "xlsx":
        buffer = io.BytesIO()
        readable = frame.rename(columns=lambda column: header(column, COLUMNS)).map(cell_value)
        readable.to_excel(buffer, index=False, sheet_name=sheet_name(name.replace("_", " ").capitalize()))
        payload = buffer.getvalue()
    else:
        fmt = "csv"
        payload = frame.to_csv(index=False).encode("utf-8")
    response = HttpResponse(payload, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}.{fmt}"'
    return response


def docx_report(*, title: str, paragraphs: list[str], tables: list[tuple[str, pd.DataFrame]],
                notes: list[str], figures: Sequence[dict] = ()) -> bytes:
    """A DOCX report: title, the generated text, the page's charts as images, each table under its heading, then
    sources and method notes. Without a browser on the server the charts are left out (and the report says so):
    the tables hold every number they show."""
    from docx import Document
    from docx.shared import Cm

    from smartcluster.atlas.chart_images import chart_pngs

    document = Document()
    document.add_heading(title, level=0)
    for text in paragraphs:
        document.add_paragraph(text)
    images = chart_pngs(list(figures))
    if images is None:
        document.add_paragraph(_("Charts left out: the server has no Chrome or Chromium to draw them. The tables "
                                 "below hold every number they show."))
    for image in images or []:
        document.add_picture(io.BytesIO(image), width=Cm(16))
    for heading, frame in tables:
        document.add_heading(heading, level=1)
        frame = _plain(frame)
        table = document.add_table(rows=1, cols=len(frame.columns))
        table.style = "Light Grid Accent 1"
        for cell, column in zip(table.rows[0].cells, frame.columns, strict=True):
            cell.text = header(column, COLUMNS)
        for row in frame.itertuples(index=False):
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = cell_text(value)
    document.add_heading(_("Sources and method"), level=1)
    for note in notes:
        document.add_paragraph(note, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_response(payload: bytes, *, name: str) -> HttpResponse:
    response = HttpResponse(payload, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}.docx"'
    return response
