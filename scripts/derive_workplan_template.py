"""Derive the work-plan template the platform starts a project from (package data of smartcluster.monitoring),
read from the project idea's text by `smartcluster.workplans.template_read`, so a first run works offline.

Usage: python scripts/derive_workplan_template.py [IDEA_TXT] [OUT_JSON]
(defaults: ../shared/seed/project-idea.txt and smartcluster/monitoring/data/workplan-template.json)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from smartcluster.workplans import template_data, template_read

REPO = Path(__file__).resolve().parent.parent
DEFAULT_IDEA = REPO.parent / "shared" / "seed" / "project-idea.txt"
DEFAULT_OUT = REPO / "smartcluster" / "monitoring" / "data" / "workplan-template.json"


def derived_json(idea: Path) -> str:
    """The template of the idea's text as the JSON text the package ships."""
    template = template_read(idea.read_text(encoding="utf-8"))
    return json.dumps(template_data(template), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> None:
    idea = Path(argv[1]) if len(argv) > 1 else DEFAULT_IDEA
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    out.write_text(derived_json(idea), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
