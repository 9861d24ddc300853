"""Word (DOCX) documents: a title, then headings, paragraphs, bulleted lists, tables and images in reading order.

Example::

    document = WordDocument("Table plan: Athens B2B")
    document.paragraph("Times in Europe/Athens.")
    document.table(Table("", ["Time", "Table 1"], [["Thu 14 Mar 10:00", "Asta Ltd ↔ Nikos Ltd"]]))
    payload = document.to_bytes()
"""

from __future__ import annotations

import io

from smartcluster.reports.tables import Table, cell_text

TABLE_STYLE = "Light Grid Accent 1"  # one look for every table of the platform's documents
BULLET_STYLES = {1: "List Bullet", 2: "List Bullet 2"}  # python-docx's default template has these two levels


class WordDocument:
    """A DOCX document being written; `to_bytes` gives the file."""

    def __init__(self, title: str) -> None:
        from docx import Document

        self._document = Document()
        self._document.add_heading(title, level=0)

    def heading(self, text: str, *, level: int = 1) -> None:
        self._document.add_heading(text, level=level)

    def paragraph(self, text: str) -> None:
        self._document.add_paragraph(text)

    def bullet(self, text: str, *, level: int = 1) -> None:
        """One item of a bulleted list; level 2 is indented under the item before."""
        self._document.add_paragraph(text, style=BULLET_STYLES[level])

    def table(self, table: Table) -> None:
        """The table under its title (a level-1 heading, none when the title is empty); cells by `cell_text`."""
        if table.title:
            self.heading(table.title)
        written = self._document.add_table(rows=1, cols=len(table.columns))
        written.style = TABLE_STYLE
        for cell, column in zip(written.rows[0].cells, table.columns, strict=True):
            cell.text = str(column)
        for row in table.rows:
            for cell, value in zip(written.add_row().cells, row, strict=True):
                cell.text = cell_text(value)

    def image(self, png: bytes, *, width_cm: float) -> None:
        from docx.shared import Cm

        self._document.add_picture(io.BytesIO(png), width=Cm(width_cm))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._document.save(buffer)
        return buffer.getvalue()
