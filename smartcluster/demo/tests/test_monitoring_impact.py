"""The demo's territorial impact: the actions' impact indicators load once (a reload adds nothing), the mapping one
on the starter pack's statistics has its series; without those statistics it waits, with a note."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from smartcluster.monitoring.models import ImpactIndicator
from smartcluster.monitoring.selectors import impact_series

pytestmark = pytest.mark.django_db


@pytest.fixture
def starter_statistics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A data directory of this test's own holding the starter pack's statistics, as `setup --offline` stores them."""
    from smartcluster.starter_pack import statistics_load
    from smartcluster.statistics import StatisticsStore

    monkeypatch.setenv("SMARTCLUSTER_DATA_DIR", str(tmp_path))
    statistics_load(StatisticsStore())
    yield


def _rows() -> list[tuple[str, str, str, str, str]]:
    return list(ImpactIndicator.objects.order_by("pk").values_list("source", "region_code", "dataset", "category",
                                                                    "measure"))


def test_the_demos_impact_indicators_load_once_and_the_mapping_one_has_points(starter_statistics: None,
                                                                               setup: Callable) -> None:
    output = setup().output
    loaded = _rows()
    again = setup("--demo").output
    assert _rows() == loaded
    assert loaded == [("maturity", "EL61", "", "", ""), ("mapping", "ES62", "sbs_r_nuts06_r2", "18", "lq")]
    assert "Left out" not in output + again and "not loaded yet" not in output + again
    series = impact_series(ImpactIndicator.objects.get(source="mapping"))
    assert [year for year, _ in series.points] == list(range(2008, 2016)) and series.message == ""
    assert series.before is not None and all(value > 1 for _, value in series.points)  # Murcia: specialised


def test_without_statistics_the_mapping_indicator_waits_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    setup: Callable) -> None:
    monkeypatch.setenv("SMARTCLUSTER_DATA_DIR", str(tmp_path))  # a statistics store of its own, empty
    output = setup().output
    assert _rows() == [("maturity", "EL61", "", "", "")]
    assert "Statistics sbs_r_nuts06_r2 not loaded yet" in output and "Left out" not in output
