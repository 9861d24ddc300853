"""Industry codes in Eurostat notation (`C`, `C10`, `G451`, `C1011`, aggregates `B-E`, `M_N`, `TOTAL`) and levels.

Levels: 1 section, 2 division, 3 group, 4 class (NACE Rev. 2); 0 for aggregates of several sections or divisions
(`TOTAL`, `B-E`, `G-I`, `M_N`, `B-N_S95_X_K`, `C10-C12`), which no single level holds, and for LFS's
`NRP` (no response). Other classifications
(NAICS, a user's own codes): the number of digits for NAICS (2–6), 0 for a user's codes.
"""

from __future__ import annotations

import re

import pandas as pd

NACE = "NACE_R2"
NAICS = "NAICS"
# Divisions of each NACE Rev. 2 section (Regulation (EC) No 1893/2006, Annex I).
SECTION_DIVISIONS = {
    "A": range(1, 4), "B": range(5, 10), "C": range(10, 34), "D": range(35, 36), "E": range(36, 40),
    "F": range(41, 44), "G": range(45, 48), "H": range(49, 54), "I": range(55, 57), "J": range(58, 64),
    "K": range(64, 67), "L": range(68, 69), "M": range(69, 76), "N": range(77, 83), "O": range(84, 85),
    "P": range(85, 86), "Q": range(86, 89), "R": range(90, 94), "S": range(94, 97), "T": range(97, 99),
    "U": range(99, 100),
}
DIVISION_SECTION = {division: section for section, divisions in SECTION_DIVISIONS.items() for division in divisions}
NACE_CODE = re.compile(r"^([A-U])(\d{2})?(\d)?(\d)?$")
# Eurostat codes outside the classification's tree: the total and LFS's "no response".
SPECIAL_CODES = frozenset({"TOTAL", "NRP"})
AGGREGATE_PART = re.compile(r"^[A-U](\d{2})?$")


def nace_level(code: str) -> int | None:
    """The NACE level of an Eurostat-notation code; 0 for aggregates; None when it is not a valid NACE code."""
    if code in SPECIAL_CODES:
        return 0
    if "-" in code or "_" in code:
        parts = [p for p in re.split(r"[-_]", code) if p not in ("X", "")]
        return 0 if parts and all(AGGREGATE_PART.match(p) or nace_level(p) is not None for p in parts) else None
    match = NACE_CODE.match(code)
    if not match:
        return None
    section, division, group, klass = match.groups()
    if division is None:
        return 1
    if DIVISION_SECTION.get(int(division)) != section:
        return None
    return 2 + (group is not None) + (klass is not None)


def nace_code(raw: str) -> str | None:
    """Eurostat notation for a NACE code written as `C10.11`, `10.11`, `1011`, `C1011`, `10` or `C`; None if invalid."""
    text = str(raw).strip().upper().replace(".", "").replace(" ", "")
    if text.isdigit() and len(text) >= 2:
        section = DIVISION_SECTION.get(int(text[:2]))
        text = f"{section}{text}" if section else ""
    return text if text and nace_level(text) is not None else None


def industry_levels(codes: pd.Series, classification: str) -> pd.Series:
    """The level of each code (computed once per distinct code); <NA> for codes invalid in the classification."""
    distinct = pd.Series(codes.unique())
    if classification == NACE:
        levels = distinct.map(nace_level)
    elif classification == NAICS:
        levels = distinct.map(lambda c: len(c) if str(c).isdigit() and 2 <= len(c) <= 6 else None)
    else:
        levels = distinct.map(lambda c: 0)
    lookup = dict(zip(distinct, levels, strict=True))
    return codes.map(lookup).astype("Int64")
