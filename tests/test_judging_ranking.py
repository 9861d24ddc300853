"""The ranking library on hand-computed cases: weighted totals, median/mean, thresholds, the tie-break rule, the
additive calibration (Kuhlisch et al. 2016) and its refusals."""

from __future__ import annotations

import pytest

from smartcluster.judging.ranking import (
    MEAN,
    MEDIAN,
    Criterion,
    ScoreRow,
    calibrate,
    combine,
    juror_total,
    juror_totals,
    rank,
    raw_scores,
)

CRITERIA = [Criterion("impact", 40), Criterion("excellence", 35), Criterion("implementation", 25)]


def rows(submission: str, juror: str, impact: float, excellence: float, implementation: float) -> list[ScoreRow]:
    return [ScoreRow(submission, juror, "impact", impact), ScoreRow(submission, juror, "excellence", excellence),
            ScoreRow(submission, juror, "implementation", implementation)]


def test_a_jurors_total_is_the_weighted_mean_of_the_criteria() -> None:
    """(40·4 + 35·3 + 25·2) / (40 + 35 + 25) = (160 + 105 + 50) / 100 = 3.15."""
    assert juror_total({"impact": 4, "excellence": 3, "implementation": 2}, CRITERIA) == pytest.approx(3.15)


def test_the_raw_score_is_the_median_or_the_mean_of_the_jurors_totals() -> None:
    """Totals 3.15 (4,3,2), 4.0 (4,4,4) and 2.5 (2.5,2.5,2.5): median 3.15, mean 9.65 / 3 = 3.2167."""
    scores = rows("A", "j1", 4, 3, 2) + rows("A", "j2", 4, 4, 4) + rows("A", "j3", 2.5, 2.5, 2.5)
    (median,) = raw_scores(scores, CRITERIA, MEDIAN)
    (mean,) = raw_scores(scores, CRITERIA, MEAN)
    assert median.score == pytest.approx(3.15) and median.n_scores == 3
    assert mean.score == pytest.approx(9.65 / 3)
    assert median.criteria == {"impact": 4, "excellence": 3, "implementation": 2.5}
    with pytest.raises(ValueError, match="Unknown aggregate"):
        combine([1.0], "mode")


def test_a_juror_who_scored_only_some_criteria_is_not_counted() -> None:
    scores = rows("A", "j1", 4, 4, 4) + [ScoreRow("A", "j2", "impact", 0)]
    assert juror_totals(scores, CRITERIA) == {("A", "j1"): 4.0}


def test_a_submission_below_a_threshold_ranks_after_those_above_it() -> None:
    """A: total 4.1 but Impact 2.5 < threshold 3, so it ranks after B (total 3.0, all criteria at 3)."""
    criteria = [Criterion("impact", 40, threshold=3), Criterion("excellence", 35), Criterion("implementation", 25)]
    scores = rows("A", "j1", 2.5, 5, 5) + rows("B", "j1", 3, 3, 3)
    ranked = rank(raw_scores(scores, criteria, MEDIAN, submissions=["C"]), criteria)
    assert [(e.submission, e.rank, e.below_threshold) for e in ranked] == [
        ("B", 1, []), ("A", 2, ["impact"]), ("C", None, [])]
    assert ranked[1].score == pytest.approx((40 * 2.5 + 35 * 5 + 25 * 5) / 100)


def test_equal_scores_are_ordered_by_the_criteria_in_order_then_shown_tied() -> None:
    """A (4, 2, 3.2) totals (160 + 70 + 80)/100 = 3.1 and B (3, 3, 3.4) totals (120 + 105 + 85)/100 = 3.1: equal;
    criterion 1 (impact) 4 > 3 puts A first. C and D are equal on everything: both rank 3, tied."""
    scores = (rows("A", "j", 4, 2, 3.2) + rows("B", "j", 3, 3, 3.4) + rows("C", "j", 1, 1, 1)
              + rows("D", "j", 1, 1, 1))
    ranked = rank(raw_scores(scores, CRITERIA, MEDIAN), CRITERIA)
    assert [(e.submission, e.rank, e.tied) for e in ranked] == [
        ("A", 1, False), ("B", 2, False), ("C", 3, True), ("D", 3, True)]


def harsh_and_lenient() -> dict[tuple[str, str], float]:
    """True quality A 3.5, B 3.0, C 3.0; juror H harsh (−1), L lenient (+1), N neutral (0); no noise:
    H scores A 2.5 and C 2.0; L scores B 4.0 and C 4.0; N scores A 3.5 and B 3.0."""
    return {("A", "H"): 2.5, ("C", "H"): 2.0, ("B", "L"): 4.0, ("C", "L"): 4.0, ("A", "N"): 3.5, ("B", "N"): 3.0}


def test_calibration_removes_a_harsh_and_a_lenient_jurors_bias_and_changes_the_order() -> None:
    """Raw means: A (2.5 + 3.5)/2 = 3.0, B (4.0 + 3.0)/2 = 3.5, C (2.0 + 4.0)/2 = 3.0, so B leads raw because the
    lenient L scored it and the harsh H scored A. The model x = μ + q_i + b_j with Σb = 0 fits the six totals exactly
    with 5 free parameters: b = (H −1, L +1, N 0), μ + q = (A 3.5, B 3.0, C 3.0). Calibrated, A leads; B and C tie
    on 3.0 (the rule then looks at the criteria)."""
    totals = harsh_and_lenient()
    raw = {e.submission: e.score for e in raw_scores(
        [ScoreRow(s, j, "all", v) for (s, j), v in totals.items()], [Criterion("all", 1)], MEAN)}
    assert raw == {"A": 3.0, "B": 3.5, "C": 3.0}
    fit = calibrate(totals, min_scores=2)
    assert fit.refusal is None
    assert fit.biases == pytest.approx({"H": -1.0, "L": 1.0, "N": 0.0})
    assert fit.scores == pytest.approx({"A": 3.5, "B": 3.0, "C": 3.0})
    entries = raw_scores([ScoreRow(s, j, "all", v) for (s, j), v in totals.items()], [Criterion("all", 1)], MEAN)
    ranked = rank(entries, [Criterion("all", 1)], scores=fit.scores)
    assert ranked[0].submission == "A" and ranked[0].rank == 1
    assert max(raw, key=raw.get) == "B"


def test_calibration_is_refused_while_a_juror_has_too_few_scores() -> None:
    fit = calibrate(harsh_and_lenient(), min_scores=3)
    assert fit.scores == {} and fit.too_few == {"H": 2, "L": 2, "N": 2}
    assert "at least 3" in fit.refusal and "H (2)" in fit.refusal


def test_calibration_is_refused_when_the_jurors_fall_into_separate_groups() -> None:
    """H and L scored only A and B; N and M only C and D: nothing links the two groups."""
    totals = {("A", "H"): 3, ("B", "H"): 2, ("A", "L"): 4, ("B", "L"): 3,
              ("C", "N"): 1, ("D", "N"): 2, ("C", "M"): 2, ("D", "M"): 3}
    fit = calibrate(totals, min_scores=2)
    assert fit.scores == {} and fit.parts == [["H", "L"], ["M", "N"]]
    assert "{H, L}; {M, N}" in fit.refusal


def test_calibration_without_scores_is_refused() -> None:
    assert calibrate({}, min_scores=2).refusal == "There are no sent scores to calibrate."
