"""Refusals of hostile or mistaken input files before they are parsed: file size, text encoding, malformed CSV, and
workbooks whose unzipped size, rows or cells exceed `config.FileLimits` (a few hundred KB of .xlsx can unzip to
gigabytes, and a sheet's rows cost the parser time whatever their content).

Each refusal is an `InvalidInput` naming the file, the line where there is one, and the problem.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import numpy as np

from smartcluster.config import FileLimits
from smartcluster.sources.validation import InvalidInput, Problem

# Longest BOMs first: UTF-32 LE starts with the UTF-16 LE mark.
BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"), (codecs.BOM_UTF8, "UTF-8-SIG"),
        (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
SAVE_AS_UTF8 = "save it as UTF-8 (in Excel: CSV UTF-8)"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (an OLE2 compound file)
CHUNK = 1 << 20
# Excel holds at most 32,767 characters in a cell; written as XML a character takes at most 10 bytes (`&#1114111;`).
EXCEL_MAX_CELL_CHARACTERS = 32_767
MAX_TEXT_BYTES = 10 * EXCEL_MAX_CELL_CHARACTERS
# Sheet XML, scanned with C-speed searches (a sheet has millions of elements): element tags with or without a
# namespace prefix, a row's number (` r="12"`) and a cell's column letters (` r="AB12"`).
ROW_TAGS = (b"<row ", b"<row>", b":row ", b":row>")
CELL_TAGS = (b"<c ", b"<c>", b"<c/", b":c ", b":c>", b":c/")
SHARED_STRING_TAGS = (b"<si ", b"<si>", b":si ", b":si>")
ROW_NUMBER = re.compile(rb' r="(\d+)"')
CELL_COLUMN = re.compile(rb' r="([A-Z]+)\d')
# BIFF records of legacy .xls sheets: cells (row, column first), and those spanning columns (last column at the end).
XLS_BOF = 0x0809
XLS_CELLS = frozenset({0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6, 0x00BD, 0x00BE})
XLS_SPANS = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK


def size_checked(path: Path, *, limits: FileLimits) -> None:
    """Refuse a file larger than `limits.upload_max_bytes`."""
    size = path.stat().st_size
    if size > limits.upload_max_bytes:
        _refuse(path, None, f"the file has {size:,} bytes, more than the limit of {limits.upload_max_bytes:,} "
                            "(SMARTCLUSTER_UPLOAD_MAX_BYTES)")


def text_encoding(payload: bytes, *, file: str | Path) -> str:
    """The encoding of a CSV file's bytes: UTF-8, or UTF-16/UTF-32 marked by a byte-order mark; refuses binary data
    and text in another encoding, naming the encoding problem and its line (the whole text is decoded once)."""
    encoding = next((name for bom, name in BOMS if payload.startswith(bom)), None)
    if encoding is None:
        if payload.startswith((ZIP_MAGIC, OLE_MAGIC)):
            _refuse(file, None, "a workbook or other zip or OLE file, not CSV text (an Excel file keeps its .xlsx or "
                                ".xls name)")
        _nul_refused(payload, file)
        encoding = "UTF-8"
    try:
        payload.decode(encoding)
    except UnicodeDecodeError as error:
        line = payload[:error.start].decode(encoding, errors="replace").count("\n") + 1
        bad = payload[error.start:error.end].hex(" ").upper()
        guess = " (perhaps Windows-1252 or another 8-bit encoding)" if encoding == "UTF-8" else ""
        _refuse(file, line, f"not {encoding.removesuffix('-SIG')} text: bytes {bad} cannot be decoded{guess}; "
                            + SAVE_AS_UTF8)
    return encoding


def text_decoded(payload: bytes, *, file: str | Path) -> str:
    """The text of a file in an encoding `text_encoding` accepts."""
    return payload.decode(text_encoding(payload, file=file))


def text_lines(payload: bytes, *, file: str | Path) -> io.TextIOWrapper:
    """The lines of a file in an encoding `text_encoding` accepts, decoded as they are read (a whole decoded copy
    can take four times the file's size), line ends kept as the csv module needs."""
    return io.TextIOWrapper(io.BytesIO(payload), encoding=text_encoding(payload, file=file), newline="")


def _nul_refused(payload: bytes, file: str | Path) -> None:
    """Refuse text without a byte-order mark that holds NUL bytes: UTF-16/32 without the mark, or binary data."""
    first = payload.find(b"\x00")
    if first < 0:
        return
    line = payload.count(b"\n", 0, first) + 1
    # Mostly-ASCII text in UTF-16/32 has a zero in all but one byte of each character.
    sample = np.frombuffer(payload[: min(len(payload), 4096) // 4 * 4], dtype=np.uint8)
    for width, step in (("UTF-32", 4), ("UTF-16", 2)):
        characters = sample.reshape(-1, step)
        for order, padding in (("", characters[:, 1:]), (" big-endian", characters[:, :-1])):
            if len(characters) and (padding == 0).all(axis=1).mean() > 0.9:
                _refuse(file, line, f"{width}{order} text without a byte-order mark; " + SAVE_AS_UTF8)
    _refuse(file, line, "binary data (a NUL byte), not a CSV text file")


def csv_rows(lines: Iterable[str], *, delimiter: str, file: str | Path) -> Iterator[tuple[int, list[str]]]:
    """Each record of CSV lines with the line it starts on; a malformed record (a field longer than the csv module's
    limit of 131,072 characters, a stray quote) is refused with its line."""
    reader = csv.reader(lines, delimiter=delimiter)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            _refuse(file, line, f"malformed CSV ({error}; an unclosed quote, or not a table)")
        yield line, row
        line = reader.line_num + 1


@dataclass
class _Extent:
    """What one sheet's XML holds: its rows, cells and widest column, and shared strings."""

    rows: int = 0
    cells: int = 0
    columns: int = 0
    strings: int = 0


def workbook_checked(source: Path | bytes, *, file: str | Path, limits: FileLimits) -> str:
    """Refuse a workbook whose unzipped size, or any sheet's rows or cells, exceed `limits`, reading no more than
    its zip directory and a linear scan of its XML (or of an .xls file's records); returns the pandas engine for
    it (`openpyxl` or `xlrd`)."""
    payload = source if isinstance(source, bytes) else None
    with (io.BytesIO(payload) if payload is not None else Path(source).open("rb")) as handle:
        magic = handle.read(8)
        if magic.startswith(ZIP_MAGIC):
            _xlsx_checked(handle, file, limits)
            return "openpyxl"
        if magic == OLE_MAGIC:
            _xls_checked(payload if payload is not None else Path(source).read_bytes(), file, limits)
            return "xlrd"
    _refuse(file, None, "not an Excel workbook (neither .xlsx nor .xls content)")


def _xlsx_checked(handle: io.BufferedIOBase, file: str | Path, limits: FileLimits) -> None:
    """The zip directory's unzipped sizes, then each XML member's rows, cells and longest text."""
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        _refuse(file, None, f"not a readable .xlsx workbook (damaged zip: {error})")
    with archive:
        members = archive.infolist()
        total = sum(member.file_size for member in members)
        if total > limits.xlsx_max_uncompressed_bytes:
            _refuse(file, None, f"the workbook unzips to {total:,} bytes, more than the limit of "
                                f"{limits.xlsx_max_uncompressed_bytes:,} (SMARTCLUSTER_XLSX_MAX_UNCOMPRESSED_BYTES)")
        if "xl/workbook.xml" not in {member.filename for member in members}:
            _refuse(file, None, "not an Excel .xlsx workbook (a zip without xl/workbook.xml)")
        for member in members:
            if member.filename.endswith(".xml"):
                _xml_limited(archive, member.filename, file, limits)


def _xml_limited(archive: zipfile.ZipFile, name: str, file: str | Path, limits: FileLimits) -> None:
    """Refuse an XML member over the row or cell limits or holding an over-long text, reading it in chunks and
    stopping at the first excess (zipfile stops at the member's declared size, which the caller checked)."""
    extent, tail, sheet = _Extent(), b"", f"part {name}"
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(CHUNK):
                buffer = tail + chunk
                cut = buffer.rfind(b"<")  # a tag never holds '<': what follows the last one waits for the next chunk
                cut = len(buffer) if cut < 0 else cut
                _longest_text_checked(extent, buffer[:cut], file, name)
                _counted(extent, buffer[:cut])
                _sheet_limited(extent, sheet, file, limits)
                tail = buffer[cut:]
                if len(tail) > MAX_TEXT_BYTES:
                    _refuse(file, extent.rows or None, _long_text(name))
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        _refuse(file, None, f"not a readable .xlsx workbook (damaged part {name}: {error})")
    _counted(extent, tail)
    _sheet_limited(extent, sheet, file, limits)


def _longest_text_checked(extent: _Extent, part: bytes, file: str | Path, name: str) -> None:
    """Refuse text between two tags longer than an Excel cell can hold (a hidden gigabyte cell), naming its row."""
    if len(part) <= MAX_TEXT_BYTES:
        return
    tags = np.concatenate(([0], np.flatnonzero(np.frombuffer(part, dtype=np.uint8) == ord("<")), [len(part)]))
    gaps = np.diff(tags)
    if gaps.max() > MAX_TEXT_BYTES:
        before = _Extent(rows=extent.rows)
        _counted(before, part[: tags[int(gaps.argmax())]])
        _refuse(file, before.rows or None, _long_text(name))


def _long_text(name: str) -> str:
    return (f"part {name} holds a text longer than an Excel cell's "
            f"{EXCEL_MAX_CELL_CHARACTERS:,} characters")


def _counted(extent: _Extent, part: bytes) -> None:
    """Add one piece of XML's rows, cells and shared strings to `extent` (rows: the highest number, as the parser
    fills in missing rows; columns: the widest, as it fills each row to its last cell)."""
    rows = sum(part.count(tag) for tag in ROW_TAGS)
    extent.rows = max(extent.rows + rows, max(map(int, ROW_NUMBER.findall(part)), default=0))
    extent.cells += sum(part.count(tag) for tag in CELL_TAGS)
    extent.columns = max(extent.columns, max(map(_column_number, set(CELL_COLUMN.findall(part))), default=0))
    extent.strings += sum(part.count(tag) for tag in SHARED_STRING_TAGS)


def _column_number(letters: bytes) -> int:
    """Excel column letters as a number (A 1, Z 26, AA 27)."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _sheet_limited(extent: _Extent, sheet: str, file: str | Path, limits: FileLimits) -> None:
    """Refuse a sheet over the row or cell limit (cells: its used range, as the parser fills the gaps)."""
    cells = max(extent.cells, extent.rows * extent.columns, extent.strings)
    if extent.rows > limits.xlsx_max_rows:
        _refuse(file, None, f"{sheet} has more than {limits.xlsx_max_rows:,} rows, the limit "
                            "(SMARTCLUSTER_XLSX_MAX_ROWS); import it as CSV or raise the limit")
    if cells > limits.xlsx_max_cells:
        _refuse(file, None, f"{sheet} has more than {limits.xlsx_max_cells:,} cells, the limit "
                            "(SMARTCLUSTER_XLSX_MAX_CELLS); import it as CSV or raise the limit")


def _xls_checked(payload: bytes, file: str | Path, limits: FileLimits) -> None:
    """Each sheet's used range in a legacy .xls file, from its cell records (xlrd fills every row to the widest)."""
    from xlrd import compdoc

    try:
        document = compdoc.CompDoc(payload, logfile=io.StringIO())
        stream = document.get_named_stream("Workbook") or document.get_named_stream("Book")
    except compdoc.CompDocError as error:
        _refuse(file, None, f"not a readable .xls workbook ({error})")
    if not stream:
        _refuse(file, None, "not an Excel .xls workbook (no Workbook stream)")
    for sheet, extent in enumerate(_xls_extents(stream)):  # substream 0 holds the workbook's globals
        _sheet_limited(extent, f"sheet {sheet}", file, limits)


def _xls_extents(stream: bytes) -> list[_Extent]:
    """Rows, cells and columns of each substream (globals first, then one per sheet) of a BIFF stream."""
    extents: list[_Extent] = []
    position, end = 0, len(stream) - 4
    while position <= end:
        kind, length = struct.unpack_from("<HH", stream, position)
        data, position = position + 4, position + 4 + length
        if kind == XLS_BOF:
            extents.append(_Extent())
        elif kind in XLS_CELLS and length >= 4 and extents:
            row, first = struct.unpack_from("<HH", stream, data)
            last = struct.unpack_from("<H", stream, position - 2)[0] if kind in XLS_SPANS else first
            extent = extents[-1]
            extent.rows = max(extent.rows, row + 1)
            extent.columns = max(extent.columns, last + 1)
            extent.cells += last - first + 1
    return extents


def _refuse(file: str | Path, line: int | None, message: str) -> NoReturn:
    raise InvalidInput([Problem(str(file), line, None, message)])
