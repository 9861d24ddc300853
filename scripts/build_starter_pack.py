#!/usr/bin/env python3
"""Derive the starter pack bundled with smartcluster (`smartcluster/starter_pack/`) from the real files in
`../shared/data`: NUTS 2006–2024 codes and names, light boundaries 2016/2021/2024, NACE Rev. 2 and two Eurostat
SBS extracts, with a manifest of checksums and a NOTICE. Same input, same bytes (a test re-derives and compares).

    python scripts/build_starter_pack.py [SHARED_DATA] [--out FOLDER]

Statistics are parsed by the platform's own importers (`sources.eurostat`, `sources.files`), so flags, unknown
cells and NUTS versions follow the same rules as an import; boundaries are rounded by the loader's own function.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smartcluster import starter_pack  # noqa: E402 - the repository root is put on the path first
from smartcluster.regions.geometry import geometry_simplified  # noqa: E402
from smartcluster.sources import eurostat, files  # noqa: E402
from smartcluster.statistics.store import COLUMNS  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared" / "data"
GISCO_FILES = {  # NUTS version -> GISCO files in shared/data, merged into one pack file per version
    2016: [f"gisco-nuts/NUTS_RG_20M_2016_4326_LEVL_{level}.geojson.gz" for level in range(3)],
    2021: ["gisco-nuts/NUTS_RG_60M_2021_4326.geojson.gz"],
    2024: ["gisco-nuts/NUTS_RG_20M_2024_4326.geojson.gz"],
}
GISCO_PROPERTIES = ("NUTS_ID", "LEVL_CODE", "CNTR_CODE", "NAME_LATN", "NUTS_NAME")
NUTS_LIST = "nuts-history/nuts_codes_names_2006_2024.csv.gz"
NACE_FILE = "classifications/Nace2_long.csv.gz"
SBS_FILE = "eurostat-sbs-regional/sbs_r_nuts06_r2.tsv.gz"
SBS_INDICATORS = ("V11210", "V13320", "V16110")  # local units, wages and salaries, persons employed
SBS_2021_FILE = "eurostat-sbs-regional/sbs_r_nuts2021_EMP_LOC_NR_C_2022_v2025-02.csv.gz"
EUROSTAT_LICENCE = ("Eurostat: free re-use with acknowledgement of the source (Commission Decision 2011/833/EU; "
                    "the Commission's re-use policy applies CC BY 4.0)")
# Provenance of each dataset, stored with its observations (the Data status page shows it).
STATISTICS = {
    "sbs_r_nuts06_r2": {
        "file": "sbs_r_nuts06_r2.parquet",
        "source_label": "Eurostat SBS",
        "title": "SBS data by NUTS 2 regions and NACE Rev. 2 (sbs_r_nuts06_r2): persons employed, wages and "
                 "salaries, local units; NUTS 2 regions x NACE sections and divisions",
        "source": "Eurostat bulk download sbs_r_nuts06_r2.tsv.gz (2017), as kept in kproductivity/creative-industries "
                  "data/sbs_r_nuts06_r2.tsv.gz (commit e7902e4e2f54caabd63a6ea9a661f7c725b7b470, 2017-08-01)",
        "extracted_at": "2017",
        "dataset_version": "bulk download of 2017 (2015 sparsely filled)",
        "refresh": "smartcluster import eurostat sbs_r_nuts06_r2",
        "licence": EUROSTAT_LICENCE,
    },
    "sbs_r_nuts2021": {
        "file": "sbs_r_nuts2021.parquet",
        "source_label": "Eurostat SBS (NUTS 2021 series), manufacturing extract",
        "title": "Enterprises by NUTS 2 region and NACE Rev. 2 activity (sbs_r_nuts2021): persons employed in local "
                 "units (EMP_LOC_NR), NACE C and C10-C33, 2022, EU countries and NUTS 2 regions",
        "source": "Eurostat dissemination API via restatapi, extract kept in giocopp/LOCALISED-7.1-Paper "
                  "Pipeline_1-Exposure/Outputs/Data/EMPL_persons_raw_data.xlsx (commit "
                  "7890cdd97ba7858d734faa9fa496ac7678ece9f1, 2025-02-10); flags were dropped by that extract, an "
                  "empty cell is unknown",
        "extracted_at": "2025-02",
        "dataset_version": "extract of 2025-02 (manufacturing, 2022 only)",
        "refresh": "smartcluster import eurostat sbs_r_nuts2021",
        "licence": EUROSTAT_LICENCE,
    },
}
NOTICE_TEXT = """smartcluster starter pack
=========================

Derived by scripts/build_starter_pack.py from the files below; nothing else is added. Refresh from the official
sources when online: `smartcluster setup` loads the reference data from them when they can be reached, and
`smartcluster import eurostat sbs_r_nuts06_r2` / `smartcluster import eurostat sbs_r_nuts2021` replace the
statistics.

Statistics - Source: Eurostat. Licence: {licence}.
- sbs_r_nuts06_r2.parquet: Eurostat dataset sbs_r_nuts06_r2 (SBS data by NUTS 2 regions and NACE Rev. 2), bulk
  download of 2017, years 2008-2015; persons employed (V16110), wages and salaries (V13320, million EUR), local
  units (V11210) by NUTS 2 region and NACE section and division, with Eurostat's flags.
  Carried by kproductivity/creative-industries (Apache-2.0), commit e7902e4e (2017-08-01).
- sbs_r_nuts2021.parquet: extract of Eurostat dataset sbs_r_nuts2021 (Enterprises by NUTS 2 region and NACE Rev. 2
  activity), downloaded 2025-02 from the dissemination API: persons employed in local units (EMP_LOC_NR), NACE C and
  C10-C33, 2022, NUTS 2021 codes. The extract dropped Eurostat's flags: an empty cell is unknown, never 0.
  Carried by giocopp/LOCALISED-7.1-Paper (Hertie School, LOCALISED Horizon project), commit 7890cdd9 (2025-02-10).

NUTS regions - Source: Eurostat (NUTS history correspondence tables; GISCO). Licence: Eurostat, as above.
- nuts_regions.parquet: codes, levels and names (national language; Latin script where published) of NUTS 2006,
  2010, 2013, 2016, 2021 and 2024, from Eurostat's NUTS history workbooks (rOpenGov/regions, commit 0890afe9) and
  the GISCO 2024 release.

Administrative boundaries - (c) EuroGeographics for the administrative boundaries.
- NUTS_RG_20M_2016_4326.geojson.gz (levels 0-2), NUTS_RG_60M_2021_4326.geojson.gz (levels 0-3) and
  NUTS_RG_20M_2024_4326.geojson.gz (levels 0-3): Eurostat GISCO NUTS regions, EPSG:4326, coordinates rounded to
  3 decimals (islets smaller than that dropped), properties cut to codes and names. Subject to GISCO's terms of use
  (https://ec.europa.eu/eurostat/web/gisco/geodata/administrative-units): credit "(c) EuroGeographics for the
  administrative boundaries". Carried by ericofrs/istat_2020 (2016), BIAKuustom/NUTSMaps (2021) and
  ryaneyan/info_vis (2024).

NACE Rev. 2 - Source: Eurostat classification server, as published in eurostat/correspondenceTables (EUPL),
  inst/extdata/test/Nace2_long.csv (commit c86135fc): Nace2_long.csv.gz, unchanged content.
"""


def _gzipped(data: bytes) -> bytes:
    """Gzip without a timestamp or file name, so the same content gives the same bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    """Parquet without pandas metadata (which names the pandas version), zstd-compressed."""
    table = pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", compression_level=9, use_dictionary=True)
    return sink.getvalue()


def nuts_regions(shared: Path) -> pd.DataFrame:
    """Codes, levels and names of every NUTS version 2006–2024 (names stripped of stray spaces)."""
    table = pd.read_csv(shared / NUTS_LIST, dtype=str, keep_default_na=False)
    frame = pd.DataFrame({
        "nuts_version": table["nuts_version"].astype("int16"), "code": table["nuts_id"].str.strip(),
        "level": table["level"].astype("int8"), "name": table["name"].str.strip(),
        "name_latn": table["name_latn"].str.strip(),
    })
    return frame.sort_values(["nuts_version", "code"]).reset_index(drop=True)


def gisco_boundaries(shared: Path, paths: list[str]) -> bytes:
    """The GISCO files of one version as one GeoJSON: boundaries rounded, properties cut to codes and names."""
    features = []
    for path in paths:
        for feature in json.loads(gzip.decompress((shared / path).read_bytes()))["features"]:
            properties = {key: (value.strip() if isinstance(value, str) else value)
                          for key, value in feature["properties"].items() if key in GISCO_PROPERTIES}
            geometry = geometry_simplified(feature["geometry"]) if feature.get("geometry") else None
            features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    features.sort(key=lambda feature: (feature["properties"]["LEVL_CODE"], feature["properties"]["NUTS_ID"]))
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _observations(frame: pd.DataFrame) -> pd.DataFrame:
    """Observations in the store's columns and a fixed order."""
    columns = [column for column in COLUMNS if column != "dataset"]
    frame = frame.reindex(columns=columns).sort_values(["measure", "region", "industry", "year"])
    for column in ("nuts_version", "nuts_level", "industry_level", "year"):
        frame[column] = frame[column].astype("int16")
    for column in ("measure_code", "flags", "unit"):
        frame[column] = frame[column].fillna("").astype(str)
    return frame.reset_index(drop=True)


def sbs_nuts06(shared: Path) -> pd.DataFrame:
    """sbs_r_nuts06_r2: the three headline indicators by NUTS 2 region x NACE section and division, flags kept."""
    frame = eurostat.read_file(shared / SBS_FILE, dataset="sbs_r_nuts06_r2")
    kept = (frame["measure_code"].isin(SBS_INDICATORS) & (frame["nuts_level"] == 2)
            & frame["industry_level"].isin([1, 2]) & ~frame["region"].str.endswith("Z"))
    return _observations(frame[kept])


def sbs_nuts2021(shared: Path) -> pd.DataFrame:
    """The 2022 manufacturing extract of sbs_r_nuts2021 (empty cell = unknown); the five rows with neither NACE code
    nor year (NUTS 2021 codes the download had no data for) are dropped, as they hold nothing."""
    rows = list(csv.reader(io.StringIO(gzip.decompress((shared / SBS_2021_FILE).read_bytes()).decode("utf-8"))))
    kept = [rows[0]] + [row for row in rows[1:] if row[2].strip() and row[3].strip()]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sbs_r_nuts2021_extract.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(kept)
        frame = files.read_table(path, mapping={"region": "NUTS_ID", "industry": "Sector", "year": "Time",
                                                "value": "Empl_pers"},
                                 constants={"measure": "persons_employed", "unit": "number",
                                            "measure_code": "EMP_LOC_NR"})
    return _observations(frame)


def pack_build(shared: Path, out: Path) -> dict[str, str]:
    """Write every pack file under `out` (all derived first, then written); returns name -> sha256."""
    payloads: dict[str, bytes] = {starter_pack.NUTS_REGIONS: _parquet_bytes(nuts_regions(shared))}
    for version, paths in GISCO_FILES.items():
        payloads[starter_pack.NUTS_BOUNDARIES[version]] = _gzipped(gisco_boundaries(shared, paths))
    payloads[starter_pack.NACE] = _gzipped(gzip.decompress((shared / NACE_FILE).read_bytes()))
    statistics = {"sbs_r_nuts06_r2": sbs_nuts06(shared), "sbs_r_nuts2021": sbs_nuts2021(shared)}
    manifest_statistics = {}
    for dataset, frame in statistics.items():
        entry = STATISTICS[dataset]
        payloads[entry["file"]] = _parquet_bytes(frame)
        manifest_statistics[dataset] = {**entry, "years": sorted(int(year) for year in frame["year"].unique())}
    payloads[starter_pack.NOTICE] = NOTICE_TEXT.format(licence=EUROSTAT_LICENCE).encode()
    checksums = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(payloads.items())}
    manifest = {"files": checksums, "statistics": manifest_statistics}
    payloads[starter_pack.MANIFEST] = (json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False)
                                       + "\n").encode()
    out.mkdir(parents=True, exist_ok=True)
    for name, data in payloads.items():
        (out / name).write_bytes(data)
    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(payloads.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED,
                        help="the shared data folder (default: ../shared/data next to the repository)")
    parser.add_argument("--out", type=Path, default=starter_pack.PACK_DIR, help="where the pack is written")
    arguments = parser.parse_args(argv)
    if not arguments.shared.is_dir():
        parser.error(f"{arguments.shared}: no such folder (give the path of shared/data)")
    checksums = pack_build(arguments.shared, arguments.out)
    total = sum((arguments.out / name).stat().st_size for name in checksums)
    for name in checksums:
        print(f"{(arguments.out / name).stat().st_size:>10,}  {name}")
    print(f"{total:>10,}  bytes in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
