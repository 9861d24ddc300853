"""A second exact model of the breaks goal, by agenda shape: each participant's day is a window that opens and
closes with a meeting and holds at most d idle runs (her breaks), packed with her meetings without overlap.

Valid when every meeting is scheduled and fairness d is a hard rule with someone at 0 breaks (then "breaks
within d of each other" is "at most d breaks each"). Interval variables with NoOverlap and a Cumulative for
the tables propagate much more strongly than the Boolean slot model on events where agendas without any break
exist (forum-13 of Bofill et al., JAIR 74 (2022): proven 0 in about a second instead of no proof in 30 s).
"""

from __future__ import annotations

import math

from ortools.sat.python import cp_model

from smartcluster.scheduling.model import Prepared


def runs_model_applies(prep: Prepared) -> bool:
    """True when fairness is a cap of d breaks per participant (someone has at most one possible meeting) and no
    participant's limit already rules out scheduling every meeting."""
    if prep.problem.fairness is None:
        return False
    meetings = [0] * len(prep.participants)
    for i in prep.candidates():
        for p in prep.ends[i]:
            meetings[p] += 1
    within_limits = all(count <= cap for count, cap in zip(meetings, prep.cap, strict=True))
    return within_limits and min(meetings, default=0) <= 1


def solve_runs(prep: Prepared, *, solver: cp_model.CpSolver) -> tuple[dict[int, int], int, bool] | None:
    """Every meeting placed with the fewest breaks, at most d per participant, by `solver` (time limit and workers
    set): (slots, proven lower bound on total breaks, optimal), or None when no solution was found in time."""
    model = cp_model.CpModel()
    n_slots, runs_each = prep.problem.n_slots, prep.problem.fairness or 0
    slot, interval = {}, {}
    for i in prep.candidates():
        slot[i] = model.NewIntVarFromDomain(cp_model.Domain.FromValues(list(prep.allowed[i])), f"slot{i}")
        interval[i] = model.NewFixedSizeIntervalVar(slot[i], 1, f"meeting{i}")
    for i, locked in prep.locks.items():
        model.Add(slot[i] == locked)
    for i in slot:
        for j in prep.before[i]:
            model.Add(slot[j] + 1 <= slot[i])
    if len(interval) > prep.tables:
        model.AddCumulative(list(interval.values()), [1] * len(interval), prep.tables)
    by_participant: dict[int, list[int]] = {}
    for i in slot:
        for p in prep.ends[i]:
            by_participant.setdefault(p, []).append(i)
    breaks = []
    for meetings in by_participant.values():
        if len(meetings) >= 2:
            breaks += _agenda_shape(model, [slot[i] for i in meetings], [interval[i] for i in meetings], n_slots,
                                    runs_each)
        else:
            model.AddNoOverlap([interval[i] for i in meetings])
    model.Minimize(sum(breaks))
    status = solver.Solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    slots = {i: solver.Value(var) for i, var in slot.items()}
    return slots, max(math.ceil(solver.BestObjectiveBound() - 1e-6), 0), status == cp_model.OPTIMAL


def _agenda_shape(model: cp_model.CpModel, slots: list, intervals: list, n_slots: int, runs_each: int) -> list:
    """Window [first, end) of one participant exactly filled by her meetings and up to `runs_each` idle runs."""
    first = model.NewIntVar(1, n_slots, "")
    end = model.NewIntVar(2, n_slots + 1, "")
    for s in slots:
        model.Add(s >= first)
        model.Add(s + 1 <= end)
    active, lengths, previous_end = [], [], None
    for _ in range(runs_each):
        on = model.NewBoolVar("")
        start, length, stop = model.NewIntVar(2, n_slots, ""), model.NewIntVar(0, n_slots, ""), model.NewIntVar(2, n_slots + 1, "")
        model.Add(length >= 1).OnlyEnforceIf(on)
        model.Add(length == 0).OnlyEnforceIf(on.Not())
        intervals = [*intervals, model.NewOptionalIntervalVar(start, length, stop, on, "")]
        # An idle run lies strictly inside the window, so it is a break between two meetings.
        model.Add(start >= first + 1).OnlyEnforceIf(on)
        model.Add(stop <= end - 1).OnlyEnforceIf(on)
        if previous_end is not None:  # runs in order, apart, and used first-to-last (no symmetric copies)
            model.Add(start >= previous_end + 1).OnlyEnforceIf(on)
            model.AddImplication(on, active[-1])
        active.append(on)
        lengths.append(length)
        previous_end = stop
    model.AddNoOverlap(intervals)
    # Meetings and runs fill the window exactly: every slot in it is a meeting or part of a break.
    model.Add(end - first == len(slots) + sum(lengths))
    return active
