"""Hostile and mistaken input files, built small in the test's folder (a workbook hiding hundreds of MB is written
through a streaming zip of a repetitive sheet, never held in memory)."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

HEADER = "region,industry,year,measure,value\n"
GOOD_ROW = "DE11,C28,2014,persons_employed,156353\n"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_START = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
               b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_END = b"</sheetData></worksheet>"
MEGABYTE = b"A" * (1 << 20)


def csv_file(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def junk_file(path: Path, size: int) -> Path:
    """`size` random bytes (seeded, so the line of the first NUL byte is the same every run), written in chunks."""
    generator = random.Random(13)
    with path.open("wb") as handle:
        for start in range(0, size, 1 << 22):
            handle.write(generator.randbytes(min(1 << 22, size - start)))
    return path


def workbook(path: Path, sheet: Iterable[bytes]) -> Path:
    """An .xlsx file whose one sheet's XML is `sheet`'s pieces, compressed as they come (level 4: as small as level 9
    for repeated text, several times faster)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=4) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            for piece in sheet:
                handle.write(piece)
    return path


def inline_row(number: int, cells: Iterable[str]) -> bytes:
    columns = "ABCDEFGHIJ"
    return (f'<row r="{number}">' + "".join(f'<c r="{columns[i]}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
                                            for i, value in enumerate(cells)) + "</row>").encode()


def big_cell_sheet(megabytes: int) -> Iterator[bytes]:
    """A header row, then one row whose value cell holds `megabytes` MB of text."""
    yield SHEET_START + inline_row(1, HEADER.strip().split(","))
    yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
    for _ in range(megabytes):
        yield MEGABYTE
    yield b"</t></is></c></row>" + SHEET_END


def many_rows_sheet(rows: int) -> Iterator[bytes]:
    """A header row and `rows` rows of one number each."""
    yield SHEET_START + inline_row(1, HEADER.strip().split(","))
    for start in range(2, rows + 2, 10_000):
        yield b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n)
                       for n in range(start, min(start + 10_000, rows + 2)))
    yield SHEET_END


def sparse_sheet(rows: int) -> Iterator[bytes]:
    """`rows` rows whose one cell sits in Excel's last column (XFD): few bytes, a used range of rows × 16,384."""
    yield SHEET_START
    yield b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (n, n) for n in range(1, rows + 1))
    yield SHEET_END
