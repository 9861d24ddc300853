"""Derive the package's code tables from Eurostat's published tables: `nuts_codes.csv`, `nuts_changes.csv` (NUTS
history tables and GISCO lists) and `nace_codes.csv` (the NACE Rev. 2 structure).

Run `python -m smartcluster.sources.derive_code_tables ../shared/data` after the sources change; the outputs are
reduced, re-shaped tables (codes with the versions they exist in; one-to-one recodes and changed regions per
version step; NACE codes in Eurostat notation with their level), never copies of the input files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
CODES_FILE = HERE / "nuts_codes.csv"
CHANGES_FILE = HERE / "nuts_changes.csv"
NACE_FILE = HERE / "nace_codes.csv"
VERSION_STEPS = {2006: 2010, 2010: 2013, 2013: 2016, 2016: 2021}
# Words of the change vocabularies (they differ per table) that mean the region's boundaries moved.
BOUNDARY_WORDS = ("boundary", "split", "merge", "part", "discontinued", "terminated", "new", "lost", "made")
RECODE_WORDS = ("code", "recod")


def codes_table(data_folder: Path) -> pd.DataFrame:
    """One row per NUTS code: its level and the versions (space separated) in which it exists."""
    names = pd.read_csv(data_folder / "nuts-history" / "nuts_codes_names_2006_2024.csv.gz", dtype=str,
                        keep_default_na=False, usecols=["nuts_version", "nuts_id", "level"])
    # Norway and the other non-EU countries of 2016 are only in the GISCO-based list.
    gisco = pd.read_csv(data_folder / "gisco-nuts" / "nuts_regions_2016_2021.csv", dtype=str,
                        keep_default_na=False, usecols=["nuts_version", "nuts_id", "level"])
    both = pd.concat([names, gisco]).drop_duplicates(["nuts_version", "nuts_id"])
    table = (both.sort_values(["nuts_id", "nuts_version"])
             .groupby("nuts_id", as_index=False)
             .agg(level=("level", "first"), versions=("nuts_version", " ".join)))
    return table.rename(columns={"nuts_id": "code"})


def changes_table(data_folder: Path) -> pd.DataFrame:
    """Per version step: one-to-one recodes (kind `recode`) and codes whose region changed (kind `changed`)."""
    changes = pd.read_csv(data_folder / "nuts-history" / "nuts_code_changes_2003_2021.csv", dtype=str,
                          keep_default_na=False)
    changes = changes[changes["from_version"].astype(int).isin(VERSION_STEPS)]
    text = changes["change"].str.lower()
    moved = text.str.contains("|".join(BOUNDARY_WORDS))
    recode_like = text.str.contains("|".join(RECODE_WORDS)) & ~moved
    plain = (changes["code_from"] != "") & (changes["code_to"] != "") & (changes["code_from_part"] == "False") \
        & (changes["code_to_part"] == "False")
    step = changes["from_version"]
    once_from = ~changes.assign(step=step)[["step", "code_from"]].duplicated(keep=False)
    once_to = ~changes.assign(step=step)[["step", "code_to"]].duplicated(keep=False)
    is_recode = recode_like & plain & once_from & once_to & (changes["code_from"] != changes["code_to"])
    recodes = changes[is_recode].assign(kind="recode")
    changed = changes[~is_recode & moved & (changes["code_from"] != "")].assign(code_to="", kind="changed")
    table = pd.concat([recodes, changed])[["from_version", "to_version", "code_from", "code_to", "kind"]]
    return table.drop_duplicates().sort_values(["from_version", "code_from", "kind"]).reset_index(drop=True)


def nace_table(data_folder: str | Path) -> pd.DataFrame:
    """NACE Rev. 2 codes in Eurostat notation (section letter + digits without dots: C, C10, C101, C1011), level."""
    nace = pd.read_csv(Path(data_folder) / "classifications" / "Nace2_long.csv.gz", dtype=str,
                       usecols=["nace2", "Level", "Parent"])
    section_of = {}
    for code, level, parent in zip(nace["nace2"], nace["Level"], nace["Parent"], strict=True):
        section_of[code] = code if level == "1" else section_of.get(parent, parent)
    codes = [code if level == "1" else section_of[code] + code.replace(".", "")
             for code, level in zip(nace["nace2"], nace["Level"], strict=True)]
    return pd.DataFrame({"code": codes, "level": nace["Level"].astype(int)})


def main(data_folder: str) -> None:
    """Write the three tables next to this module."""
    folder = Path(data_folder)
    codes_table(folder).to_csv(CODES_FILE, index=False)
    changes_table(folder).to_csv(CHANGES_FILE, index=False)
    nace_table(folder).to_csv(NACE_FILE, index=False)
    print(f"wrote {CODES_FILE.name}, {CHANGES_FILE.name} and {NACE_FILE.name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(HERE.parents[2] / "shared" / "data"))
