"""Star ratings: size, specialisation, focus, productivity, dynamism; thresholds and reference honoured."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smartcluster.mapping.location_quotient import covered_employment
from smartcluster.mapping.stars import StarThresholds, star_ratings
from smartcluster.mapping.taxonomies import category_employment, cluster_categories


def ten_regions() -> tuple[pd.DataFrame, pd.DataFrame]:
    regions = [f"EL{i}" for i in range(5)] + [f"DE{i}" for i in range(5)]
    employment = [10.0, 20.0, 30.0, 40.0, 500.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    totals = [1000.0] * 5 + [100.0] * 5
    categories = pd.DataFrame({"region": regions, "year": 2014, "category": "x", "value": employment})
    return categories, pd.DataFrame({"region": regions, "year": 2014, "value": totals})


def test_stars_by_hand_against_all_regions() -> None:
    out = star_ratings(*ten_regions()).set_index("region")
    # size: Q90 of the 10 values (linear) = 40 + 0.1 * (500 - 40) = 86 -> only EL4
    assert out["size_star"].sum() == 1 and bool(out.loc["EL4", "size_star"])
    # reference share = 615 / 5500; EL4 share 0.5 -> LQ 4.47 (>= 2); DE4 share 0.05 -> LQ 0.45
    assert out.loc["EL4", "lq"] == pytest.approx(0.5 / (615 / 5500))
    assert bool(out.loc["EL4", "specialisation_star"]) and not bool(out.loc["DE4", "specialisation_star"])
    # focus: shares 0.01..0.05 (EL0-3), 0.5, 0.01..0.05 (DE) -> Q90 = 0.05 + 0.1 * 0.45 = 0.095 -> only EL4
    assert out["focus_star"].sum() == 1
    assert out.loc["EL4", "stars"] == 3 and out.loc["EL0", "stars"] == 0
    assert out.loc["EL4", "reference_regions"] == 10


def test_star_count_changes_with_the_reference_population() -> None:
    eu = star_ratings(*ten_regions(), reference="all").set_index("region")
    national = star_ratings(*ten_regions(), reference="country").set_index("region")
    # within Germany alone DE4 (5 of 100) is the top decile in size and focus and LQ 5 / 15 * 5 = 1.67
    assert eu.loc["DE4", "stars"] == 0 and national.loc["DE4", "stars"] == 2
    assert national.loc["DE4", "reference"] == "country" and national.loc["DE4", "reference_regions"] == 5


def test_thresholds_are_parameters_and_recorded() -> None:
    lenient = StarThresholds(specialisation_lq=0.4)
    out = star_ratings(*ten_regions(), thresholds=lenient)
    assert out.attrs["thresholds"]["specialisation_lq"] == 0.4
    assert out["specialisation_star"].sum() > star_ratings(*ten_regions())["specialisation_star"].sum()


def test_unknown_employment_gives_unknown_stars_not_zero() -> None:
    categories, totals = ten_regions()
    categories.loc[0, "value"] = np.nan
    out = star_ratings(categories, totals).set_index("region")
    assert pd.isna(out.loc["EL0", "size_star"]) and pd.isna(out.loc["EL0", "specialisation_star"])
    assert pd.isna(out.loc["EL0", "focus_star"]) and pd.isna(out.loc["EL0", "stars"])  # no star known: no count
    assert out.loc["EL4", "stars"] == 3


def test_productivity_and_dynamism_stars_by_hand() -> None:
    categories, totals = ten_regions()
    wages = categories.assign(value=categories["value"] * [1, 1, 1, 1, 1, 1, 1, 1, 1, 9.0])
    earlier = categories.assign(year=2010, value=categories["value"] / [1, 1, 1, 1, 1, 1, 1, 1, 1, 2.0])
    out = star_ratings(pd.concat([earlier, categories]), pd.concat([totals.assign(year=2010), totals]),
                       wages=pd.concat([wages.assign(year=2010), wages]), growth_period=(2010, 2014))
    latest = out[out["year"] == 2014].set_index("region")
    assert latest["productivity_star"].sum() == 1 and bool(latest.loc["DE4", "productivity_star"])
    assert latest["dynamism_star"].sum() == 1 and bool(latest.loc["DE4", "dynamism_star"])
    assert out[out["year"] == 2010]["dynamism_star"].isna().all()


def test_real_sbs_stars_change_between_eu_and_country_reference(sbs_nuts2_employment: pd.DataFrame) -> None:
    rows = sbs_nuts2_employment[sbs_nuts2_employment["year"] == 2014]
    categories = category_employment(rows, cluster_categories())
    totals = covered_employment(rows)
    eu = star_ratings(categories, totals, reference="all")
    national = star_ratings(categories, totals, reference="country")
    greek_eu = eu[eu["region"].str.startswith("EL")]["stars"].sum()
    greek_national = national[national["region"].str.startswith("EL")]["stars"].sum()
    assert greek_eu != greek_national
    assert eu["stars"].between(0, 3).all() and eu["reference_regions"].max() > 250
