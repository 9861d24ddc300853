"""Jury assignment of open innovation challenges on generated juries of growing size (fixed seed): the exact
CP-SAT model of `smartcluster.judging` vs a greedy baseline run in the same process (each submission in turn takes
the least-loaded jurors it is not conflicted with). Figures: the spread of jurors' loads (max − min; 1 is the best
possible when the total does not divide evenly) and seconds.

    python benchmarks/jury_assignment.py
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from smartcluster.judging.assignment import AssignmentInfeasible, assign_jurors

RESULTS = Path(__file__).resolve().parent / "results"
SIZES = [(12, 5, 3), (60, 15, 3), (150, 25, 3), (300, 40, 3)]  # submissions, jurors, scores per submission
DECLARED = (0.05, 0.35)  # shares of pairs with a declared conflict: a sparse and a dense jury


def generated_jury(submissions: int, jurors: int, declared: float, *, seed: int = 11) -> set[tuple[int, int]]:
    """Conflicts as a regional challenge has them: few applying organisations (a sixth of the submissions' count),
    half of the jurors from one of them (their whole block of submissions conflicted), and a share `declared` of the
    other pairs declared conflicts."""
    rng = random.Random(seed)
    organisations = max(2, submissions // 6)
    submission_org = {s: rng.randrange(organisations) for s in range(submissions)}
    juror_org = {j: rng.randrange(organisations) if rng.random() < 0.5 else None for j in range(jurors)}
    conflicts = {(s, j) for s in range(submissions) for j in range(jurors)
                 if juror_org[j] == submission_org[s] or rng.random() < declared}
    return conflicts


def greedy(submissions: int, jurors: int, per_submission: int, conflicts: set[tuple[int, int]]) -> dict:
    """The baseline: submissions in order, each takes its least-loaded unconflicted jurors (ties by id)."""
    loads = dict.fromkeys(range(jurors), 0)
    for s in range(submissions):
        free = sorted((j for j in range(jurors) if (s, j) not in conflicts), key=lambda j: (loads[j], j))
        taken = free[:per_submission]
        for j in taken:
            loads[j] += 1
    return {"spread": max(loads.values()) - min(loads.values())}


def _compared(submissions: int, jurors: int, per_submission: int, conflicts: set[tuple[int, int]]) -> dict:
    started = time.perf_counter()
    baseline = greedy(submissions, jurors, per_submission, conflicts)
    greedy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    exact = assign_jurors(submissions=range(submissions), jurors=range(jurors), per_submission=per_submission,
                          conflicts=conflicts)
    exact_seconds = time.perf_counter() - started
    print(f"{submissions:4d} submissions × {jurors:3d} jurors ({len(conflicts):5d} conflicts): exact spread "
          f"{exact.spread} (optimal {exact.optimal}) in {exact_seconds:.2f} s; greedy spread {baseline['spread']} "
          f"in {greedy_seconds:.4f} s")
    return {"submissions": submissions, "jurors": jurors, "per_submission": per_submission,
            "conflicts": len(conflicts), "exact_spread": exact.spread, "exact_optimal": exact.optimal,
            "exact_seconds": round(exact_seconds, 3), "greedy_spread": baseline["spread"], "greedy_seconds": round(greedy_seconds, 4)}


def main() -> None:
    rows = []
    for declared in DECLARED:
        for submissions, jurors, per_submission in SIZES:
            conflicts = generated_jury(submissions, jurors, declared)
            try:
                rows.append(_compared(submissions, jurors, per_submission, conflicts) | {"declared": declared})
            except AssignmentInfeasible as refusal:  # too few jurors for so many conflicts: no assignment exists
                print(f"{submissions:4d} × {jurors:3d}, declared {declared}: infeasible ({refusal})")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "jury_assignment.json").write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
