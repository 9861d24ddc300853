"""Fixtures: the official reference files (real, from shared/data) served from 127.0.0.1, loaded once per module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from smartcluster.regions.tests.mirror import HISTORY_MIRROR, NACE_MIRROR, NUTS_MIRROR, mirror_build


@pytest.fixture(scope="session")
def reference_urls(shared_data: Path, local_http_server: Callable[[Path], str],
                   tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Base URLs of a local mirror laid out like GISCO, Eurostat's NUTS history folder and the NACE folder."""
    root = tmp_path_factory.mktemp("reference-mirror")
    for name, files in (("nuts", NUTS_MIRROR), ("history", HISTORY_MIRROR), ("nace", NACE_MIRROR)):
        mirror_build(root / name, shared_data, files)
    base = local_http_server(root)
    return {"nuts": f"{base}nuts/", "history": f"{base}history/", "nace": f"{base}nace/"}


@pytest.fixture(scope="module")
def loaded_reference(reference_urls: dict[str, str], django_db_setup: None,
                     django_db_blocker: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """Every NUTS version and NACE loaded once for a module's tests (read-only use), removed afterwards."""
    from smartcluster.industries.models import Industry
    from smartcluster.industries.services import industry_reference_load
    from smartcluster.regions.models import Region
    from smartcluster.regions.services import region_reference_load

    with django_db_blocker.unblock():
        region_reference_load(base_url=reference_urls["nuts"], history_base_url=reference_urls["history"])
        industry_reference_load(base_url=reference_urls["nace"])
    yield reference_urls
    with django_db_blocker.unblock():
        Region.objects.all().delete()
        Industry.objects.all().delete()
