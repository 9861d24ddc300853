"""Territorial impact on the mapping: an action on the LQ of a category in EL64 shows the engine's own LQ series
for that region and category, and after a real re-import of a dataset with one more year the series has that year.
Bad input (unknown region, dataset, category, mapping without measure) is refused naming the field, nothing saved.

The module keeps its own data directory (statistics store, result cache), filled from the real Eurostat files."""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from smartcluster.atlas import selectors as atlas
from smartcluster.atlas.tests.conftest import FIXTURE_FILE, SBS, eurostat_mirror
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.monitoring.models import ImpactIndicator
from smartcluster.monitoring.selectors import impact_series
from smartcluster.monitoring.services import impact_indicator_load
from smartcluster.monitoring.tests.world import build_monitoring_world, make_action, make_action_plan
from smartcluster.regions.tests.conftest import loaded_reference, reference_urls  # noqa: F401 - reused fixtures

pytestmark = pytest.mark.django_db
LAST_YEAR = 2014  # the latest year EL64 holds in the extract (its 2015 column is empty there)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory of this module's own (the session's store is left as the other modules expect it)."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("impact-data")
        patch.setenv("SMARTCLUSTER_DATA_DIR", str(folder))
        yield folder


def _without_last_year(real: Path, target: Path) -> None:
    """The real file without its 2015 and 2014 columns (as Eurostat served it before EL64's 2014 figures)."""
    with gzip.open(real, "rt") as source, gzip.open(target, "wt") as out:
        for line in source:
            out.write("\t".join(line.rstrip("\n").split("\t")[:1] + line.rstrip("\n").split("\t")[3:]) + "\n")


@pytest.fixture
def import_sbs(data_dir: Path, shared_data: Path, local_http_server: Callable[[Path], str],
               tmp_path_factory: pytest.TempPathFactory) -> Callable[[bool], None]:
    """Import the SBS dataset by the real connector: the file without its last year, or the full file."""
    from smartcluster.sources import eurostat
    from smartcluster.statistics import StatisticsStore

    def run(full: bool) -> None:
        relative = FIXTURE_FILE
        if not full:
            folder = tmp_path_factory.mktemp("older")
            _without_last_year(shared_data / FIXTURE_FILE, folder / "older.tsv.gz")
            relative = str(folder / "older.tsv.gz")
        base = eurostat_mirror(tmp_path_factory.mktemp("mirror"), shared_data, local_http_server, relative)
        eurostat.import_dataset(StatisticsStore(), SBS, base_url=base)
    return run


@pytest.fixture
def action(loaded_reference: dict[str, str]) -> object:  # noqa: F811 - the reused fixture
    """An action of partner A (EL64) that started in 2014."""
    world = build_monitoring_world()
    return make_action(make_action_plan(world.partner_a), starts_on=dt.date(2014, 3, 1),
                       ends_on=dt.date(2027, 12, 31))


def _engine_lq(category: str) -> list[tuple[int, float]]:
    result = atlas.atlas_result_get(params=atlas.atlas_params(dataset=atlas.dataset_chosen(name=SBS)))
    rows = atlas.region_trends(result=result, code="EL64", categories=[category]).dropna(subset=["lq"])
    return [(int(year), float(lq)) for year, lq in zip(rows["year"], rows["lq"], strict=True)]


def _some_category() -> str:
    result = atlas.atlas_result_get(params=atlas.atlas_params(dataset=atlas.dataset_chosen(name=SBS)))
    rows = atlas.region_categories(result=result, code="EL64", year=LAST_YEAR - 1).dropna(subset=["lq"])
    return str(rows.iloc[0]["category"])


def test_lq_series_is_the_engines_and_gains_the_year_a_reimport_brings(import_sbs: Callable[[bool], None],
                                                                        action: object) -> None:
    import_sbs(False)
    category = _some_category()
    indicator = impact_indicator_load(action=action, source="mapping", region_code="EL64", dataset=SBS,
                                      category=category, measure="lq")
    older = impact_series(indicator)
    assert older.points == _engine_lq(category)
    assert max(year for year, _ in older.points) == LAST_YEAR - 1
    assert older.start_year == 2014 and older.before is not None and older.after is None

    import_sbs(True)
    newer = impact_series(indicator)
    assert newer.points == _engine_lq(category)
    assert max(year for year, _ in newer.points) == LAST_YEAR
    assert newer.after == round(dict(newer.points)[LAST_YEAR], 3)  # the action's year, once imported
    assert ImpactIndicator.objects.count() == 1  # the series are read, never stored
    panel = render_to_string("monitoring/impact/_panel.html", {"action": action})
    assert f"{LAST_YEAR} (action starts)" in panel and f"{dict(newer.points)[LAST_YEAR]:.3f}" in panel
    assert "re-importing newer statistics moves these series" in panel


@pytest.mark.parametrize(("fields", "field"), [
    ({"region_code": "XX99"}, "region_code"),
    ({"dataset": "no_such_dataset"}, "dataset"),
    ({"category": "no-such-category"}, "category"),
    ({"measure": ""}, "measure"),
])
def test_bad_mapping_indicator_is_refused_naming_the_field(import_sbs: Callable[[bool], None], action: object,
                                                           fields: dict[str, str], field: str) -> None:
    import_sbs(True)
    values = {"source": "mapping", "region_code": "EL64", "dataset": SBS, "category": _some_category(),
              "measure": "lq", **fields}
    with pytest.raises(ValidationError) as refused:
        impact_indicator_load(action=action, **values)
    assert field in refused.value.message_dict
    assert not ImpactIndicator.objects.exists()
