"""Downloads of the mapping pages: any page table as CSV or XLSX, and a profile as a DOCX report (text, charts,
tables; see `report_docx`). The files are written by `smartcluster.reports`."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from django.http import HttpResponse
from django.utils.translation import gettext as _

from smartcluster.atlas.tables import COLUMNS
from smartcluster.reports.charts import figure_pngs
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.responses import file_response
from smartcluster.reports.tables import frame_table
from smartcluster.reports.workbooks import csv_bytes, xlsx_bytes

CHART_WIDTH_CM = 16


def table_response(frame: pd.DataFrame, *, name: str, fmt: str) -> HttpResponse:
    """A table as a downloaded XLSX (headers in words) or, for any other `fmt`, CSV (the raw columns) file."""
    if fmt == "xlsx":
        title = name.replace("_", " ").capitalize()
        return file_response(xlsx_bytes([frame_table(frame, title=title, labels=COLUMNS)]), name=name,
                             extension="xlsx")
    return file_response(csv_bytes(frame), name=name, extension="csv")


def report_docx(*, title: str, paragraphs: list[str], tables: list[tuple[str, pd.DataFrame]],
                notes: list[str], figures: Sequence[dict] = ()) -> bytes:
    """A DOCX report: title, the generated text, the page's charts as images, each table under its heading, then
    sources and method notes. Without a browser on the server the charts are left out (and the report says so):
    the tables hold every number they show."""
    document = WordDocument(title)
    for text in paragraphs:
        document.paragraph(text)
    images = figure_pngs(list(figures))
    if images is None:
        document.paragraph(_("Charts left out: the server has no Chrome or Chromium to draw them. The tables "
                             "below hold every number they show."))
    for image in images or []:
        document.image(image, width_cm=CHART_WIDTH_CM)
    for heading, frame in tables:
        document.table(frame_table(frame, title=heading, labels=COLUMNS))
    document.heading(_("Sources and method"))
    for note in notes:
        document.bullet(note)
    return document.to_bytes()
