"""The questionnaires shipped with the maturity app: `questionnaires/<code>.yaml` and their translations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smartcluster.scoring.definition import definition_from_folder

PACKAGED = Path(__file__).resolve().parent / "questionnaires"


def packaged_definition(code: str) -> dict[str, Any]:
    """A questionnaire shipped with the app, e.g. ``dma-sme-v1``, with its shipped translations."""
    return definition_from_folder(PACKAGED, code)
