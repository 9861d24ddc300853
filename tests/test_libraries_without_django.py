"""Every library package imports and works in a fresh Python where Django cannot be imported (a notebook's case).

Each check runs in its own `python -c` process: Django is blocked by a `sys.meta_path` finder before anything of
smartcluster is imported, every module of the package is imported, and one small call must give its known answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

BLOCK_DJANGO = textwrap.dedent("""
    import importlib, pkgutil, sys

    class NoDjango:
        def find_spec(self, name, path=None, target=None):
            if name == "django" or name.startswith("django."):
                raise ModuleNotFoundError(f"No module named {name!r} (blocked: libraries run without Django)")
            return None

    sys.meta_path.insert(0, NoDjango())

    def import_all(name):
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
            importlib.import_module(module.name)
""")

QUESTIONNAIRE = {
    "code": "t", "family": "t", "version": 1, "title": "T",
    "dimensions": [{"key": "d", "title": "D", "questions": [
        {"key": "q", "form": "ticks", "text": "Q?", "options": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}]},
    ]}],
    "levels": [{"key": "low", "label": "Low", "below": 50}, {"key": "high", "label": "High"}],
}

# package → (a small call printing its answer, the answer)
CALLS = {
    "sources": ("from smartcluster.sources.nuts_versions import nuts_level, version_in_force\n"
                "print(nuts_level('DE11'), version_in_force(2022))", "2 2021"),
    "statistics": ("from smartcluster.statistics import StatisticsStore\n"
                   "print(len(StatisticsStore(sys.argv[1]).observations()))", "0"),
    "mapping": ("from smartcluster.mapping import cagr\n"
                "print(round(float(cagr(100.0, 121.0, 2)), 6))", "0.1"),
    "scheduling": ("from smartcluster.scheduling import Meeting, SchedulingProblem, schedule_meetings, "
                   "schedule_violations\n"
                   "problem = SchedulingProblem(n_slots=2, n_tables=1, meetings=(Meeting(id=1, a='ann', b='bea'), "
                   "Meeting(id=2, a='ann', b='cal')))\n"
                   "schedule = schedule_meetings(problem, time_limit=10)\n"
                   "print(len(schedule.placements), schedule_violations(problem, schedule))", "2 []"),
    "suggestions": ("from smartcluster.suggestions import Opportunity, Profile, suggest_matches\n"
                    "profiles = [Profile(id=1, name='Ann', organisation=1, organisation_type='sme', opportunities="
                    "(Opportunity('request', 'vibration sensors'),)), Profile(id=2, name='Bea', organisation=2, "
                    "organisation_type='research', opportunities=(Opportunity('offer', 'vibration sensors'),))]\n"
                    "print({k: [s.other for s in v] for k, v in suggest_matches(profiles, top=1).items()})",
                    "{1: [2], 2: [1]}"),
    "scoring": ("from smartcluster.scoring.definition import questionnaire_from_mapping\n"
                "from smartcluster.scoring.scoring import ScoringRules, assessment_score\n"
                f"result = assessment_score(questionnaire_from_mapping({QUESTIONNAIRE!r}), {{'q': ['a']}}, "
                "ScoringRules())\n"
                "print(result.overall, result.level)", "50.0 high"),
    "evaluation": ("from smartcluster.evaluation import default_criteria_set, evaluation_score\n"
                   "result = evaluation_score(default_criteria_set(), {'members': 14, 'strategy': 'yes'}, "
                   "data_year=2025)\n"
                   "status = {s.key: s.status.value for s in result.indicators}\n"
                   "print(result.criteria_version, status['members'], status['strategy'])", "1 failed passed"),
    "qualitative": ("from smartcluster.qualitative.agreement import cohen_kappa\n"
                    "print(round(cohen_kappa([1, 1, 1, 1, 1, 0, 0, 0, 0, 0], [1, 1, 1, 1, 0, 1, 0, 0, 0, 0]), 6))",
                    "0.6"),
    "networks": ("from smartcluster.networks import Node, links_merged, network_graph, node_metrics\n"
                 "graph = network_graph([Node(i, str(i), 'business') for i in (1, 2, 3)], "
                 "links_merged([(1, 2, 'declared'), (3, 2, 'event')]))\n"
                 "print({k: (m.degree, m.betweenness) for k, m in node_metrics(graph).items()})",
                 "{1: (1, 0.0), 2: (2, 1.0), 3: (1, 0.0)}"),
    "workplans": ("from smartcluster.workplans import template_read\n"
                  "plan = template_read('Semestar 1:\\n1.) Management:\\n· Press release no. 2\\n')\n"
                  "print(len(plan.semesters), plan.deliverables[0].number, [d.code for d in plan.defects])",
                  "1 2 ['number_missing', 'heading_misspelt']"),
    "config": ("from smartcluster import config\n"
               "print(config.file_limits().xlsx_max_rows)", "200000"),
}


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter after the Django blocker, with no Django settings in its environment."""
    environment = {key: value for key, value in os.environ.items()
                   if key != "DJANGO_SETTINGS_MODULE" and not key.startswith("SMARTCLUSTER_XLSX")}
    return subprocess.run([sys.executable, "-c", BLOCK_DJANGO + code, *args], capture_output=True, text=True,
                          timeout=120, env=environment, cwd=Path(__file__).resolve().parent.parent)


def test_the_blocker_makes_django_unimportable() -> None:
    answer = _run("import django")
    assert answer.returncode != 0 and "blocked: libraries run without Django" in answer.stderr


@pytest.mark.parametrize("package", sorted(CALLS))
def test_library_imports_and_works_without_django(package: str, tmp_path: Path) -> None:
    call, expected = CALLS[package]
    answer = _run(f"import_all('smartcluster.{package}')\n{call}\n", str(tmp_path / "statistics.duckdb"))
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.strip() == expected
