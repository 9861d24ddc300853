"""Match suggestions for 5,000 generated profiles, top 20 each (fixed seed): seconds and peak memory, against a
baseline in the same process that scores one profile at a time (no blocking of the matrix products).
Target: a few seconds.

    python benchmarks/suggestions_scale.py [--profiles 5000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

from smartcluster.suggestions import KINDS, Opportunity, Profile, matching, suggest_matches

RESULTS = Path(__file__).resolve().parent / "results"
TOPICS = {  # words an opportunity on each topic draws from
    "maintenance": "predictive maintenance vibration sensors condition monitoring bearings machine downtime",
    "robots": "collaborative robots welding assembly gripper automation cell programming safety",
    "vision": "machine vision camera inspection defects quality deep learning images",
    "twin": "digital twin simulation plant model virtual commissioning process optimisation",
    "energy": "energy efficiency compressed air heat recovery metering industrial load",
    "additive": "additive manufacturing metal printing powder lattice prototypes tooling",
    "cyber": "industrial cybersecurity ot network segmentation plc patching audit",
    "logistics": "intralogistics agv warehouse tracking rfid pallets routing",
}
TYPES = ["sme", "large_company", "university", "research", "cluster", "intermediary"]
TECHNOLOGIES = [f"tech-{k}" for k in range(60)]
SECTORS = ["C22.2", "C24.1", "C25.6", "C26.5", "C27.1", "C28.1", "C28.4", "C28.9", "C29.3", "J62.0", "M71.1", "M72.1"]


def generated_profiles(count: int, *, seed: int = 11) -> list[Profile]:
    rng = random.Random(seed)
    topics = list(TOPICS)
    profiles = []
    for k in range(count):
        opportunities = []
        for _ in range(rng.randint(1, 3)):
            words = TOPICS[rng.choice(topics)].split()
            title = " ".join(rng.sample(words, 3))
            opportunities.append(Opportunity(rng.choice(KINDS), title, " ".join(rng.sample(words, 5))))
        profiles.append(Profile(
            id=k, name=f"Participant {k}", organisation=k // 3, organisation_type=rng.choice(TYPES),
            sectors=frozenset(rng.sample(SECTORS, rng.randint(1, 2))),
            technologies=frozenset(rng.sample(TECHNOLOGIES, rng.randint(1, 4))),
            opportunities=tuple(opportunities),
        ))
    return profiles


def _timed(profiles: list[Profile], top: int) -> tuple[dict, float, float]:
    """Result, seconds, and the process's peak resident memory so far in MiB (tracemalloc would slow the run)."""
    started = time.perf_counter()
    result = suggest_matches(profiles, top=top)
    seconds = time.perf_counter() - started
    return result, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=5_000)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)
    profiles = generated_profiles(args.profiles)
    result, seconds, peak = _timed(profiles, args.top)
    sample = profiles[:500]
    _, blocked, _ = _timed(sample, args.top)
    block = matching.BLOCK
    matching.BLOCK = 1  # baseline: one profile at a time
    try:
        _, one_by_one, _ = _timed(sample, args.top)
    finally:
        matching.BLOCK = block
    figures = {
        "profiles": args.profiles,
        "top": args.top,
        "seconds": round(seconds, 2),
        "process_peak_rss_mib": round(peak, 1),
        "suggestions": sum(len(v) for v in result.values()),
        "profiles_with_full_list": sum(1 for v in result.values() if len(v) == args.top),
        "baseline_sample_profiles": len(sample),
        "baseline_one_profile_at_a_time_seconds": round(one_by_one, 2),
        "blocked_same_sample_seconds": round(blocked, 2),
        "speedup_vs_one_at_a_time": round(one_by_one / blocked, 1),
        "example": [s.__dict__ for s in result[0][:3]],
    }
    print(json.dumps(figures))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "suggestions_scale.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
