"""Optimal B2B meeting scheduler: accepted requests → slots and tables. Plain data in, plain data out; no Django.

Numbering: slots are 1..n_slots, straight through all sessions of the event (slot 1 the first meeting time of
the first session; a lunch pause or a night is not a slot), tables (or virtual rooms) 1..n_tables.
Participants and meeting ids are whatever hashable values the caller uses (database ids, names).

Usage::

    from smartcluster.scheduling import Meeting, SchedulingProblem, schedule_meetings

    problem = SchedulingProblem(
        n_slots=16, n_tables=20,
        meetings=(
            Meeting(id=101, a="acme", b="bolt"),
            Meeting(id=102, a="acme", b="cogs", allowed_slots=frozenset(range(1, 9))),  # morning only
            Meeting(id=103, a="bolt", b="cogs", locked_slot=3, locked_table=7),          # confirmed: keep
        ),
        unavailable={"cogs": frozenset({1, 2})},   # slots a participant cannot attend
        max_meetings=12,                           # per participant; max_meetings_of={...} per person
        fairness=2,                                # breaks of all participants within d = 2 of each other
    )
    schedule = schedule_meetings(problem, time_limit=30)
    schedule.placements        # {101: Placement(slot=1, table=1), ...}
    schedule.unscheduled       # {meeting id: reason in words} for requests that could not be placed
    schedule.dropped_locks     # {meeting id: reason} for locks that became impossible (the meeting was re-placed)
    schedule.breaks            # {participant: idle breaks}; .total_breaks, .max_breaks
    schedule.weight, schedule.weight_bound, schedule.breaks_bound, schedule.optimal, schedule.method
    schedule.agenda("acme", problem)   # [(slot, table, meeting id), ...]

Goals, in strict order (Bofill et al., JAIR 74 (2022) 263–301, extended to over-demand):
1. the number (the total `weight`) of scheduled meetings is as large as possible;
2. as many participants as possible have at least one meeting;
3. fairness: every participant's breaks within `fairness` (d) of everyone else's, participants with no or
   one meeting included (0 breaks) — so in practice nobody has more than d breaks when that is possible;
4. as few breaks in total as possible. A break is one run of idle slots between two consecutive meetings of a
   participant, however long; idle slots before the first or after the last meeting are not breaks.
Hard rules: nobody in two meetings at once, at most n_tables meetings per slot, allowed slots and
unavailability, per-participant limits, `after` precedences, and locks. A lock that has become impossible
(slot no longer allowed, clash with another lock) is dropped, reported in `dropped_locks`, and the meeting is
scheduled afresh; possible locks are always kept, first come first kept.

Methods: "exact" (CP-SAT, `exact`; `optimal` True when every goal is proven optimal) for small and
mid-size events: with every meeting placed and fairness d a rule, it first tries an agenda-shape model
(`runs`: each agenda a window with at most d idle runs), then the paper's Boolean model, then the
same with fairness as a goal, then weight-first solves when not everything fits; it starts from, and never
returns worse than, the fast method's answer. "large" (greedy + ejection repair + break-cutting moves, `large`) for big
events, with `weight_bound` from an LP relaxation. "auto" picks by size (EXACT_SIZE_LIMIT meeting-slot pairs).
`time_limit` (seconds) bounds the run, a few seconds of set-up aside. `first_come_schedule` is the naive
baseline (each request, in input order, at its earliest free slot) used in benchmarks.
Tables are numbered per slot, locked tables first, then the lowest free numbers.
"""

from __future__ import annotations

import time

from smartcluster.scheduling.exact import solve_exact
from smartcluster.scheduling.large import greedy_state, solve_large, weight_bound
from smartcluster.scheduling.model import (
    Meeting,
    Placement,
    Schedule,
    SchedulingProblem,
    breaks_of,
    build_schedule,
    prepare,
    schedule_rank,
)

__all__ = [
    "Meeting",
    "Placement",
    "Schedule",
    "SchedulingProblem",
    "breaks_of",
    "first_come_schedule",
    "schedule_meetings",
    "schedule_violations",
]

# Above this many meeting-slot pairs the exact model rarely proves optimality in seconds.
EXACT_SIZE_LIMIT = 20_000


def schedule_meetings(
    problem: SchedulingProblem, *, time_limit: float = 30.0, method: str = "auto", workers: int | None = None,
) -> Schedule:
    """Schedule accepted meetings (see the module docstring); raises ValueError on malformed input."""
    started = time.monotonic()
    prep = prepare(problem)
    size = sum(len(prep.allowed[i]) for i in prep.candidates())
    if method == "auto":
        method = "exact" if size <= EXACT_SIZE_LIMIT else "large"
    if method not in ("exact", "large"):
        raise ValueError(f"method must be 'auto', 'exact' or 'large', got {method!r}")
    if method == "large":
        slots = solve_large(prep, time_limit=time_limit * 0.8)
        return build_schedule(prep, slots, weight_bound=weight_bound(prep), breaks_bound=None, optimal=False,
                              method="large", seconds=time.monotonic() - started)
    start = solve_large(prep, time_limit=min(2.0, time_limit / 10))
    result = solve_exact(prep, start_slots=start, time_limit=time_limit - (time.monotonic() - started),
                         workers=workers)
    # When time runs out before the solver catches up with its heuristic start, keep the better of the two.
    slots = max((result.slot_of, start), key=lambda candidate: schedule_rank(prep, candidate))
    optimal = result.optimal and slots is result.slot_of
    return build_schedule(prep, slots, weight_bound=result.weight_bound, breaks_bound=result.breaks_bound,
                          optimal=optimal, method="exact", seconds=time.monotonic() - started)


def first_come_schedule(problem: SchedulingProblem) -> Schedule:
    """Baseline: locks, then each request in the given order at its earliest free slot; never moves anything."""
    started = time.monotonic()
    prep = prepare(problem)
    state = greedy_state(prep, first_come=True)
    total = sum(problem.meetings[i].weight for i in prep.candidates())
    return build_schedule(prep, state.slot_of, weight_bound=total, breaks_bound=None, optimal=False,
                          method="first-come", seconds=time.monotonic() - started)


def schedule_violations(problem: SchedulingProblem, schedule: Schedule) -> list[str]:
    """Every hard rule a schedule breaks, in words (empty when valid)."""
    problems: list[str] = []
    by_id = {m.id: m for m in problem.meetings}
    seen: dict[tuple, object] = {}
    counts: dict = {}
    unavailable = problem.unavailable
    for meeting_id, place in schedule.placements.items():
        m = by_id[meeting_id]
        if not 1 <= place.slot <= problem.n_slots:
            problems.append(f"meeting {meeting_id!r} in slot {place.slot} outside 1..{problem.n_slots}")
        if problem.n_tables is not None and not 1 <= place.table <= problem.n_tables:
            problems.append(f"meeting {meeting_id!r} at table {place.table} outside 1..{problem.n_tables}")
        if m.allowed_slots is not None and place.slot not in m.allowed_slots:
            problems.append(f"meeting {meeting_id!r} in slot {place.slot}, not one of its allowed slots")
        for key in [(m.a, place.slot), (m.b, place.slot), ("table", place.table, place.slot)]:
            if key in seen:
                problems.append(f"meeting {meeting_id!r} clashes with {seen[key]!r} over {key[:-1]} in slot {place.slot}")
            seen[key] = meeting_id
        for side in (m.a, m.b):
            if place.slot in unavailable.get(side, ()):
                problems.append(f"meeting {meeting_id!r}: {side} is unavailable in slot {place.slot}")
            counts[side] = counts.get(side, 0) + 1
        for earlier in m.after:
            if earlier in schedule.placements and schedule.placements[earlier].slot >= place.slot:
                problems.append(f"meeting {meeting_id!r} must come after {earlier!r}")
        if m.locked_slot is not None and m.id not in schedule.dropped_locks and place.slot != m.locked_slot:
            problems.append(f"meeting {meeting_id!r} moved away from its locked slot {m.locked_slot}")
    for side, count in counts.items():
        limit = min(problem.max_meetings_of.get(side, count), problem.max_meetings or count)
        if count > limit:
            problems.append(f"{side} has {count} meetings, above the limit {limit}")
    for m in problem.meetings:
        if m.locked_slot is not None and m.id not in schedule.dropped_locks and m.id not in schedule.placements:
            problems.append(f"locked meeting {m.id!r} is missing from the schedule")
    missing = {m.id for m in problem.meetings} - set(schedule.placements) - set(schedule.unscheduled)
    if missing:
        problems.append(f"meetings neither scheduled nor listed as unscheduled: {sorted(map(repr, missing))}")
    return problems
