"""Input checks shared by the measures."""

from __future__ import annotations

import pandas as pd
import pytest

from smartcluster.mapping.frames import (
    MappingInputError,
    country_of,
    key_columns,
    on_single_nuts_version,
    require_columns,
    require_single_nuts_version,
)


def test_missing_columns_are_named() -> None:
    with pytest.raises(MappingInputError, match="lacks column\\(s\\) value, year"):
        require_columns(pd.DataFrame({"region": ["A"]}), ["region", "value", "year"], "input")


def test_two_nuts_versions_in_one_year_are_refused_with_both_named() -> None:
    frame = pd.DataFrame({"region": ["LT00", "LT01"], "year": [2014, 2014], "nuts_version": [2013, 2016]})
    with pytest.raises(MappingInputError, match="2013, 2016 are mixed in year 2014"):
        require_single_nuts_version(frame)


def test_versions_may_differ_between_years() -> None:
    frame = pd.DataFrame({"region": ["LT00", "LT01"], "year": [2013, 2016], "nuts_version": [2013, 2016]})
    require_single_nuts_version(frame)


def test_country_is_the_first_two_letters_and_versions_travel_with_keys() -> None:
    assert country_of(pd.Series(["EL61", "DE11"])).tolist() == ["EL", "DE"]
    assert key_columns(pd.DataFrame(columns=["region", "nuts_version"]), "region") == ["region", "nuts_version"]
    assert key_columns(pd.DataFrame(columns=["region"]), "region") == ["region"]


def test_one_nuts_version_recodes_one_to_one_and_reports_the_rest() -> None:
    frame = pd.DataFrame({"region": ["EL11", "EL51", "DE41", "DE11"], "nuts_version": [2010, 2013, 2006, 2010],
                          "year": 2014, "industry": "C10", "value": [float("nan"), 5.0, 3.0, 7.0]})
    kept, left_out = on_single_nuts_version(frame, 2013)
    # EL11 -> EL51 collides with the published EL51 row: the published one stays; DE41 has no 2013 code
    assert sorted(kept["region"]) == ["DE11", "EL51"] and kept["nuts_version"].eq(2013).all()
    assert kept.set_index("region").loc["EL51", "value"] == 5.0
    assert left_out == ["DE41"]
