"""Load NACE Rev. 2 from Eurostat's classification file (`Nace2_long.csv`), all or nothing."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from smartcluster import starter_pack
from smartcluster.industries.models import Industry
from smartcluster.sources.reference import ReferenceDataError, reference_file_fetch

NACE_FILE = "Nace2_long.csv"
NACE_COLUMNS = ("nace2", "Name", "Level", "Parent", "Include", "Include_Also", "Exclude")
# The notation of each level: section letter, division 2 digits, group 2.1, class 2.2 (NACE Rev. 2, Eurostat 2008).
NACE_CODE_BY_LEVEL = {1: re.compile(r"^[A-U]$"), 2: re.compile(r"^\d{2}$"), 3: re.compile(r"^\d{2}\.\d$"),
                      4: re.compile(r"^\d{2}\.\d{2}$")}
MISSING = {"", "NA"}


@dataclass
class IndustryRecord:
    """A NACE item as read from the file, before it is written."""

    code: str
    level: int
    name: str
    parent: str
    includes: str
    excludes: str


def _cell(row: dict[str, str | None], column: str) -> str:
    value = (row.get(column) or "").strip()
    return "" if value in MISSING else value


def nace_records_parse(payload: bytes, *, label: str = NACE_FILE) -> list[IndustryRecord]:
    """NACE items of `Nace2_long.csv` with their level, parent and explanatory notes (nothing is written)."""
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReferenceDataError(f"{label}: not UTF-8 text ({error})") from error
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    missing = [column for column in NACE_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise ReferenceDataError(f"{label}: missing column(s) {', '.join(missing)}")
    records: dict[str, IndustryRecord] = {}
    try:
        for line, row in enumerate(reader, start=2):
            _record_add(records, row, label=f"{label} line {line}")
    except csv.Error as error:
        raise ReferenceDataError(f"{label}: malformed CSV ({error})") from error
    _parents_check(records, label=label)
    return list(records.values())


def _record_add(records: dict[str, IndustryRecord], row: dict[str, str | None], *, label: str) -> None:
    """Validate one row and add it to `records`."""
    if None in row or any(row.get(column) is None for column in NACE_COLUMNS):
        raise ReferenceDataError(f"{label}: wrong number of fields (truncated or malformed row)")
    code, level_text = _cell(row, "nace2"), _cell(row, "Level")
    if level_text not in {"1", "2", "3", "4"} or not NACE_CODE_BY_LEVEL[int(level_text)].match(code):
        raise ReferenceDataError(f"{label}: {code!r} is not a NACE Rev. 2 code of level {level_text!r}")
    if code in records:
        raise ReferenceDataError(f"{label}: the code {code} appears twice")
    name = _cell(row, "Name")
    if not name:
        raise ReferenceDataError(f"{label}: the code {code} has no name")
    includes = "\n\n".join(text for text in (_cell(row, "Include"), _cell(row, "Include_Also")) if text)
    records[code] = IndustryRecord(code=code, level=int(level_text), name=name, parent=_cell(row, "Parent"),
                                   includes=includes, excludes=_cell(row, "Exclude"))


def _parents_check(records: dict[str, IndustryRecord], *, label: str) -> None:
    if not records:
        raise ReferenceDataError(f"{label}: no NACE items found")
    for record in records.values():
        parent = records.get(record.parent)
        if record.level == 1 and record.parent:
            raise ReferenceDataError(f"{label}: the section {record.code} has a parent ({record.parent})")
        if record.level > 1 and (parent is None or parent.level != record.level - 1):
            raise ReferenceDataError(f"{label}: the parent {record.parent!r} of {record.code} is not an item one level up")


def _section_of(code: str, records: dict[str, IndustryRecord]) -> str:
    while records[code].level > 1:
        code = records[code].parent
    return code


def eurostat_code(*, code: str, section: str) -> str:
    """How Eurostat datasets write a NACE code: section letter + digits without the dot (`10.11` -> `C1011`)."""
    return code if code == section else section + code.replace(".", "")


def _industries_write(records: list[IndustryRecord]) -> int:
    """Insert or update every item, level by level so each row is written with its parent."""
    by_code = {record.code: record for record in records}
    ids: dict[str, int] = {}
    for level in range(1, 5):
        rows = [record for record in records if record.level == level]
        Industry.objects.bulk_create(
            [Industry(code=r.code, eurostat_code=eurostat_code(code=r.code, section=_section_of(r.code, by_code)),
                      level=r.level, section=_section_of(r.code, by_code), name=r.name, includes=r.includes,
                      excludes=r.excludes, parent_id=ids.get(r.parent)) for r in rows],
            update_conflicts=True, unique_fields=["code"],
            update_fields=["eurostat_code", "level", "section", "name", "includes", "excludes", "parent"],
            batch_size=500,
        )
        ids.update(Industry.objects.filter(code__in=[r.code for r in rows]).values_list("code", "id"))
    return len(records)


def _starter_pack_nace() -> bytes:
    """The starter pack's copy of `Nace2_long.csv` (same content as the official file)."""
    try:
        return starter_pack.pack_bytes(starter_pack.NACE)
    except OSError as error:
        raise ReferenceDataError(f"starter pack {starter_pack.NACE}: not readable ({error})") from error


def industry_reference_load(
    *, base_url: str | None = None, skip_loaded: bool = False, progress: Callable[[str], None] | None = None,
    from_starter_pack: bool = False,
) -> int:
    """Load NACE Rev. 2 from the official file (or the bundled starter pack's copy, no network); returns the number
    of items written (0 when skipped)."""
    say = progress or (lambda message: None)
    if skip_loaded and Industry.objects.exists():
        say("NACE Rev. 2: already loaded, skipped")
        return 0
    if from_starter_pack:
        say("NACE Rev. 2: reading the starter pack")
        payload = _starter_pack_nace()
    else:
        say(f"NACE Rev. 2: reading {NACE_FILE}")
        payload = reference_file_fetch(base_url=base_url or settings.NACE_BASE_URL, path=NACE_FILE,
                                       setting="SMARTCLUSTER_NACE_BASE_URL", timeout=settings.REFERENCE_FETCH_TIMEOUT)
    records = nace_records_parse(payload)
    with transaction.atomic():
        written = _industries_write(records)
    say(f"NACE Rev. 2: {written} items loaded")
    return written
