"""Ranking of challenge submissions from the jurors' scores, raw and calibrated (values in, data out; no Django).

Raw: a juror's total is the weighted mean of their criterion scores; a submission's score is the median (EU
practice) or the mean of its jurors' totals; a submission whose aggregate on a criterion is below that criterion's
threshold ranks after every submission above all thresholds.

Tie-break rule (TIE_BREAK_RULE): equal scores are ordered by the aggregates on the criteria in their declared
order (criterion 1 first, then 2…); submissions still equal on every criterion share the same rank and are marked
tied (competition ranking "1, 2, 2, 4"), never put in an arbitrary order.

Calibrated: jurors score different subsets, so a harsh or lenient juror moves the submissions they happen to
score. The additive model x_ij = μ + q_i + b_j + ε (Kuhlisch et al., Metrika 79 (2016) 37–57) is fitted by least
squares with Σ b_j = 0; the calibrated score is μ + q_i, not clipped to the scale (clipping would make ties that
the fit does not have). It is refused, with the reason, while a juror has fewer than the minimum of scores or when
the juror–submission graph is not connected (biases could not be told from quality across its parts).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

MEDIAN = "median"
MEAN = "mean"
DECIMALS = 9  # scores are compared after rounding, so 0.1 + 0.2 and 0.3 tie as a person would expect

TIE_BREAK_RULE = ("Equal scores are ordered by the aggregate on each criterion in its declared order (criterion 1 "
                  "first, then 2…); submissions still equal on every criterion share the same rank (tied).")


@dataclass(frozen=True)
class Criterion:
    """A criterion in tie-break order: its key, weight (> 0) and optional threshold on its aggregate."""

    key: Hashable
    weight: float
    threshold: float | None = None


@dataclass(frozen=True)
class ScoreRow:
    """One sent score: a juror's value for one criterion of one submission."""

    submission: Hashable
    juror: Hashable
    criterion: Hashable
    value: float


@dataclass
class RankedSubmission:
    """A submission's place: rank (None without scores), score, the number of jurors' totals it rests on, the
    aggregate per criterion, the criteria it falls below the threshold of, and whether it shares its rank."""

    submission: Hashable
    score: float | None
    n_scores: int
    criteria: dict[Hashable, float] = field(default_factory=dict)
    below_threshold: list[Hashable] = field(default_factory=list)
    rank: int | None = None
    tied: bool = False


@dataclass
class Calibration:
    """The additive model's fit: calibrated score μ + q_i per submission and bias b_j per juror, or the refusal."""

    scores: dict[Hashable, float] = field(default_factory=dict)
    biases: dict[Hashable, float] = field(default_factory=dict)
    mean: float | None = None
    refusal: str | None = None
    too_few: dict[Hashable, int] = field(default_factory=dict)
    parts: list[list[Hashable]] = field(default_factory=list)


def combine(values: Sequence[float], method: str) -> float:
    """The median (EU evaluation practice: median of the experts) or the mean of the values."""
    if method not in (MEDIAN, MEAN):
        raise ValueError(f"Unknown aggregate {method!r}: use {MEDIAN!r} or {MEAN!r}.")
    return float(statistics.median(values) if method == MEDIAN else statistics.fmean(values))


def juror_total(values: Mapping[Hashable, float], criteria: Sequence[Criterion]) -> float:
    """A juror's total for one submission: the weighted mean Σ w_c·x_c / Σ w_c over the criteria."""
    # Weighted arithmetic mean of the criterion scores (EU practice: weighted criteria on one 0–5 scale).
    weights = sum(c.weight for c in criteria)
    return sum(c.weight * values[c.key] for c in criteria) / weights


def juror_totals(rows: Iterable[ScoreRow], criteria: Sequence[Criterion]) -> dict[tuple[Hashable, Hashable], float]:
    """Every (submission, juror) total of the jurors who scored all criteria of the submission."""
    by_pair: dict[tuple[Hashable, Hashable], dict[Hashable, float]] = defaultdict(dict)
    for row in rows:
        by_pair[(row.submission, row.juror)][row.criterion] = float(row.value)
    keys = {c.key for c in criteria}
    return {pair: juror_total(values, criteria) for pair, values in by_pair.items() if keys <= values.keys()}


def raw_scores(rows: Iterable[ScoreRow], criteria: Sequence[Criterion], method: str,
               submissions: Iterable[Hashable] = ()) -> list[RankedSubmission]:
    """Each submission's raw score (aggregate of the jurors' totals), criterion aggregates and threshold flags;
    `submissions` adds those without any score (they get no score and no rank)."""
    rows = list(rows)
    totals = juror_totals(rows, criteria)
    per_criterion: dict[tuple[Hashable, Hashable], list[float]] = defaultdict(list)
    for row in rows:
        if (row.submission, row.juror) in totals:
            per_criterion[(row.submission, row.criterion)].append(float(row.value))
    by_submission: dict[Hashable, list[float]] = {key: [] for key in submissions}
    for (submission, _juror), total in totals.items():
        by_submission.setdefault(submission, []).append(total)
    entries = []
    for submission, values in by_submission.items():
        entry = RankedSubmission(submission, combine(values, method) if values else None, len(values))
        for criterion in criteria:
            scores = per_criterion.get((submission, criterion.key))
            if scores:
                entry.criteria[criterion.key] = combine(scores, method)
                if criterion.threshold is not None and entry.criteria[criterion.key] < criterion.threshold:
                    entry.below_threshold.append(criterion.key)
        entries.append(entry)
    return entries


def _order_key(entry: RankedSubmission, score: float, criteria: Sequence[Criterion]) -> tuple:
    return (bool(entry.below_threshold), -round(score, DECIMALS),
            *(-round(entry.criteria.get(c.key, 0.0), DECIMALS) for c in criteria))


def rank(entries: Iterable[RankedSubmission], criteria: Sequence[Criterion],
         scores: Mapping[Hashable, float] | None = None) -> list[RankedSubmission]:
    """The entries in rank order by TIE_BREAK_RULE (below-threshold ones after the others), ranked by their own
    score or by `scores` (e.g. calibrated); entries without a score come last, unranked."""
    entries = list(entries)
    scored = [(e, scores.get(e.submission) if scores is not None else e.score) for e in entries]
    ranked = sorted(((e, s) for e, s in scored if s is not None), key=lambda p: _order_key(p[0], p[1], criteria))
    keys = [_order_key(e, s, criteria) for e, s in ranked]
    result = []
    for index, ((entry, _score), key) in enumerate(zip(ranked, keys, strict=True)):
        same_before = index > 0 and keys[index - 1] == key
        tied = same_before or (index + 1 < len(keys) and keys[index + 1] == key)
        result.append(replace(entry, rank=result[-1].rank if same_before else index + 1, tied=tied))
    unranked = [replace(e, rank=None, tied=False) for e, s in scored if s is None]
    return result + unranked


def _parts(totals: Mapping[tuple[Hashable, Hashable], float]) -> list[list[Hashable]]:
    """The connected parts of the juror–submission graph, each as its sorted jurors (union–find)."""
    parent: dict[tuple[str, Hashable], tuple[str, Hashable]] = {}

    def find(node: tuple[str, Hashable]) -> tuple[str, Hashable]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for submission, juror in totals:
        parent[find(("s", submission))] = find(("j", juror))
    parts: dict[tuple[str, Hashable], list[Hashable]] = defaultdict(list)
    for node in list(parent):
        if node[0] == "j":
            parts[find(node)].append(node[1])
    return sorted((sorted(jurors, key=str) for jurors in parts.values()), key=lambda p: str(p[0]))


def calibrate(totals: Mapping[tuple[Hashable, Hashable], float], min_scores: int) -> Calibration:
    """Fit x_ij = μ + q_i + b_j + ε to the (submission i, juror j) totals; refused while a juror has fewer than
    `min_scores` totals or the design is not connected."""
    counts: dict[Hashable, int] = defaultdict(int)
    for _submission, juror in totals:
        counts[juror] += 1
    too_few = {juror: n for juror, n in sorted(counts.items(), key=lambda p: str(p[0])) if n < min_scores}
    if not totals:
        return Calibration(refusal="There are no sent scores to calibrate.")
    if too_few:
        return Calibration(refusal=f"Each juror needs at least {min_scores} scored submissions; fewer: "
                                   + ", ".join(f"{juror} ({n})" for juror, n in too_few.items()) + ".",
                           too_few=too_few)
    parts = _parts(totals)
    if len(parts) > 1:
        return Calibration(refusal="The jurors fall into separate groups that scored no submission in common, so "
                                   "a juror's bias cannot be told from the quality of what they scored: "
                           + "; ".join("{" + ", ".join(map(str, part)) + "}" for part in parts) + ".", parts=parts)
    submissions = sorted({s for s, _ in totals}, key=str)
    jurors = sorted(counts, key=str)
    row_of = {s: i for i, s in enumerate(submissions)}
    col_of = {j: len(submissions) + k for k, j in enumerate(jurors)}
    design = np.zeros((len(totals), len(submissions) + len(jurors)))
    observed = np.zeros(len(totals))
    for index, ((submission, juror), value) in enumerate(totals.items()):
        design[index, row_of[submission]] = design[index, col_of[juror]] = 1.0
        observed[index] = value
    # Least squares for x_ij = q'_i + b'_j (μ absorbed in q'); the connected design leaves one free shift c between
    # q' and b', fixed by Σ b_j = 0 (Kuhlisch et al. 2016): b_j = b'_j − mean(b'), μ + q_i = q'_i + mean(b').
    solution = np.linalg.lstsq(design, observed, rcond=None)[0]
    quality, bias = solution[: len(submissions)], solution[len(submissions):]
    shift = float(bias.mean())
    scores = {s: float(quality[i] + shift) for s, i in row_of.items()}
    return Calibration(scores=scores, biases={j: float(bias[k] - shift) for k, j in enumerate(jurors)},
                       mean=float(np.mean(list(scores.values()))))
