"""Exact scheduling with OR-Tools CP-SAT, lexicographic in two solves.

Model of Bofill et al., "Constraint solving approaches to the business-to-business meeting scheduling
problem", JAIR 74 (2022) 263–301: x[m,t] meeting m in slot t, y[p,t] participant p busy at t, z[p,t] p has
started by t, h[p,t] a break of p ends at t+1; with the paper's implied constraints Σ_t y[p,t] = |M_p| and
Σ_p y[p,t] ≤ 2|L|, without which the larger real instances stall.
Solve 1 maximises (participants + 1) · weight + participants with a meeting (weight first, coverage next).
Solve 2 keeps that value and minimises (B + 1) · excess + total breaks, where excess is how far the spread of
breaks exceeds the fairness d and B bounds the total breaks (fairness first, then breaks).
Break solves on fewer than 8 workers run CP-SAT's core-based search as one of them: without it, 2 workers left
forum-14 at 45+ breaks after 30 s; with it the paper's optimum of 2 is proven in seconds.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from smartcluster.scheduling.model import Prepared, schedule_rank
from smartcluster.scheduling.runs import runs_model_applies, solve_runs


@dataclass
class ExactResult:
    slot_of: dict[int, int]
    weight_bound: int
    breaks_bound: int | None
    optimal: bool


class _Model:
    """The CP-SAT variables shared by both solves."""

    def __init__(self, prep: Prepared, *, candidates: list[int] | None = None) -> None:
        """All possible meetings, or (for the breaks solve once weight is settled) exactly `candidates`."""
        self.prep = prep
        self.model = cp_model.CpModel()
        model = self.model
        self.candidates = prep.candidates() if candidates is None else candidates
        self.all_scheduled = candidates is not None
        self.x = {(i, t): model.NewBoolVar(f"x{i}_{t}") for i in self.candidates for t in prep.allowed[i]}
        self.scheduled = {
            i: model.NewBoolVar(f"s{i}") if candidates is None else model.NewConstant(1) for i in self.candidates
        }
        self.by_participant: dict[int, list[int]] = {}
        self.by_slot: dict[int, list] = {}
        for i in self.candidates:
            model.Add(sum(self.x[i, t] for t in prep.allowed[i]) == self.scheduled[i])
            for p in prep.ends[i]:
                self.by_participant.setdefault(p, []).append(i)
            for t in prep.allowed[i]:
                self.by_slot.setdefault(t, []).append(self.x[i, t])
        for i, slot in prep.locks.items():
            model.Add(self.x[i, slot] == 1)
        self._limits()
        self._precedences()

    def _limits(self) -> None:
        prep, model = self.prep, self.model
        for p, meetings in self.by_participant.items():
            for t in range(1, prep.problem.n_slots + 1):
                here = [self.x[i, t] for i in meetings if (i, t) in self.x]
                if len(here) > 1:
                    model.AddAtMostOne(here)
            if prep.cap[p] < len(meetings):
                model.Add(sum(self.scheduled[i] for i in meetings) <= prep.cap[p])
        for variables in self.by_slot.values():
            if len(variables) > self.prep.tables:
                model.Add(sum(variables) <= self.prep.tables)

    def _precedences(self) -> None:
        for i in self.candidates:
            for j in self.prep.before[i]:
                if j in self.scheduled:
                    model = self.model
                    model.Add(self._slot(j) + 1 <= self._slot(i)).OnlyEnforceIf([self.scheduled[i], self.scheduled[j]])

    def _slot(self, i: int) -> cp_model.LinearExpr:
        return sum(t * self.x[i, t] for t in self.prep.allowed[i])

    def first_objective(self) -> cp_model.LinearExpr:
        """(participants + 1) · weight + participants with at least one meeting."""
        weights = [m.weight for m in self.prep.problem.meetings]
        covered = []
        for meetings in self.by_participant.values():
            flag = self.model.NewBoolVar("")
            self.model.Add(flag <= sum(self.scheduled[i] for i in meetings))
            covered.append(flag)
        scale = len(self.prep.participants) + 1
        return scale * sum(weights[i] * self.scheduled[i] for i in self.candidates) + sum(covered)

    def breaks(self) -> dict[int, cp_model.LinearExpr]:
        """Break count per participant (those who can have two meetings or more), with the implied constraints."""
        model, n_slots = self.model, self.prep.problem.n_slots
        busy_at: dict[int, list] = {t: [] for t in range(1, n_slots + 1)}
        counts = {}
        for p, meetings in self.by_participant.items():
            y = []
            for t in range(1, n_slots + 1):
                here = [self.x[i, t] for i in meetings if (i, t) in self.x]
                var = model.NewBoolVar("") if here else model.NewConstant(0)
                if here:
                    model.Add(var == sum(here))
                    busy_at[t].append(var)
                y.append(var)
            # Implied constraint (Bofill et al. 2022): p is busy in exactly as many slots as she has meetings.
            model.Add(sum(y) == sum(self.scheduled[i] for i in meetings))
            if len(meetings) >= 2 and min(len(meetings), self.prep.cap[p]) >= 2:
                counts[p] = self._participant_breaks(y)
        for variables in busy_at.values():
            # Implied constraint (Bofill et al. 2022): at most 2|L| participants busy in a slot.
            if len(variables) > 2 * self.prep.tables:
                model.Add(sum(variables) <= 2 * self.prep.tables)
        return counts

    def _participant_breaks(self, y: list) -> cp_model.LinearExpr:
        model = self.model
        z = [y[0]]
        for t in range(1, len(y)):
            started = model.NewBoolVar("")
            model.Add(started >= z[-1])
            model.Add(started >= y[t])
            model.Add(started <= z[-1] + y[t])
            z.append(started)
        ends = []
        for t in range(len(y) - 1):
            h = model.NewBoolVar("")
            # h: a break ends at t+1 — p started, idle at t, busy at t+1 (exact, so fairness cannot inflate it).
            model.Add(h <= z[t])
            model.Add(h <= 1 - y[t])
            model.Add(h <= y[t + 1])
            model.Add(h >= z[t] - y[t] + y[t + 1] - 1)
            ends.append(h)
        return sum(ends)

    def hint(self, slot_of: dict[int, int]) -> None:
        self.model.ClearHints()
        for (i, t), var in self.x.items():
            self.model.AddHint(var, slot_of.get(i) == t)
        if not self.all_scheduled:
            for i, var in self.scheduled.items():
                self.model.AddHint(var, i in slot_of)


# Full-problem workers of the breaks solves below 8 workers, in order: core-based search first, then CP-SAT's own.
CORE_PORTFOLIO = ("core", "default_lp", "no_lp", "max_lp")


def _workers(workers: int | None) -> int:
    return workers or min(os.cpu_count() or 1, 8)


def _better_of(prep: Prepared, boolean: tuple, shaped: tuple | None, *, hard: bool) -> tuple:
    """(slots, breaks bound, optimal) from the Boolean solve, or the agenda-shape one when it has fewer breaks;
    both models prove lower bounds on the same quantity when fairness is hard, so the larger bound holds."""
    if shaped is None or not hard:
        return boolean
    bound = max(b for b in (boolean[1], shaped[1]) if b is not None) if boolean[1] is not None else shaped[1]
    fewer = min((boolean[0], shaped[0]), key=lambda slots: -schedule_rank(prep, slots)[3])
    return fewer, bound, -schedule_rank(prep, fewer)[3] == bound


def _solver(seconds: float, workers: int | None, *, core_search: bool = False) -> cp_model.CpSolver:
    """A seeded CP-SAT solver; `core_search` (for the breaks goal) puts a core-based worker first when few run."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    solver.parameters.num_workers = _workers(workers)
    solver.parameters.random_seed = 1
    if core_search and 2 <= solver.parameters.num_workers < 8:
        # CP-SAT's default portfolio has no core-based worker below 8 workers; on break counts, whose optimum is
        # near 0, its bound-raising search is what lands on the optimum (forum-14: proven 2 in about 4 s on 2
        # workers, against 45+ breaks and bound 0 after 30 s with the default pair; forum-13's agenda-shape
        # model proven 0 in 0.4 s instead of 2 s).
        solver.parameters.subsolvers.extend(CORE_PORTFOLIO[: solver.parameters.num_workers])
    return solver


def solve_exact(
    prep: Prepared, *, start_slots: dict[int, int], time_limit: float, workers: int | None = None,
) -> ExactResult:
    """Optimal slots by meeting index, with the proven bounds; `start_slots` (feasible) hints the weight solve."""
    started = time.monotonic()
    everything = prep.candidates()
    total_weight = sum(prep.problem.meetings[i].weight for i in everything)
    # Every possible meeting, fairness d a cap of d breaks each: first the agenda-shape model (strong when
    # agendas without breaks exist), then the paper's Boolean model; the better answer stands.
    shaped = None
    if runs_model_applies(prep):
        shaped = solve_runs(prep, solver=_solver(time_limit * 0.15, workers, core_search=True))
        if shaped is not None and shaped[2]:
            return ExactResult(shaped[0], total_weight, shaped[1], True)
    # The paper's model, every possible meeting exactly once and fairness a hard rule: when feasible, weight and
    # coverage are maximal and fairness met; then the same with fairness as a goal.
    for hard in (True, False) if prep.problem.fairness is not None else (False,):
        seconds = time_limit * 0.9 - (time.monotonic() - started)
        whole, infeasible = _breaks_solve(_Model(prep, candidates=everything), None, seconds, workers, hard=hard)
        if whole is not None:
            slots, bound, optimal = _better_of(prep, whole, shaped, hard=hard)
            return ExactResult(slots, total_weight, bound, optimal)
        if not infeasible:
            break
    if shaped is not None:
        return ExactResult(shaped[0], total_weight, shaped[1], False)
    model = _Model(prep)
    first = model.first_objective()
    model.model.Maximize(first)
    model.hint(start_slots)
    remaining = max(time_limit - (time.monotonic() - started), 2.0)
    solver = _solver(remaining * 0.5, workers)
    status = solver.Solve(model.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return ExactResult(dict(start_slots), total_weight, None, False)
    scale = len(prep.participants) + 1
    weight_bound = math.floor((solver.BestObjectiveBound() + 1e-6) / scale)
    first_slots = _slots(model, solver)
    model.model.Add(first >= round(solver.ObjectiveValue()))
    seconds = max(time_limit - (time.monotonic() - started), 1.0)
    rest, _ = _breaks_solve(model, first_slots, seconds, workers, hard=False)
    if rest is None:
        return ExactResult(first_slots, weight_bound, None, False)
    return ExactResult(rest[0], weight_bound, rest[1], status == cp_model.OPTIMAL and rest[2])


def _breaks_solve(
    model: _Model, hint: dict[int, int] | None, seconds: float, workers: int | None, *, hard: bool,
) -> tuple[tuple[dict[int, int], int | None, bool] | None, bool]:
    """Minimise total breaks with fairness a rule (`hard`) or first goal ((B + 1) · excess + breaks).

    Returns ((slots, proven lower bound on breaks, optimal) or None when no solution was found, proven infeasible).
    """
    prep = model.prep
    counts = model.breaks()
    total = sum(counts.values())
    ceiling = sum(len(prep.allowed[i]) for i in model.candidates) + 1
    objective = total
    fairness = prep.problem.fairness
    everyone = len(counts) == len(prep.participants)
    if fairness is not None and counts and hard and not everyone:
        # Someone has 0 breaks (at most one meeting), so "within d of each other" is "at most d each".
        for count in counts.values():
            model.model.Add(count <= fairness)
    elif fairness is not None and counts:
        excess = _excess(model, counts, fairness, ceiling, everyone=everyone)
        if hard:
            model.model.Add(excess == 0)
        objective = ceiling * excess + total
    model.model.Minimize(objective)
    if hint is not None:
        model.hint(hint)
    solver = _solver(seconds, workers, core_search=hard)
    status = solver.Solve(model.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, status == cp_model.INFEASIBLE
    value, bound = round(solver.ObjectiveValue()), math.ceil(solver.BestObjectiveBound() - 1e-6)
    return (_slots(model, solver), (max(bound, 0) if value < ceiling else None), status == cp_model.OPTIMAL), False


def _excess(model: _Model, counts: dict, fairness: int, ceiling: int, *, everyone: bool) -> cp_model.IntVar:
    """How far max − min breaks exceeds d; someone without breaks variables (≤ 1 meeting) has 0 breaks."""
    m = model.model
    most = m.NewIntVar(0, ceiling, "most")
    least = m.NewIntVar(0, ceiling, "least") if everyone else m.NewConstant(0)
    for count in counts.values():
        m.Add(most >= count)
        if everyone:
            m.Add(least <= count)
    excess = m.NewIntVar(0, ceiling, "excess")
    m.Add(excess >= most - least - fairness)
    return excess


def _slots(model: _Model, solver: cp_model.CpSolver) -> dict[int, int]:
    return {i: t for (i, t), var in model.x.items() if solver.BooleanValue(var)}
