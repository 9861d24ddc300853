"""The jury assignment (CP-SAT): N jurors per submission, no conflicted pair, balanced loads, fixed pairs kept,
infeasible cases answered with their reason, the same answer every run (no database)."""

from __future__ import annotations

import doctest

import pytest

from smartcluster.judging import assignment
from smartcluster.judging.assignment import AssignmentInfeasible, assign_jurors

SUBMISSIONS = list(range(1, 13))
JURORS = [101, 102, 103, 104, 105]
CONFLICTS = {(3, 101), (7, 104)}


def _jurors_of(pairs: list[tuple[int, int]]) -> dict[int, set[int]]:
    jurors: dict[int, set[int]] = {}
    for submission, juror in pairs:
        jurors.setdefault(submission, set()).add(juror)
    return jurors


def test_twelve_submissions_five_jurors_three_scores_two_conflicts_balanced_without_conflicts() -> None:
    result = assign_jurors(submissions=SUBMISSIONS, jurors=JURORS, per_submission=3, conflicts=CONFLICTS)
    assert all(len(jurors) == 3 for jurors in _jurors_of(result.pairs).values())
    assert set(_jurors_of(result.pairs)) == set(SUBMISSIONS)
    assert not set(result.pairs) & CONFLICTS
    assert sorted(result.loads.values()) == [7, 7, 7, 7, 8]  # 36 scores over 5 jurors: 7 or 8 each
    assert result.spread == 1 and result.optimal


def test_same_input_same_assignment() -> None:
    runs = [assign_jurors(submissions=SUBMISSIONS, jurors=JURORS, per_submission=3, conflicts=CONFLICTS).pairs
            for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


def test_submission_with_too_few_unconflicted_jurors_is_refused_with_its_reason() -> None:
    conflicts = {(5, 101), (5, 102), (5, 103)}
    with pytest.raises(AssignmentInfeasible, match="submission 5 has only 2 jurors without a conflict; 3 needed"
                       ) as refusal:
        assign_jurors(submissions=SUBMISSIONS, jurors=JURORS, per_submission=3, conflicts=conflicts)
    assert (refusal.value.submission, refusal.value.available, refusal.value.needed) == (5, 2, 3)


def test_fewer_jurors_than_scores_needed_is_refused() -> None:
    with pytest.raises(AssignmentInfeasible, match="only 2 jurors without a conflict; 3 needed"):
        assign_jurors(submissions=[1], jurors=[101, 102], per_submission=3)


def test_fixed_assignments_are_kept_and_the_rest_balanced_around_them() -> None:
    fixed = {(1, 101), (2, 101), (3, 102), (4, 105)}
    result = assign_jurors(submissions=SUBMISSIONS, jurors=JURORS, per_submission=3, conflicts=CONFLICTS,
                           fixed=fixed)
    assert fixed <= set(result.pairs)
    assert sorted(result.loads.values()) == [7, 7, 7, 7, 8]
    assert set(result.new_pairs(fixed)) == set(result.pairs) - fixed


def test_fixed_assignments_forcing_imbalance_give_the_smallest_spread_left() -> None:
    fixed = {(s, 101) for s in range(1, 7)}  # 101 holds 6 of the 6 scores needed by 6 submissions × 1
    result = assign_jurors(submissions=list(range(1, 7)), jurors=[101, 102], per_submission=1, fixed=fixed)
    assert result.loads == {101: 6, 102: 0} and result.spread == 6


def test_fixed_conflicted_pair_is_refused_with_its_reason() -> None:
    with pytest.raises(AssignmentInfeasible, match="submission 3 to juror 101 is conflicted"):
        assign_jurors(submissions=SUBMISSIONS, jurors=JURORS, per_submission=3, conflicts=CONFLICTS,
                      fixed={(3, 101)})


def test_no_submissions_gives_empty_loads() -> None:
    result = assign_jurors(submissions=[], jurors=JURORS, per_submission=3)
    assert result.pairs == [] and set(result.loads.values()) == {0}


def test_module_example_holds() -> None:
    results = doctest.testmod(assignment)
    assert results.attempted and not results.failed
