"""Anonymised distributions: minimum group size, no single firm, suppression over every group the platform
defines, so that no shown group can be subtracted from another (no database)."""

from __future__ import annotations

import itertools
import math
import random

import pandas as pd
import pytest

from smartcluster.scoring.aggregates import (
    NOT_STATED,
    TOTAL,
    group_members,
    groups_table,
    progress_frame,
    region_levels,
    suppressed_keys,
)

ALL = (None, None, None, None)


def _firms(sizes: dict[str, int], region: str | None = None) -> pd.DataFrame:
    rows, firm = [], 0
    for size, count in sizes.items():
        for i in range(count):
            firm += 1
            rows.append({"respondent": firm, "size_class": size, "sector": "C", "region": region,
                         "overall": 10.0 * (i + 1), "level": "basic"})
    return pd.DataFrame(rows)


def _hidden(frame: pd.DataFrame, min_size: int = 5) -> set:
    return suppressed_keys(group_members({None: frame}), min_size=min_size)


def test_groups_below_the_minimum_are_suppressed():
    hidden = _hidden(_firms({"micro": 5, "small": 4}))
    assert (None, None, None, "small") in hidden


def test_complementary_suppression_hides_a_second_part_when_one_could_be_derived_from_the_total():
    hidden = _hidden(_firms({"micro": 5, "small": 6, "medium": 2}))
    assert (None, None, None, "medium") in hidden
    assert (None, None, None, "micro") in hidden  # total − small would give medium's two firms otherwise
    assert (None, None, None, "small") not in hidden
    assert ALL not in hidden


def test_hand_computed_quartiles_and_no_minimum_or_maximum_column():
    frame = _firms({"micro": 5})
    table = groups_table(frame, {TOTAL: frozenset(frame["respondent"])}, values=["overall"], hidden=set())
    table = table.set_index("group")
    # scores 10, 20, 30, 40, 50: quartiles by linear interpolation 20 and 40, median 30, mean 30.
    assert table.loc[TOTAL, ["overall_q1", "overall_median", "overall_q3", "overall_mean"]].tolist() == [
        20.0, 30.0, 40.0, 30.0]
    assert not [column for column in table.columns if "min" in column or "max" in column]


def test_a_hidden_group_has_every_figure_blank():
    frame = _firms({"micro": 5})
    table = groups_table(frame, {TOTAL: frozenset(frame["respondent"])}, values=["overall"], hidden={TOTAL})
    row = table.set_index("group").loc[TOTAL]
    assert row["suppressed"] and math.isnan(row["n"]) and math.isnan(row["overall_median"])


def test_total_under_the_minimum_suppresses_every_group():
    frame = _firms({"micro": 3, "small": 1})
    members = group_members({None: frame})
    assert suppressed_keys(members, min_size=5) == set(members)


def test_level_shares_are_computed_per_group():
    frame = _firms({"micro": 5})
    frame.loc[frame.index[:2], "level"] = "average"
    table = groups_table(frame, {TOTAL: frozenset(frame["respondent"])}, values=["overall"], hidden=set(),
                         categories="level", category_keys=["basic", "average"]).set_index("group")
    assert table.loc[TOTAL, "share_basic"] == pytest.approx(0.6)
    assert table.loc[TOTAL, "share_average"] == pytest.approx(0.4)


def test_the_issues_pair_a_region_one_firm_short_of_its_parent_is_hidden_with_the_parent():
    # ?region=E (n = 6) minus ?region=ES (n = 5) gave one Greek firm's scores: now neither all firms nor ES show.
    frame = pd.concat([_firms({"small": 5}, region="ES62"), _firms({"micro": 1}, region="EL61")])
    frame["respondent"] = range(1, 7)
    hidden = _hidden(frame)
    assert {ALL, (None, "ES", None, None), (None, "ES6", None, None), (None, "ES62", None, None)} <= hidden


def test_groups_are_nuts_levels_never_free_prefixes():
    assert region_levels("EL61") == ["EL", "EL6", "EL61"]
    assert region_levels("DE7") == ["DE", "DE7"]
    assert region_levels(None) == [NOT_STATED]
    regions = {key[1] for key in group_members({None: _firms({"small": 5}, region="ES62")})}
    assert regions == {None, "ES", "ES6", "ES62"}  # no "E"


def _random_firms(seed: int, count: int) -> pd.DataFrame:
    chooser = random.Random(seed)
    regions = ["ES62", "ES61", "ES11", "EL61", "EL65", "DE71", "LT01", None]
    return pd.DataFrame({
        "respondent": range(count),
        "region": [chooser.choice(regions) for _ in range(count)],
        "sector": [chooser.choice(["C", "J", "M", None]) for _ in range(count)],
        "size_class": [chooser.choice(["micro", "small", "medium", None]) for _ in range(count)],
    })


@pytest.mark.parametrize("seed", range(12))
def test_no_two_shown_groups_differ_by_one_to_four_firms_and_no_part_is_left_alone(seed: int):
    chooser = random.Random(seed)
    frames = {None: _random_firms(seed, chooser.randint(6, 60))}
    campaign = frames[None].sample(frac=0.6, random_state=seed)
    frames[("organiser", 1)], frames[("campaign", 7)] = campaign, campaign.iloc[: len(campaign) // 2]
    scope_parent = {("organiser", 1): None, ("campaign", 7): ("organiser", 1)}
    members = group_members(frames)
    hidden = suppressed_keys(members, min_size=5, scope_parent=scope_parent)
    shown = [members[key] for key in members if key not in hidden]
    assert all(len(firms) >= 5 for firms in shown)
    for small, big in itertools.permutations(shown, 2):
        if small < big:
            assert len(big - small) >= 5
    for key in members:
        if key in hidden:
            continue
        for split in ("sector", "size_class"):
            index = 2 if split == "sector" else 3
            parts = [k for k in members if k not in hidden and k[index] is not None
                     and all(k[i] == key[i] for i in range(4) if i != index)] if key[index] is None else []
            rest = len(members[key]) - sum(len(members[part]) for part in parts)
            assert rest == 0 or rest >= 5


def test_a_firm_listed_twice_is_refused():
    frame = pd.concat([_firms({"micro": 5}), _firms({"micro": 1})])
    with pytest.raises(ValueError, match="one row per firm"):
        groups_table(frame, {TOTAL: frozenset(frame["respondent"])}, values=["overall"], hidden=set())


def test_progress_is_later_minus_earlier_for_firms_present_at_both_stages():
    earlier = pd.DataFrame({"respondent": [1, 2, 3], "overall": [10.0, 20.0, 30.0]})
    later = pd.DataFrame({"respondent": [2, 3, 4], "overall": [25.0, 50.0, 90.0]})
    assert progress_frame(earlier, later, values=["overall"]).set_index("respondent")["overall"].to_dict() == {
        2: 5.0, 3: 20.0}
