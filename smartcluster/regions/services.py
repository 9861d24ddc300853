"""Load NUTS regions from the official files (GISCO GeoJSON, Eurostat's NUTS history workbooks), all or nothing."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from smartcluster import starter_pack
from smartcluster.config import file_limits
from smartcluster.regions.geometry import geometry_simplified
from smartcluster.regions.models import Region
from smartcluster.sources.guards import workbook_checked
from smartcluster.sources.reference import ReferenceDataError, reference_file_fetch

NUTS_CODE = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")
PART_SUFFIX = re.compile(r"\s*\(part\)\s*$", re.IGNORECASE)
# The one place where a parent is not the code minus its last character: NUTS 2016 gave Northern Ireland's level-3
# regions the codes UKN10-UKN16 under the level-2 region UKN0 (Commission Regulation (EU) 2016/2066).
PARENT_EXCEPTIONS = {"UKN1": "UKN0"}


@dataclass(frozen=True)
class NutsFile:
    """One official file contributing regions to a NUTS version."""

    path: str  # relative to the base URL of its kind
    kind: str  # "gisco" (GeoJSON with boundaries) or "history" (Eurostat workbook, codes and names)


@dataclass
class RegionRecord:
    """A region as read from a file, before it is written."""

    code: str
    level: int
    name: str
    name_latn: str = ""
    boundary: dict | None = None
    source: str = ""


@dataclass
class RegionLoadReport:
    """What a load did, per NUTS version: regions written, or skipped because already loaded."""

    loaded: dict[int, int] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)


def _gisco(path: str) -> NutsFile:
    return NutsFile(path=path, kind="gisco")


def _history(path: str) -> NutsFile:
    return NutsFile(path=path, kind="history")


# Which official files make each version. A history workbook gives the codes and names of its NEW version; GISCO
# files win where both have a code (they carry boundaries), the workbook adds what GISCO lacks (2016 level 3).
NUTS_FILES: dict[int, tuple[NutsFile, ...]] = {
    2006: (_history("NUTS2003-NUTS2006.xls"),),
    2010: (_history("NUTS2006-NUTS2010.xls"),),
    2013: (_history("NUTS2010-NUTS2013.xls"),),
    2016: (
        _gisco("geojson/NUTS_RG_20M_2016_4326_LEVL_0.geojson"),
        _gisco("geojson/NUTS_RG_20M_2016_4326_LEVL_1.geojson"),
        _gisco("geojson/NUTS_RG_20M_2016_4326_LEVL_2.geojson"),
        _history("NUTS2013-NUTS2016.xlsx"),
    ),
    2021: (_gisco("geojson/NUTS_RG_60M_2021_4326.geojson"),),
    2024: (_gisco("geojson/NUTS_RG_20M_2024_4326.geojson"),),
}
DEFAULT_NUTS_VERSIONS: tuple[int, ...] = tuple(sorted(NUTS_FILES))


def _clean(value: object) -> str:
    """A cell as text: NaN, None and single-space cells become ''."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _is_latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(char, "") for char in text if char.isalpha())


def gisco_regions_parse(payload: bytes, *, label: str) -> list[RegionRecord]:
    """Regions of a GISCO NUTS GeoJSON file (NUTS_ID, LEVL_CODE, NUTS_NAME, NAME_LATN when present)."""
    try:
        document = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReferenceDataError(f"{label}: not valid GeoJSON ({error})") from error
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or not features:
        raise ReferenceDataError(f"{label}: no 'features' list, so not a GISCO NUTS GeoJSON file")
    records = []
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") or {}
        missing = [key for key in ("NUTS_ID", "LEVL_CODE", "NUTS_NAME") if key not in properties]
        if missing:
            raise ReferenceDataError(f"{label}: feature {number} lacks the propert{'ies' if len(missing) > 1 else 'y'} "
                                     f"{', '.join(missing)}")
        code = _clean(properties["NUTS_ID"])
        if not NUTS_CODE.match(code) or int(properties["LEVL_CODE"]) != len(code) - 2:
            raise ReferenceDataError(f"{label}: feature {number} has an invalid NUTS code or level ({code!r})")
        try:
            boundary = geometry_simplified(feature["geometry"]) if feature.get("geometry") else None
        except (KeyError, TypeError, IndexError, ValueError) as error:
            raise ReferenceDataError(f"{label}: feature {number} ({code}) has a malformed geometry ({error})") from error
        records.append(RegionRecord(
            code=code, level=len(code) - 2, name=_clean(properties["NUTS_NAME"]),
            name_latn=_clean(properties.get("NAME_LATN")), boundary=boundary, source=f"GISCO {label}",
        ))
    return records


def _header_row(rows: list[list[object]], new_version: int) -> tuple[int, dict[str, int]]:
    """Locate the header row of a full history sheet and the columns the loader needs."""
    for index, row in enumerate(rows[:10]):
        cells = [_clean(cell) for cell in row]
        if f"Code {new_version}" in cells:
            name_columns = [i for i, cell in enumerate(cells) if cell in {"Country", "NUTS level 1", "NUTS level 2",
                                                                         "NUTS level 3"}]
            if len(name_columns) != 4:
                raise ValueError("the label columns Country / NUTS level 1 / NUTS level 2 / NUTS level 3 are missing")
            return index, {"code": cells.index(f"Code {new_version}"), "names": name_columns}
    raise ValueError(f"no header row with a column 'Code {new_version}'")


def history_regions_parse(payload: bytes, *, label: str, new_version: int) -> list[RegionRecord]:
    """Codes and names of the NEW version in a Eurostat NUTS history workbook (full sheet `NUTSyyyy-NUTSyyyy`).

    Rows whose new code carries "(part)" (or has none) are skipped: their labels are the OLD version's (shown in
    Excel only by italics). Footnote rows are skipped because their cells are not NUTS codes.
    """
    import pandas as pd  # heavy: imported only when a workbook is read

    try:
        workbook = pd.ExcelFile(io.BytesIO(payload), engine=workbook_checked(payload, file=label, limits=file_limits()))
    except Exception as error:  # noqa: BLE001 - pandas/xlrd/openpyxl/zipfile raise many types for a damaged file
        raise ReferenceDataError(f"{label}: not a readable Excel workbook ({type(error).__name__}: {error})") from error
    sheet = next((name for name in workbook.sheet_names
                  if re.fullmatch(rf"NUTS\s*\d{{4}}\s*-\s*NUTS\s*{new_version}", name.strip())), None)
    if sheet is None:
        raise ReferenceDataError(f"{label}: no sheet 'NUTSyyyy-NUTS{new_version}' (sheets: {workbook.sheet_names})")
    try:
        rows = workbook.parse(sheet, header=None, dtype=object).values.tolist()
        header, columns = _header_row(rows, new_version)
    except ValueError as error:
        raise ReferenceDataError(f"{label}, sheet {sheet}: {error}") from error
    records: dict[str, RegionRecord] = {}
    for row in rows[header + 1:]:
        raw_code = _clean(row[columns["code"]])
        if not raw_code or PART_SUFFIX.search(raw_code):
            continue
        code = raw_code.upper()
        if not NUTS_CODE.match(code):
            continue
        name = next((_clean(row[i]) for i in columns["names"] if _clean(row[i])), "")
        if not name:
            raise ReferenceDataError(f"{label}: the {new_version} code {code} has no label")
        records.setdefault(code, RegionRecord(code=code, level=len(code) - 2, name=name,
                                              source=f"Eurostat NUTS history {label}"))
    if not records:
        raise ReferenceDataError(f"{label}: no NUTS {new_version} codes found")
    return list(records.values())


def _is_extra_regio(code: str) -> bool:
    return code[2:3] == "Z"


def _merged(primary: list[RegionRecord], secondary: list[RegionRecord]) -> list[RegionRecord]:
    """GISCO records, completed by workbook records of the levels GISCO lacks, and Latin names where GISCO has none.

    Extra-regio codes (xxZ, xxZZ, xxZZZ) are not taken from the supplement: GISCO has none, so they would have no
    parent in this version.
    """
    if not primary:
        return secondary
    by_code = {record.code: record for record in primary}
    gisco_levels = {record.level for record in primary}
    for record in secondary:
        kept = by_code.get(record.code)
        if kept is None:
            if record.level not in gisco_levels and not _is_extra_regio(record.code):
                by_code[record.code] = record
        elif not kept.name_latn and not _is_latin(kept.name) and _is_latin(record.name):
            kept.name_latn = record.name
    return list(by_code.values())


def _check_versions(versions: Iterable[int]) -> list[int]:
    chosen = sorted({int(version) for version in versions})
    unknown = [version for version in chosen if version not in NUTS_FILES]
    if unknown:
        known = ", ".join(str(version) for version in NUTS_FILES)
        raise ReferenceDataError(f"unknown NUTS version {', '.join(map(str, unknown))}: the loader knows {known}")
    return chosen


def nuts_version_read(*, version: int, base_url: str, history_base_url: str) -> list[RegionRecord]:
    """Every region of one NUTS version, read from its official files (nothing is written)."""
    gisco: list[RegionRecord] = []
    history: list[RegionRecord] = []
    for nuts_file in NUTS_FILES[version]:
        if nuts_file.kind == "gisco":
            payload = reference_file_fetch(base_url=base_url, path=nuts_file.path, setting="SMARTCLUSTER_NUTS_BASE_URL",
                                           timeout=settings.REFERENCE_FETCH_TIMEOUT)
            gisco += gisco_regions_parse(payload, label=nuts_file.path)
        else:
            payload = reference_file_fetch(base_url=history_base_url, path=nuts_file.path,
                                           setting="SMARTCLUSTER_NUTS_HISTORY_BASE_URL",
                                           timeout=settings.REFERENCE_FETCH_TIMEOUT)
            history += history_regions_parse(payload, label=nuts_file.path, new_version=version)
    return _merged(gisco, history)


def _pack_list_records(version: int) -> list[RegionRecord]:
    """The codes and names of one version in the starter pack's code list (`nuts_regions.parquet`)."""
    import pandas as pd  # heavy: imported only when the pack is read

    name = starter_pack.NUTS_REGIONS
    try:
        table = pd.read_parquet(starter_pack.PACK_DIR / name)
    except Exception as error:  # noqa: BLE001 - pyarrow raises many types for a missing or damaged file
        raise ReferenceDataError(f"starter pack {name}: not readable ({type(error).__name__}: {error}); "
                                 "re-install smartcluster or run scripts/build_starter_pack.py") from error
    rows = table[table["nuts_version"] == version]
    return [RegionRecord(code=code, level=int(level), name=region_name, name_latn=latn,
                         source=f"Eurostat NUTS history ({starter_pack.SOURCE} {name})")
            for code, level, region_name, latn in rows[["code", "level", "name", "name_latn"]].itertuples(index=False)]


def nuts_version_read_pack(*, version: int) -> list[RegionRecord]:
    """Every region of one NUTS version from the starter pack: its GISCO boundaries where it has them, completed by
    its code list as the history workbooks complete the official GISCO files."""
    gisco: list[RegionRecord] = []
    if version in starter_pack.NUTS_BOUNDARIES:
        name = starter_pack.NUTS_BOUNDARIES[version]
        try:
            payload = starter_pack.pack_bytes(name)
        except OSError as error:
            raise ReferenceDataError(f"starter pack {name}: not readable ({error})") from error
        gisco = gisco_regions_parse(payload, label=f"{name} ({starter_pack.SOURCE})")
    return _merged(gisco, _pack_list_records(version))


def _version_write(*, version: int, records: list[RegionRecord]) -> int:
    """Insert or update the regions of one version, level by level so each row is written with its parent."""
    ids: dict[str, int] = {}
    for level in range(4):
        rows = [r for r in records if r.level == level]
        Region.objects.bulk_create(
            [Region(code=r.code, version=version, level=r.level, country=r.code[:2], name=r.name,
                    name_latn=r.name_latn, boundary=r.boundary, source=r.source, parent_id=_parent_id(r.code, ids))
             for r in rows],
            update_conflicts=True, unique_fields=["code", "version"],
            update_fields=["level", "country", "name", "name_latn", "boundary", "source", "parent"], batch_size=500,
        )
        ids.update(Region.objects.filter(version=version, level=level).values_list("code", "id"))
    return len(records)


def _parent_id(code: str, ids: dict[str, int]) -> int | None:
    if len(code) == 2:
        return None
    return ids.get(code[:-1], ids.get(PARENT_EXCEPTIONS.get(code[:-1], "")))


def _latin_names_fill() -> int:
    """Give a region with a non-Latin name and no Latin one the Latin name another version has for the same name."""
    latin = {(r.code, r.name): r.name_latn for r in Region.objects.exclude(name_latn="").only("code", "name", "name_latn")}
    missing = [r for r in Region.objects.filter(name_latn="").only("id", "code", "name") if not _is_latin(r.name)]
    filled = []
    for region in missing:
        region.name_latn = latin.get((region.code, region.name), "")
        if region.name_latn:
            filled.append(region)
    Region.objects.bulk_update(filled, ["name_latn"], batch_size=500)
    return len(filled)


def region_reference_load(
    *,
    base_url: str | None = None,
    history_base_url: str | None = None,
    versions: Iterable[int] = DEFAULT_NUTS_VERSIONS,
    skip_loaded: bool = False,
    progress: Callable[[str], None] | None = None,
    from_starter_pack: bool = False,
) -> RegionLoadReport:
    """Load the chosen NUTS versions from the official files (or the bundled starter pack, no network): everything
    is read first, then written atomically."""
    say = progress or (lambda message: None)
    chosen = _check_versions(versions)
    report = RegionLoadReport()
    read: dict[int, list[RegionRecord]] = {}
    for version in chosen:
        if skip_loaded and Region.objects.filter(version=version).exists():
            report.skipped.append(version)
            say(f"NUTS {version}: already loaded, skipped")
            continue
        if from_starter_pack:
            say(f"NUTS {version}: reading the starter pack")
            read[version] = nuts_version_read_pack(version=version)
        else:
            say(f"NUTS {version}: reading {', '.join(f.path for f in NUTS_FILES[version])}")
            read[version] = nuts_version_read(
                version=version,
                base_url=base_url or settings.NUTS_BASE_URL,
                history_base_url=history_base_url or settings.NUTS_HISTORY_BASE_URL,
            )
    with transaction.atomic():
        for version, records in read.items():
            report.loaded[version] = _version_write(version=version, records=records)
            say(f"NUTS {version}: {report.loaded[version]} regions loaded")
        if read:
            say(f"NUTS: Latin-script names taken from another version for {_latin_names_fill()} regions")
    return report
