"""DOCX documents: read back with python-docx, heading by heading, cell by cell."""

from __future__ import annotations

import io

from django.utils import translation
from docx import Document

from smartcluster.reports.charts import radar_png
from smartcluster.reports.documents import TABLE_STYLE, WordDocument
from smartcluster.reports.tables import Table


def _read(document: WordDocument) -> Document:
    return Document(io.BytesIO(document.to_bytes()))


def test_paragraphs_headings_and_bullets_come_in_reading_order_with_their_styles() -> None:
    document = WordDocument("Digital and green maturity report")
    document.paragraph("Asta Ltd · DMA (dma-sme-1)")
    document.heading("What to do next")
    document.heading("Data governance (40.0, Basic)", level=2)
    document.bullet("Name a data owner")
    document.bullet("Regional digital innovation hub: advice", level=2)
    read = [(paragraph.style.name, paragraph.text) for paragraph in _read(document).paragraphs]
    assert read == [("Title", "Digital and green maturity report"), ("Normal", "Asta Ltd · DMA (dma-sme-1)"),
                    ("Heading 1", "What to do next"), ("Heading 2", "Data governance (40.0, Basic)"),
                    ("List Bullet", "Name a data owner"),
                    ("List Bullet 2", "Regional digital innovation hub: advice")]


def test_a_table_is_written_under_its_title_with_cells_in_the_active_language() -> None:
    document = WordDocument("Thessalia")
    document.table(Table("Employment by category", ["Category", "Employment", "Star"],
                         [["Metalworking", 125041, True], ["Tourism", None, False]]))
    read = _read(document)
    assert [paragraph.text for paragraph in read.paragraphs] == ["Thessalia", "Employment by category"]
    (table,) = read.tables
    assert table.style.name == TABLE_STYLE
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Category", "Employment", "Star"], ["Metalworking", "125,041", "Yes"], ["Tourism", "", "No"]]
    with translation.override("el"):
        greek = WordDocument("Θεσσαλία")
        greek.table(Table("", ["Απασχόληση"], [[125041]]))
    assert [row.cells[0].text for row in _read(greek).tables[0].rows] == ["Απασχόληση", "125.041"]


def test_a_table_without_a_title_has_no_heading() -> None:
    document = WordDocument("Table plan: Athens B2B")
    document.table(Table("", ["Time (Europe/Athens)", "Table 1"], [["Thu 14 Mar 10:00", "Asta Ltd ↔ Nikos Ltd"]]))
    read = _read(document)
    assert [paragraph.text for paragraph in read.paragraphs] == ["Table plan: Athens B2B"]
    assert read.tables[0].rows[1].cells[1].text == "Asta Ltd ↔ Nikos Ltd"


def test_an_image_is_embedded_at_the_width_asked() -> None:
    document = WordDocument("Report")
    png = radar_png(["a", "b", "c"], [80, 40, 60], size=120)
    document.image(png, width_cm=12)
    read = _read(document)
    (shape,) = read.inline_shapes
    assert round(shape.width.cm, 2) == 12.0
    pictures = [part.blob for part in read.part.package.parts if part.content_type == "image/png"]
    assert pictures == [png]
