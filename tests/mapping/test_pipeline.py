"""The one store → mapping-table pipeline (`smartcluster map` and the atlas): the real 7-country SBS extract in a
statistics store of its own, and small frames for the NUTS-version rule."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from smartcluster.mapping import MappingInputError, builtin_taxonomy
from smartcluster.mapping.pipeline import ROW_COLUMNS, Inputs, map_tables, read_inputs, year_table

SBS = "sbs_r_nuts06_r2"
TAXONOMY = builtin_taxonomy("cluster_categories")


@pytest.fixture(scope="module")
def store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> object:
    """A statistics store holding the 7-country SBS extract as the importer stores it."""
    from smartcluster.sources.eurostat import observations_from_bytes
    from smartcluster.statistics import StatisticsStore

    path = shared_data / "fixture-7-countries" / "sbs_r_nuts06_r2_7countries.tsv.gz"
    with gzip.open(path) as handle:
        observations, _ = observations_from_bytes(handle.read(), dataset=SBS, file=str(path))
    store = StatisticsStore(tmp_path_factory.mktemp("pipeline") / "statistics.duckdb")
    store.replace_dataset(SBS, observations, {"source": str(path)})
    return store


@pytest.fixture(scope="module")
def inputs(store: object) -> Inputs:
    return read_inputs(store, SBS)


@pytest.fixture(scope="module")
def all_years(inputs: Inputs) -> object:
    """Every year at once, on the newest NUTS version (as the atlas maps a dataset)."""
    return map_tables(inputs, TAXONOMY)


def test_one_year_alone_equals_that_year_of_all_years(inputs: Inputs, all_years: object) -> None:
    for year in (2010, 2014):
        expected = year_table(inputs, TAXONOMY, year=year, nuts_version=all_years.nuts_version).table
        expected = expected.set_index(["region", "category"]).sort_index()
        shown = all_years.table[all_years.table["year"] == year].set_index(["region", "category"]).sort_index()
        assert list(shown.index) == list(expected.index)
        for column in ("employment", "lq", "completeness"):
            pd.testing.assert_series_equal(shown[column], expected[column], check_names=False)
        for column in ("size_star", "specialisation_star", "focus_star", "stars"):
            assert shown[column].astype("Int64").tolist() == expected[column].astype("Int64").tolist(), column


def test_regions_that_cannot_be_carried_to_the_version_are_listed_per_year_and_left_out(inputs: Inputs) -> None:
    result = map_tables(inputs, TAXONOMY, version=2010)
    listed = {code for codes in result.left_out.values() for code in codes}
    assert {"DE41", "DE42", "DED1", "DED3", "HR03", "HR04"} <= listed
    assert not listed & set(result.table["region"]) and result.table["nuts_version"].eq(2010).all()


def test_a_dataset_missing_from_the_store_is_refused_naming_it(store: object) -> None:
    with pytest.raises(MappingInputError, match="no persons_employed of sbs_r_nuts2021 at NUTS level 2: import"):
        read_inputs(store, "sbs_r_nuts2021")


@pytest.mark.parametrize(("choice", "message"), [
    ({"year": 1990}, "no employment data for 1990"),
    ({"year": 2014, "region": "XX99"}, "region XX99 has no employment data in sbs_r_nuts06_r2 for 2014 at NUTS level 2"),
    ({"year": 2014, "category": "999"}, "category 999 is not in taxonomy cluster_categories"),
])
def test_one_year_refuses_a_year_region_or_category_without_data_naming_it(inputs: Inputs, choice: dict,
                                                                           message: str) -> None:
    with pytest.raises(MappingInputError, match=message):
        year_table(inputs, TAXONOMY, **choice)


def _rows(region: str, version: int, values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame([{"region": region, "nuts_version": version, "industry": code, "industry_level": len(code) - 2
                          if len(code) > 1 else 1, "year": 2014, "value": value, "flags": ""}
                         for code, value in values.items()], columns=ROW_COLUMNS)


def test_wages_and_establishments_published_under_an_old_code_join_the_employment_on_its_version() -> None:
    # EL11 (NUTS 2010) is EL51 in NUTS 2013, recoded one-to-one
    employment = pd.concat([_rows("EL51", 2013, {"C": 100.0, "C10": 60.0}), _rows("EL52", 2013, {"C": 90.0,
                                                                                                  "C10": 30.0})])
    wages = pd.concat([_rows("EL11", 2010, {"C": 900.0, "C10": 600.0}), _rows("EL52", 2013, {"C": 800.0,
                                                                                              "C10": 200.0})])
    units = pd.concat([_rows("EL11", 2010, {"C": 9.0, "C10": 4.0}), _rows("EL52", 2013, {"C": 8.0, "C10": 3.0})])
    inputs = Inputs(dataset="test", nuts_level=2, employment=employment, wages=wages, establishments=units)
    table = map_tables(inputs, TAXONOMY).table.set_index("region")
    food = table[table["category"] == "18"]
    assert food.loc["EL51", "establishments"] == 4 and food.loc["EL52", "establishments"] == 3
    assert food["productivity_star"].notna().all()
