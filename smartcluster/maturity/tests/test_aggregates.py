"""Anonymised distributions: minimum group size, no single firm, complementary suppression (no database)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from smartcluster.maturity.aggregates import (
    TOTAL,
    distribution_table,
    progress_frame,
    suppressed_groups,
)


def _firms(sizes: dict[str, int]) -> pd.DataFrame:
    rows, firm = [], 0
    for size, count in sizes.items():
        for i in range(count):
            firm += 1
            rows.append({"respondent": firm, "size": size, "overall": 10.0 * (i + 1), "level": "basic"})
    return pd.DataFrame(rows)


def test_groups_below_the_minimum_are_suppressed_with_every_figure_hidden():
    table = distribution_table(_firms({"micro": 5, "small": 4}), values=["overall"], by="size", min_size=5)
    small = table.set_index("group").loc["small"]
    assert small["suppressed"] and math.isnan(small["n"]) and math.isnan(small["overall_median"])


def test_complementary_suppression_hides_a_second_group_when_one_could_be_derived_from_the_total():
    table = distribution_table(_firms({"micro": 5, "small": 6, "medium": 2}), values=["overall"], by="size",
                               min_size=5).set_index("group")
    assert table.loc["medium", "suppressed"]
    assert table.loc["micro", "suppressed"]  # total − small would give medium's two firms otherwise
    assert not table.loc["small", "suppressed"]
    assert table.loc[TOTAL, "n"] == 13


def test_hand_computed_quartiles_and_no_minimum_or_maximum_column():
    table = distribution_table(_firms({"micro": 5}), values=["overall"], min_size=5).set_index("group")
    # scores 10, 20, 30, 40, 50: quartiles by linear interpolation 20 and 40, median 30, mean 30.
    assert table.loc[TOTAL, ["overall_q1", "overall_median", "overall_q3", "overall_mean"]].tolist() == [
        20.0, 30.0, 40.0, 30.0]
    assert not [column for column in table.columns if "min" in column or "max" in column]


def test_total_under_the_minimum_suppresses_every_group():
    table = distribution_table(_firms({"micro": 3, "small": 1}), values=["overall"], by="size", min_size=5)
    assert table["suppressed"].all()


def test_level_shares_are_computed_per_group():
    frame = _firms({"micro": 5})
    frame.loc[frame.index[:2], "level"] = "average"
    table = distribution_table(frame, values=["overall"], categories="level", category_keys=["basic", "average"],
                               min_size=5).set_index("group")
    assert table.loc[TOTAL, "share_basic"] == pytest.approx(0.6)
    assert table.loc[TOTAL, "share_average"] == pytest.approx(0.4)


def test_a_subgroup_differing_from_a_shown_group_by_fewer_than_the_minimum_is_suppressed():
    members = {"cluster": frozenset(range(8)), "region": frozenset(range(6)), "other": frozenset(range(20, 30))}
    assert suppressed_groups(members, min_size=5) == {"region"}


def test_a_firm_listed_twice_is_refused():
    frame = pd.concat([_firms({"micro": 5}), _firms({"micro": 1})])
    with pytest.raises(ValueError, match="one row per firm"):
        distribution_table(frame, values=["overall"], min_size=5)


def test_progress_is_later_minus_earlier_for_firms_present_at_both_stages():
    earlier = pd.DataFrame({"respondent": [1, 2, 3], "overall": [10.0, 20.0, 30.0]})
    later = pd.DataFrame({"respondent": [2, 3, 4], "overall": [25.0, 50.0, 90.0]})
    assert progress_frame(earlier, later, values=["overall"]).set_index("respondent")["overall"].to_dict() == {
        2: 5.0, 3: 20.0}
