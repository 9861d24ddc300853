"""The jury assignment of a challenge, exact with OR-Tools CP-SAT: every submission gets its jurors, no juror a
submission they are conflicted with, loads as even as they can be.

Model: x[s,j] = 1 when juror j scores submission s, only for unconflicted pairs; Σ_j x[s,j] = n_s where n_s is the
scores needed (or the fixed assignments of s when there are more); fixed pairs (assignments made already) stay 1;
load_j = Σ_s x[s,j]; minimise max_j load_j − min_j load_j. Loads summing to T with a spread of at most 1 are each
⌊T/J⌋ or ⌈T/J⌉, so the optimum is the floor/ceil balance whenever it is feasible (EU practice: every proposal read
by at least three independent experts, shared/methods/matchmaking.md). One worker and a fixed seed: the same input
gives the same assignment.

    >>> result = assign_jurors(submissions=[1, 2], jurors=[10, 11, 12], per_submission=2, conflicts={(1, 10)})
    >>> result.loads
    {10: 1, 11: 2, 12: 1}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

DEFAULT_TIME_LIMIT = 10.0


class AssignmentInfeasible(ValueError):
    """No assignment meets the rules; the message says why (in English). When one submission lacks jurors,
    `submission`, `available` and `needed` say which and how many, so callers can word it for users."""

    def __init__(self, reason: str, *, submission: int | None = None, available: int | None = None,
                 needed: int | None = None) -> None:
        super().__init__(reason)
        self.submission, self.available, self.needed = submission, available, needed


@dataclass(frozen=True)
class AssignmentResult:
    """The pairs (submission, juror) to score, fixed ones included; each juror's load; whether the spread of loads
    is proven minimal (False: the time limit ended the search first)."""

    pairs: list[tuple[int, int]]
    loads: dict[int, int]
    spread: int
    optimal: bool

    def new_pairs(self, fixed: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The pairs to create: those not among `fixed`."""
        kept = set(fixed)
        return [pair for pair in self.pairs if pair not in kept]


def _needs(submissions: Sequence[int], jurors: Sequence[int], per_submission: int,
           conflicts: set[tuple[int, int]], fixed: set[tuple[int, int]]) -> dict[int, int]:
    """The jurors each submission needs, after the checks that name a reason (raises AssignmentInfeasible);
    passing them, an assignment exists."""
    if per_submission < 1:
        raise AssignmentInfeasible("at least one score per submission is needed")
    known_submissions, known_jurors = set(submissions), set(jurors)
    for submission, juror in sorted(fixed):
        if submission not in known_submissions or juror not in known_jurors:
            raise AssignmentInfeasible(f"fixed assignment of submission {submission} to juror {juror} names an "
                                       "unknown submission or juror")
        if (submission, juror) in conflicts:
            raise AssignmentInfeasible(f"fixed assignment of submission {submission} to juror {juror} is conflicted")
    needs = {}
    for submission in submissions:
        free = sum(1 for juror in jurors if (submission, juror) not in conflicts)
        if free < per_submission:
            raise AssignmentInfeasible(f"submission {submission} has only {free} jurors without a conflict; "
                                       f"{per_submission} needed", submission=submission, available=free,
                                       needed=per_submission)
        needs[submission] = max(per_submission, sum(1 for pair in fixed if pair[0] == submission))
    return needs


def assign_jurors(*, submissions: Sequence[int], jurors: Sequence[int], per_submission: int,
                  conflicts: Iterable[tuple[int, int]] = (), fixed: Iterable[tuple[int, int]] = (),
                  time_limit: float = DEFAULT_TIME_LIMIT) -> AssignmentResult:
    """Assign `per_submission` jurors to every submission (ids), never a (submission, juror) pair of `conflicts`,
    keeping the `fixed` pairs, minimising the spread of jurors' loads. Raises AssignmentInfeasible with a reason."""
    submissions, jurors = sorted(set(submissions)), sorted(set(jurors))
    conflict_set, fixed_set = set(conflicts), set(fixed)
    needs = _needs(submissions, jurors, per_submission, conflict_set, fixed_set)
    if not submissions:
        return AssignmentResult([], dict.fromkeys(jurors, 0), 0, True)
    model = cp_model.CpModel()
    x = {(s, j): model.NewBoolVar(f"x{s}_{j}") for s in submissions for j in jurors if (s, j) not in conflict_set}
    for s in submissions:
        model.Add(sum(x[s, j] for j in jurors if (s, j) in x) == needs[s])
    for pair in fixed_set:
        model.Add(x[pair] == 1)
    highest, lowest = model.NewIntVar(0, len(submissions), "max"), model.NewIntVar(0, len(submissions), "min")
    for j in jurors:
        load = sum(x[s, j] for s in submissions if (s, j) in x)
        model.Add(load <= highest)
        model.Add(load >= lowest)
    # Implied bounds (the mean load lies between the least and the most loaded juror's): the solver has the
    # floor/ceil bound at once and proves a balanced assignment optimal as soon as it finds one.
    total = sum(needs.values())
    model.Add(lowest <= total // len(jurors))
    model.Add(highest >= -(-total // len(jurors)))
    model.Minimize(highest - lowest)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.05)
    solver.parameters.num_workers = 1  # one worker and a fixed seed: the same answer every run
    solver.parameters.random_seed = 1
    solver.parameters.symmetry_level = 0  # jurors are near-symmetric: detecting it costs more than it saves
    status = solver.Solve(model)
    # Submissions do not compete for jurors (no load cap), so the checks of _needs leave a feasible model: only
    # the time limit can end the search without an answer.
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise AssignmentInfeasible(f"no assignment found within {time_limit:g} seconds")
    pairs = sorted(pair for pair, var in x.items() if solver.Value(var))
    counts = {j: sum(1 for _, juror in pairs if juror == j) for j in jurors}
    return AssignmentResult(pairs, counts, max(counts.values()) - min(counts.values()), status == cp_model.OPTIMAL)
