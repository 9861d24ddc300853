"""Taxonomies: NACE roll-up, the derived cluster-category table, division methods, user files, category sums."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.taxonomies import (
    DATA,
    Taxonomy,
    builtin_taxonomy,
    category_employment,
    cluster_categories,
    industry_level,
    load_taxonomy,
    roll_up,
    section_of_division,
)

REPO = Path(__file__).resolve().parents[2]


def toy_taxonomy() -> Taxonomy:
    table = pd.DataFrame({"industry": ["C1011", "C1012", "C1013", "C2011", "C2012"],
                          "category": ["food", "food", "chem", "chem", "chem"],
                          "category_name": ["Food", "Food", "Chemicals", "Chemicals", "Chemicals"],
                          "order": [1, 1, 2, 2, 2]})
    return Taxonomy("toy", "1", "test", "test", table)


def test_levels_of_eurostat_codes() -> None:
    assert industry_level(pd.Series(["C", "C10", "G451", "C1011"])).tolist() == [1, 2, 3, 4]
    assert section_of_division(26) == "C" and section_of_division(62) == "J"


def test_roll_up_sums_classes_to_divisions_and_counts_unknown_cells() -> None:
    frame = pd.DataFrame({"region": "X", "year": 2014, "industry": ["C1011", "C1012", "C2011", "C2012"],
                          "value": [2.0, 3.0, 5.0, np.nan]})
    out = roll_up(frame, 2).set_index("industry")
    assert out.loc["C10", "value"] == 5.0 and out.loc["C10", "unknown_cells"] == 0
    assert out.loc["C20", "value"] == 5.0 and out.loc["C20", "unknown_cells"] == 1


def test_majority_gives_a_division_the_category_of_most_of_its_classes() -> None:
    # C10 has two food classes and one chemicals class -> food; C20 has two chemicals classes -> chemicals
    mapping = toy_taxonomy().at_level(2).set_index("industry")
    assert mapping.loc["C10", "category"] == "food" and mapping.loc["C10", "weight"] == 1.0
    assert mapping.loc["C20", "category"] == "chem"


def test_majority_tie_goes_to_the_lower_order() -> None:
    table = pd.DataFrame({"industry": ["C1011", "C1012"], "category": ["b", "a"], "category_name": ["B", "A"],
                          "order": [2, 1]})
    assert Taxonomy("t", "1", "", "", table).at_level(2)["category"].tolist() == ["a"]


def test_apportion_splits_a_division_by_national_class_shares() -> None:
    weights = pd.DataFrame({"country": ["EL", "EL", "EL", "DE", "DE", "DE"],
                            "industry": ["C1011", "C1012", "C1013"] * 2, "value": [10, 10, 80, 30, 30, 40]})
    mapping = toy_taxonomy().at_level(2, method="apportion", class_weights=weights)
    el = mapping[(mapping["industry"] == "C10") & (mapping["country"] == "EL")].set_index("category")["weight"]
    assert el["food"] == pytest.approx(0.2) and el["chem"] == pytest.approx(0.8)
    frame = pd.DataFrame({"region": ["EL61", "DE11"], "year": 2014, "industry": "C10", "value": [1000.0, 1000.0]})
    out = category_employment(frame, toy_taxonomy(), method="apportion", class_weights=weights)
    assert out.set_index(["region", "category"]).loc[("EL61", "food"), "value"] == pytest.approx(200.0)
    assert out.set_index(["region", "category"]).loc[("DE11", "food"), "value"] == pytest.approx(600.0)


def test_apportion_without_class_shares_is_refused() -> None:
    with pytest.raises(MappingInputError, match="class_weights"):
        toy_taxonomy().at_level(2, method="apportion")


def test_shipped_cluster_table_is_exactly_what_the_derivation_script_makes(shared_data: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("derive", REPO / "scripts" / "derive_cluster_categories.py")
    derive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(derive)
    derive.main(["derive", str(shared_data), str(tmp_path / "out.csv")])
    assert (tmp_path / "out.csv").read_text() == Path(str(DATA / "cluster_categories_nace.csv")).read_text()


def test_derived_categories_follow_the_us_definitions(shared_data: Path) -> None:
    table = cluster_categories().table.set_index("industry")
    # 30.30 aircraft (NAICS 336411-336413) -> Aerospace Vehicles and Defense (1); 21.20 pharma -> Biopharmaceuticals (5)
    assert table.loc["C3030", "category"] == "1"
    assert table.loc["C2120", "category_name"] == "Biopharmaceuticals"
    assert set(table["order"]) <= set(range(1, 52)) | set(range(101, 117))
    assert table["order"].nunique() == 67


def test_division_level_cluster_mapping_covers_the_sbs_divisions() -> None:
    divisions = cluster_categories().at_level(2)
    assert divisions.loc[divisions["industry"] == "C21", "category_name"].item() == "Biopharmaceuticals"
    assert divisions["industry"].is_unique and len(divisions) > 60


def test_builtin_yaml_taxonomies_name_their_source_and_version() -> None:
    smart = builtin_taxonomy("smart_industry_40")
    assert "J582" in smart.table["industry"].tolist() and smart.version and smart.rule
    assert smart.unmapped_at_level(2) == ["J582"] and "J58" not in smart.at_level(2)["industry"].tolist()
    assert smart.at_level(3)["industry"].tolist().count("J582") == 1
    hightech = builtin_taxonomy("eurostat_hightech_manufacturing").at_level(2).set_index("industry")
    assert hightech.loc["C26", "category"] == "high" and hightech.loc["C29", "category"] == "medium_high"
    with pytest.raises(MappingInputError, match="unknown taxonomy"):
        builtin_taxonomy("nope")


def test_user_taxonomies_load_from_csv_and_yaml(tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text("industry,category,category_name\nC26,digital,Digital\nJ62,digital,Digital\n")
    mine = load_taxonomy(tmp_path / "mine.csv", version="2026-01")
    assert mine.label() == "mine 2026-01" and mine.at_level(2)["industry"].tolist() == ["C26", "J62"]
    (tmp_path / "t.yaml").write_text("name: t\nversion: '2'\ncategories:\n  a: {name: A, industries: [C10, C11]}\n")
    assert load_taxonomy(tmp_path / "t.yaml").label() == "t 2"
    (tmp_path / "bad.yaml").write_text("categories: [a, b\n")
    with pytest.raises(MappingInputError, match="not valid YAML"):
        load_taxonomy(tmp_path / "bad.yaml")
    (tmp_path / "dup.yaml").write_text("categories:\n  a: {industries: [C10]}\n  b: {industries: [C10]}\n")
    with pytest.raises(MappingInputError, match="C10 are in more than one category"):
        load_taxonomy(tmp_path / "dup.yaml")


def test_category_sums_skip_unknown_cells_and_bound_the_known_share() -> None:
    # section C total 100; known C10 = 30, C11 = 20, C12 unknown -> residual 50 bounds C12
    frame = pd.DataFrame({"region": "X", "year": 2014, "industry": ["C", "C10", "C11", "C12"],
                          "value": [100.0, 30.0, 20.0, np.nan]})
    table = pd.DataFrame({"industry": ["C10", "C11", "C12"], "category": ["a", "b", "b"],
                          "category_name": ["A", "B", "B"], "order": [1, 2, 2]})
    out = category_employment(frame, Taxonomy("t", "1", "", "", table)).set_index("category")
    assert out.loc["a", "value"] == 30.0 and out.loc["a", "known_share"] == 1.0
    assert out.loc["b", "value"] == 20.0 and out.loc["b", "unknown_cells"] == 1
    assert out.loc["b", "known_share"] == pytest.approx(20 / 70)
    assert out["taxonomy"].unique().tolist() == ["t"]


def test_category_of_only_unknown_cells_stays_unknown_not_zero() -> None:
    # category b: C11 and C12 both confidential (':') -> employment unknown, nothing of it known
    frame = pd.DataFrame({"region": "X", "year": 2014, "industry": ["C", "C10", "C11", "C12"],
                          "value": [100.0, 30.0, np.nan, np.nan]})
    table = pd.DataFrame({"industry": ["C10", "C11", "C12"], "category": ["a", "b", "b"],
                          "category_name": ["A", "B", "B"], "order": [1, 2, 2]})
    out = category_employment(frame, Taxonomy("t", "1", "", "", table)).set_index("category")
    assert np.isnan(out.loc["b", "value"]) and out.loc["b", "unknown_cells"] == 2
    assert out.loc["b", "known_share"] == 0.0
    assert out.loc["a", "value"] == 30.0 and out.loc["a", "known_share"] == 1.0


def test_el61_categories_with_only_confidential_cells_are_unknown_on_real_sbs(
        sbs_nuts2_employment: pd.DataFrame) -> None:
    rows = sbs_nuts2_employment[(sbs_nuts2_employment["region"] == "EL61")
                                & sbs_nuts2_employment["year"].between(2008, 2012)]
    out = category_employment(rows, cluster_categories(), level=2)
    divisions = rows[industry_level(rows["industry"]) == 2].merge(cluster_categories().at_level(2), on="industry")
    all_unknown = divisions.groupby(["year", "category"])["value"].apply(lambda v: v.isna().all())
    expected = sorted(all_unknown[all_unknown].index.tolist())
    assert expected  # EL61 has such categories in these years
    unknown = out[out["value"].isna()]
    assert sorted(zip(unknown["year"], unknown["category"], strict=True)) == expected
    assert (unknown["known_share"] == 0).all() and not (out["value"] == 0).any()


def test_category_employment_on_real_sbs_never_exceeds_covered_employment(sbs_nuts2_employment: pd.DataFrame) -> None:
    rows = sbs_nuts2_employment[(sbs_nuts2_employment["year"] == 2014) & (sbs_nuts2_employment["region"] == "EL61")]
    out = category_employment(rows, cluster_categories())
    divisions = rows[industry_level(rows["industry"]) == 2]
    assert out["value"].sum() <= divisions["value"].sum() + 1e-9
    assert out["unknown_cells"].sum() == divisions.merge(cluster_categories().at_level(2), on="industry")[
        "value"].isna().sum()
    shares = out["known_share"].dropna()  # NaN where a section total is itself unknown
    assert shares.between(0, 1).all() and len(shares) > len(out) / 2
