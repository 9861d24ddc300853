"""The first command on a machine that reaches the official sources takes their files, not the starter pack.

Apart from `test_first_run.py`: that module's offline setup stays loaded (in one transaction) while its tests run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcluster.maturity.models import Questionnaire, QuestionnaireStatus
from smartcluster.regions.models import Region
from smartcluster.regions.tests.test_first_run import _setup


@pytest.mark.django_db
def test_setup_takes_the_official_files_when_they_can_be_reached(
    reference_urls: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    settings.NUTS_BASE_URL, settings.NUTS_HISTORY_BASE_URL = reference_urls["nuts"], reference_urls["history"]
    settings.NACE_BASE_URL = reference_urls["nace"]
    monkeypatch.setenv("SMARTCLUSTER_DATA_DIR", str(tmp_path))
    result, _seconds = _setup("--empty")
    assert result.exit_code == 0, result.output
    assert "Official reference sources not usable" not in result.output and "Reference data ready." in result.output
    assert Region.objects.get(code="EL61", version=2024).source == "GISCO geojson/NUTS_RG_20M_2024_4326.geojson"
    assert not Region.objects.filter(source__contains="starter pack").exists()
    assert Questionnaire.objects.get(code="dma-sme-v1").status == QuestionnaireStatus.PUBLISHED
