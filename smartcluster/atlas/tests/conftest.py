"""Fixtures: the statistics store filled by the real Eurostat importer from the real files served on 127.0.0.1,
and the NUTS regions loaded by the real reference loader (the regions app's fixtures, reused)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.regions.tests.conftest import loaded_reference, reference_urls  # noqa: F401 - reused fixtures
from smartcluster.regions.tests.mirror import mirror_build

SBS = "sbs_r_nuts06_r2"
FIXTURE_FILE = "fixture-7-countries/sbs_r_nuts06_r2_7countries.tsv.gz"
FULL_FILE = "eurostat-sbs-regional/sbs_r_nuts06_r2.tsv.gz"


def eurostat_mirror(root: Path, shared_data: Path, local_http_server: Callable[[Path], str], real: str) -> str:
    """A base URL answering the dissemination API's dataset path with a real file (a symlink, never a copy)."""
    mirror_build(root, shared_data, {f"sdmx/2.1/data/{SBS}": real})
    return local_http_server(root).rstrip("/")


@pytest.fixture(scope="session")
def eurostat_base_url(shared_data: Path, local_http_server: Callable[[Path], str],
                      tmp_path_factory: pytest.TempPathFactory) -> str:
    """Base URL of a local Eurostat mirror serving the 7-country SBS extract."""
    return eurostat_mirror(tmp_path_factory.mktemp("eurostat"), shared_data, local_http_server, FIXTURE_FILE)


@pytest.fixture(scope="session")
def sbs_store(eurostat_base_url: str) -> object:
    """The statistics store with the 7-country SBS extract imported by the real connector (once per session)."""
    from smartcluster.sources import eurostat
    from smartcluster.statistics import StatisticsStore

    store = StatisticsStore()
    eurostat.import_dataset(store, SBS, base_url=eurostat_base_url)
    return store
