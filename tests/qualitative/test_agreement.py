"""Cohen's κ and the percentage agreement: a hand-computed example, equality with scikit-learn on random codings,
the undefined case p_e = 1, and the multi-label reading (per code and pooled overall, units coded by both only)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from smartcluster.qualitative.agreement import coding_agreement, cohen_kappa, observed_agreement


def test_hand_computed_example_observed_0_8_chance_0_5_gives_kappa_0_6():
    # 10 units: both say yes on 4, both no on 4, one disagreement each way → p_o = 8/10; each coder says yes on
    # 5 of 10 → p_e = 0.5·0.5 + 0.5·0.5 = 0.5; κ = (0.8 − 0.5) / (1 − 0.5) = 0.6.
    first = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    second = [1, 1, 1, 1, 0, 1, 0, 0, 0, 0]
    assert observed_agreement(first, second) == pytest.approx(0.8)
    assert cohen_kappa(first, second) == pytest.approx(0.6)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=4).flatmap(
    lambda categories: st.lists(st.tuples(st.integers(0, categories - 1), st.integers(0, categories - 1)),
                                min_size=2, max_size=60)))
def test_kappa_equals_scikit_learn_on_random_codings(pairs):
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    ours = cohen_kappa(first, second)
    if len(set(first) | set(second)) == 1:  # p_e = 1: scikit-learn answers nan, we answer "undefined"
        assert ours is None
        return
    assert ours == pytest.approx(cohen_kappa_score(first, second), abs=1e-9)


def test_kappa_is_undefined_not_a_division_by_zero_when_chance_agreement_is_1():
    assert cohen_kappa(["no"] * 5, ["no"] * 5) is None
    assert observed_agreement(["no"] * 5, ["no"] * 5) == 1.0


def test_kappa_of_no_unit_is_undefined():
    assert cohen_kappa([], []) is None and observed_agreement([], []) is None


def test_codings_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="same items"):
        cohen_kappa([1, 0], [1])


def test_only_units_coded_by_both_count():
    # Unit 3 is coded by the first coder only and unit 4 by the second only: neither is a disagreement.
    first = {1: {"a"}, 2: set(), 3: {"a", "b"}}
    second = {1: {"a"}, 2: {"b"}, 4: {"a"}}
    result = coding_agreement(first, second, ["a", "b"])
    assert result.units == 2
    assert result.per_code["a"].percent == 100.0
    assert result.per_code["a"].kappa == pytest.approx(1.0)  # both: "a" on unit 1, not on unit 2
    assert result.per_code["b"].percent == 50.0
    assert result.per_code["b"].kappa == pytest.approx(0.0)  # p_o = 0.5 = p_e


def test_overall_pools_every_unit_and_code_decision():
    first = {1: {"a"}, 2: {"b"}, 3: set(), 4: {"a", "b"}}
    second = {1: {"a"}, 2: {"a"}, 3: set(), 4: {"a", "b"}}
    result = coding_agreement(first, second, ["a", "b"])
    pooled_first = [True, False, False, True, False, True, False, True]  # code a over units 1-4, then code b
    pooled_second = [True, True, False, True, False, False, False, True]
    assert result.overall.decisions == 8
    assert result.overall.observed == pytest.approx(6 / 8)
    assert result.overall.kappa == pytest.approx(cohen_kappa_score(pooled_first, pooled_second), abs=1e-9)
