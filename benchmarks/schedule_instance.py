"""Solve one real B2B instance (MiniZinc .dzn) with the platform's scheduler; print one JSON line.

    python benchmarks/schedule_instance.py INSTANCE.dzn --out SCHEDULE.csv [--time-limit 30] [--fairness 2]
    python benchmarks/schedule_instance.py --all DATA_DIR   # every .dzn, results to benchmarks/results/

Optimal total breaks from Bofill et al., JAIR 74 (2022): tic-12 0, tic-13 0, forumt-14 5, forum-13 0, forum-14 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from smartcluster.scheduling import schedule_meetings, schedule_violations
from smartcluster.scheduling.dzn import instance_problem, read_dzn

PAPER_OPTIMUM = {"tic-12": 0, "tic-13": 0, "forumt-14": 5, "forum-13": 0, "forum-14": 2}
RESULTS = Path(__file__).resolve().parent / "results"


def solve_instance(path: Path, *, time_limit: float, fairness: int | None, out: Path | None) -> dict:
    """Schedule one instance, write its CSV when asked, and return the figures."""
    instance = read_dzn(path)
    problem = instance_problem(instance, fairness=fairness)
    schedule = schedule_meetings(problem, time_limit=time_limit, method="exact")
    violations = schedule_violations(problem, schedule)
    if out is not None:
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["participant_a", "participant_b", "slot", "table"])
            for meeting in problem.meetings:
                if (place := schedule.placements.get(meeting.id)) is not None:
                    writer.writerow([meeting.a, meeting.b, place.slot, place.table])
    name = path.name.removesuffix(".original.dzn").removesuffix(".dzn")
    return {
        "instance": name,
        "meetings_requested": instance.n_meetings,
        "meetings_scheduled": len(schedule.placements),
        "total_breaks": schedule.total_breaks,
        "max_breaks": schedule.max_breaks,
        "proven_optimal": schedule.optimal,
        "breaks_lower_bound": schedule.breaks_bound,
        "meetings_upper_bound": schedule.weight_bound,
        "paper_optimum": PAPER_OPTIMUM.get(name),
        "valid": not violations,
        "seconds": round(schedule.seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instance", nargs="?", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--all", type=Path, help="folder of .dzn files: solve each, write results JSON")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--fairness", type=int, default=2, help="d; negative for none")
    args = parser.parse_args(argv)
    fairness = None if args.fairness < 0 else args.fairness
    if args.all:
        rows = []
        for path in sorted(args.all.glob("*.dzn")):
            rows.append(solve_instance(path, time_limit=args.time_limit, fairness=fairness, out=None))
            print(json.dumps(rows[-1]), flush=True)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "schedule_instances.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
        return 0
    if args.instance is None:
        parser.error("give an INSTANCE.dzn or --all FOLDER")
    print(json.dumps(solve_instance(args.instance, time_limit=args.time_limit, fairness=fairness, out=args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
