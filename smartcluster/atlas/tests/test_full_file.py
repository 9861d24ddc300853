"""The full SBS file (all EU NUTS 2 regions, mixed NUTS versions) through the real importer: one NUTS version for
the whole series, the codes that cannot be carried to it listed, and every region either mapped once or listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smartcluster.atlas.engine import Params, atlas_result
from smartcluster.atlas.selectors import boundaries
from smartcluster.atlas.tests.conftest import FULL_FILE, SBS, eurostat_mirror
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def full_result(shared_data: Path, local_http_server: Callable[[Path], str],
                tmp_path_factory: pytest.TempPathFactory) -> object:
    from smartcluster.sources import eurostat
    from smartcluster.statistics import StatisticsStore

    base_url = eurostat_mirror(tmp_path_factory.mktemp("eurostat-full"), shared_data, local_http_server, FULL_FILE)
    store = StatisticsStore(tmp_path_factory.mktemp("full-store") / "statistics.duckdb")
    eurostat.import_dataset(store, SBS, base_url=base_url)
    return atlas_result(store, Params(dataset=SBS))


def test_the_full_file_is_mapped_on_one_version_with_the_rest_listed(full_result: object,
                                                                     loaded_reference: dict) -> None:
    assert full_result.nuts_version == 2016
    assert {"DE41", "DE42", "DED1", "DED3"} <= set(full_result.left_out[2010])
    codes = sorted(full_result.year_totals(2014)["region"])
    assert len(codes) > 250
    collection, drawn, missing = boundaries(codes=codes, version=full_result.nuts_version)
    ids = [feature["id"] for feature in collection["features"]]
    assert len(ids) == len(set(ids)) == len(drawn)
    assert sorted([*ids, *missing]) == codes
    with_boundary = set(Region.objects.filter(version=2016, level=2, boundary__isnull=False)
                        .values_list("code", flat=True))
    assert set(ids) == set(codes) & with_boundary
    assert set(full_result.table["nuts_version"].unique()) == {2016}
