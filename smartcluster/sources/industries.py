"""Industry codes in Eurostat notation (`C`, `C10`, `G451`, `C1011`, aggregates `B-E`, `M_N`, `TOTAL`) and levels.

Levels: 1 section, 2 division, 3 group, 4 class (NACE Rev. 2); 0 for aggregates of several sections or divisions
(`TOTAL`, `B-E`, `G-I`, `M_N`, `B-N_S95_X_K`, `C10-C12`), which no single level holds, and for LFS's `NRP`
(no response). Other classifications: the number of digits for NAICS (2–6), 0 for a user's own codes.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd

NACE = "NACE_R2"
NAICS = "NAICS"
# Eurostat codes outside the classification's tree: the total and LFS's "no response".
SPECIAL_CODES = frozenset({"TOTAL", "NRP"})
AGGREGATE_SEPARATORS = re.compile(r"[-_]")


@functools.cache
def nace_levels() -> dict[str, int]:
    """Every NACE Rev. 2 code in Eurostat notation with its level (`nace_codes.csv`, see derive_code_tables.py)."""
    table = pd.read_csv(Path(__file__).resolve().parent / "nace_codes.csv", dtype={"code": str, "level": int})
    return dict(zip(table["code"], table["level"], strict=True))


@functools.cache
def division_sections() -> dict[str, str]:
    """Two-digit division → its section letter."""
    return {code[1:]: code[0] for code, level in nace_levels().items() if level == 2}


def nace_level(code: str) -> int | None:
    """The NACE level of an Eurostat-notation code; 0 for aggregates; None when it is not a NACE code."""
    if code in SPECIAL_CODES:
        return 0
    if "-" in code or "_" in code:
        parts = [p for p in AGGREGATE_SEPARATORS.split(code) if p not in ("X", "")]
        return 0 if parts and all(p in nace_levels() and nace_levels()[p] <= 2 for p in parts) else None
    return nace_levels().get(code)


def nace_code(raw: str) -> str | None:
    """Eurostat notation for a NACE code written as `C10.11`, `10.11`, `1011`, `C1011`, `10` or `C`; None if invalid."""
    text = str(raw).strip().upper().replace(".", "").replace(" ", "")
    if text.isdigit() and len(text) >= 2:
        section = division_sections().get(text[:2])
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
