"""The map frame: Europe for a map of several countries (the outermost regions must not shrink it), one country
fitted to its own regions."""

from __future__ import annotations

import pandas as pd

from smartcluster.atlas.charts import EUROPE_LATITUDES, EUROPE_LONGITUDES, choropleth


def _regions(codes: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"region": codes, "name": codes, "stars": range(len(codes))})


def test_a_map_of_several_countries_shows_continental_europe_not_the_outermost_regions() -> None:
    figure = choropleth(_regions(["EL61", "ES62", "ES70", "FRY1"]), value="stars", title="", outlined=[])
    geo = figure["layout"]["geo"]
    assert geo["lonaxis"]["range"] == EUROPE_LONGITUDES and geo["lataxis"]["range"] == EUROPE_LATITUDES
    assert "fitbounds" not in geo


def test_a_map_of_one_country_is_fitted_to_its_regions() -> None:
    geo = choropleth(_regions(["EL61", "EL64", "EL30"]), value="stars", title="", outlined=[])["layout"]["geo"]
    assert geo["fitbounds"] == "locations" and "lonaxis" not in geo
