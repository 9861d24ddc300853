"""NUTS version inference on the real traps, and one-to-one recoding between versions."""

from __future__ import annotations

import copy
from pathlib import Path

import pandas as pd
import pytest

from smartcluster.sources import nuts_versions


@pytest.mark.parametrize(("code", "year", "version"), [
    ("LT00", 2014, 2010), ("LT00", 2015, 2013), ("LT01", 2018, 2016), ("LT02", 2016, 2016),
    ("HU10", 2015, 2013), ("HU11", 2019, 2016), ("HU12", 2021, 2021),
    ("IE01", 2014, 2010), ("IE02", 2008, 2006), ("IE04", 2017, 2016), ("IE06", 2022, 2021),
    ("EL11", 2008, 2010), ("EL14", 2012, 2010), ("EL30", 2014, 2010), ("EL41", 2016, 2013), ("EL65", 2015, 2013),
    ("HR04", 2015, 2013), ("HR04", 2019, 2016), ("HR02", 2021, 2021), ("HR02", 2019, 2021), ("HR03", 2021, 2021),
    ("DE41", 2009, 2006), ("DE40", 2011, 2010), ("NO01", 2010, 2016), ("EU28", 2014, 0),
])
def test_version_inferred_from_code_and_year_on_the_traps(code: str, year: int, version: int) -> None:
    assert nuts_versions.infer_version(code, year) == version


def test_codes_of_different_versions_never_share_a_version_in_one_year() -> None:
    assert nuts_versions.infer_version("LT00", 2016) == 2013
    assert nuts_versions.infer_version("LT01", 2016) == 2016
    assert nuts_versions.infer_version("XX99", 2016) is None


def test_level_from_code_length_and_country_groups_at_minus_one() -> None:
    assert [nuts_versions.nuts_level(c) for c in ("DE", "DE1", "DE11", "DE111", "DEZZ", "EU28", "EA19")] == \
        [0, 1, 2, 3, 2, -1, -1]


def test_package_code_list_holds_every_code_of_the_shared_history_list(shared_data: Path) -> None:
    history = pd.read_csv(shared_data / "nuts-history" / "nuts_codes_names_2006_2024.csv.gz", dtype=str,
                          keep_default_na=False)
    known = nuts_versions.code_versions()
    missing = [(c, v) for c, v in zip(history["nuts_id"], history["nuts_version"], strict=True)
               if int(v) not in known.get(c, ())]
    assert missing == []
    assert len(history) == 11140


@pytest.mark.parametrize(("code", "start", "end", "expected"), [
    ("GR11", 2006, 2013, "EL51"),  # two code changes in a row, same region
    ("EL51", 2013, 2010, "EL11"),  # backwards
    ("HU101", 2013, 2016, "HU110"),  # NUTS 3 Budapest became NUTS 2 HU11's only NUTS 3
    ("DE11", 2006, 2021, "DE11"),  # unchanged
    ("LT00", 2013, 2016, None),  # split into LT01/LT02
    ("HU10", 2013, 2016, None),
    ("IE01", 2010, 2016, None),
    ("DE41", 2006, 2010, None),  # merged into DE40
    ("HR04", 2016, 2021, None),  # split into HR02/HR05/HR06
    ("HR03", 2016, 2024, None),  # no change table reaches 2024
])
def test_recoding_only_where_every_step_is_one_to_one(code: str, start: int, end: int, expected: str | None) -> None:
    assert nuts_versions.recode(code, start, end) == expected


def test_series_on_one_version_moves_recoded_rows_and_keeps_changed_regions_apart() -> None:
    observations = pd.DataFrame({
        "region": ["EL11", "EL51", "LT00", "LT01"], "nuts_version": [2010, 2013, 2013, 2016],
        "year": [2012, 2015, 2015, 2018], "value": [1.0, 2.0, 3.0, 4.0]}, index=[10, 11, 12, 13])
    moved = nuts_versions.on_version(observations, 2013)
    assert moved.index.tolist() == [10, 11, 12, 13] and moved["value"].tolist() == [1.0, 2.0, 3.0, 4.0]
    assert moved[["region", "nuts_version"]].values.tolist() == [
        ["EL51", 2013], ["EL51", 2013], ["LT00", 2013], ["LT01", 2016]]
    on_2016 = nuts_versions.on_version(observations, 2016)
    assert on_2016.loc[on_2016["region"] == "LT00", "nuts_version"].tolist() == [2013]  # never stitched to LT01


def test_recoded_row_meeting_a_published_row_is_dropped_and_reported() -> None:
    observations = pd.DataFrame({
        "region": ["EL11", "EL51", "EL11", "EL12"], "nuts_version": [2010, 2013, 2010, 2010],
        "industry": ["C10", "C10", "C11", "C10"], "year": 2014, "value": [1.0, 2.0, 3.0, 4.0]}, index=[5, 6, 7, 8])
    moved = nuts_versions.on_version(observations, 2013)
    # EL11 C10 meets the published EL51 C10: the published one stays; EL11 C11 has no rival and is carried
    assert moved.index.tolist() == [6, 7, 8]
    assert moved[["region", "industry", "value"]].values.tolist() == [
        ["EL51", "C10", 2.0], ["EL51", "C11", 3.0], ["EL52", "C10", 4.0]]
    assert moved.attrs["superseded"] == (("EL11", 2010, "EL51", 2014),)
    assert copy.deepcopy(moved).attrs["superseded"] is moved.attrs["superseded"]  # shared, not copied


def test_real_sbs_file_on_one_version_has_one_row_per_region_year_industry_measure(shared_data: Path) -> None:
    from tests.mapping.conftest import read_old_bulk_sbs

    sbs = read_old_bulk_sbs(shared_data / "eurostat-sbs-regional" / "sbs_r_nuts06_r2.tsv.gz")
    sbs = sbs[sbs["nuts_level"] == 2].assign(nuts_version=lambda f: nuts_versions.infer_versions(f["region"], f["year"]))
    moved = nuts_versions.on_version(sbs.dropna(subset=["nuts_version"]), 2013)
    kept = moved[moved["nuts_version"] == 2013]
    assert not kept.duplicated(["region", "year", "industry", "measure"]).any()
    assert ("EL11", 2010, "EL51", 2014) in moved.attrs["superseded"]
