"""The package's code tables are what the derivation script makes of the published tables (kept in sync)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from smartcluster.sources import derive_code_tables as derive


def test_package_tables_match_a_fresh_derivation(shared_data: Path) -> None:
    for fresh, stored in ((derive.codes_table(shared_data), derive.CODES_FILE),
                          (derive.changes_table(shared_data), derive.CHANGES_FILE),
                          (derive.nace_table(shared_data), derive.NACE_FILE)):
        pd.testing.assert_frame_equal(fresh.reset_index(drop=True),
                                      pd.read_csv(stored, dtype=fresh.dtypes.to_dict(), keep_default_na=False))


def test_changes_hold_the_documented_examples(shared_data: Path) -> None:
    changes = derive.changes_table(shared_data)
    pairs = set(zip(changes["from_version"], changes["code_from"], changes["code_to"], changes["kind"], strict=True))
    assert ("2006", "GR11", "EL11", "recode") in pairs and ("2010", "EL11", "EL51", "recode") in pairs
    assert ("2013", "LT00", "", "changed") in pairs and ("2016", "HR04", "", "changed") in pairs
    assert ("2006", "DE41", "", "changed") in pairs
