"""Scheduler on generated events of growing size, up to 2,000 participants, 10,000 accepted requests, 16 slots
and 150 tables (fixed seed): meetings scheduled by the platform's method vs the proven bound (and the exact
CP-SAT optimum on the smaller events) and vs a first-come greedy baseline run in the same process; seconds and
peak memory. Target: within 1 % of the bound in under 10 s on 2 cores.

    python benchmarks/scheduler_scale.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

from smartcluster.scheduling import (
    Meeting,
    SchedulingProblem,
    first_come_schedule,
    schedule_meetings,
    schedule_violations,
)

RESULTS = Path(__file__).resolve().parent / "results"
SIZES = [  # participants, accepted requests, slots, tables
    (100, 400, 16, 10),
    (250, 1_000, 16, 25),
    (500, 2_500, 16, 40),
    (1_000, 5_000, 16, 75),
    (2_000, 10_000, 16, 150),
]
EXACT_UP_TO = 1_000  # requests: the exact model is also run on events this small


def generated_event(participants: int, requests: int, slots: int, tables: int | None, *, seed: int = 7) -> SchedulingProblem:
    """Requests skewed toward popular participants; a fifth of the participants miss a block of 4 slots."""
    rng = random.Random(seed)
    popularity = [1 / (k + 1) ** 0.6 for k in range(participants)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < requests:
        a = rng.randrange(participants)
        b = rng.choices(range(participants), weights=popularity)[0]
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    unavailable = {}
    for p in rng.sample(range(participants), participants // 5):
        start = rng.randint(1, slots - 3)
        unavailable[p] = frozenset(range(start, start + 4))
    meetings = tuple(Meeting(id=k, a=a, b=b) for k, (a, b) in enumerate(sorted(pairs, key=lambda _: rng.random())))
    return SchedulingProblem(n_slots=slots, n_tables=tables, meetings=meetings, participants=tuple(range(participants)),
                             unavailable=unavailable, max_meetings=12, fairness=2)


def _figures(problem: SchedulingProblem, schedule, seconds: float) -> dict:
    covered = {s for m in problem.meetings if m.id in schedule.placements for s in (m.a, m.b)}
    return {
        "scheduled": len(schedule.placements),
        "participants_with_a_meeting": len(covered),
        "total_breaks": schedule.total_breaks,
        "max_breaks": schedule.max_breaks,
        "proven_optimal": schedule.optimal,
        "valid": not schedule_violations(problem, schedule),
        "seconds": round(seconds, 2),
        "process_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _run(solve, problem: SchedulingProblem) -> dict:
    """Figures of one run; memory is the process's peak resident set so far (tracemalloc would slow the run)."""
    started = time.perf_counter()
    schedule = solve(problem)
    seconds = time.perf_counter() - started
    return {**_figures(problem, schedule, seconds), "bound": schedule.weight_bound}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the two smallest events")
    parser.add_argument("--time-limit", type=float, default=8.0)
    args = parser.parse_args(argv)
    rows = []
    sizes = SIZES[:2] if args.quick else SIZES
    # Each size twice: with its tables (tables bind), and online with unlimited rooms (people's time binds).
    for participants, requests, slots, tables in [(*s[:3], t) for s in sizes for t in (s[3], None)]:
        problem = generated_event(participants, requests, slots, tables)
        row = {"participants": participants, "requests": requests, "slots": slots, "tables": tables}
        row["first_come"] = _run(first_come_schedule, problem)
        row["platform"] = _run(lambda p: schedule_meetings(p, time_limit=args.time_limit, method="large"), problem)
        if requests <= EXACT_UP_TO:
            row["exact"] = _run(lambda p: schedule_meetings(p, time_limit=30.0, method="exact"), problem)
        bound = min(r["bound"] for r in (row["platform"], row.get("exact", row["platform"])))
        row["proven_bound"] = bound
        for method in ("first_come", "platform", "exact"):
            if method in row:
                row[method]["gap_to_bound_pct"] = round(100 * (1 - row[method]["scheduled"] / bound), 3) if bound else 0.0
        row["first_come"].pop("bound")
        row["platform_vs_first_come"] = round(row["platform"]["scheduled"] / max(row["first_come"]["scheduled"], 1), 3)
        rows.append(row)
        print(json.dumps(row), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scheduler_scale.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
