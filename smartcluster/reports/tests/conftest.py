"""The other apps' fixtures, reused: matchmaking events and participants, maturity respondents, the atlas data."""

from __future__ import annotations

from smartcluster.atlas.tests.conftest import eurostat_base_url, sbs_store  # noqa: F401 - reused fixtures
from smartcluster.matchmaking.tests.conftest import (  # noqa: F401 - reused fixtures
    event,
    organiser_user,
    participant_factory,
    test_settings,
)
from smartcluster.maturity.tests.conftest import (  # noqa: F401 - reused fixtures
    cluster,
    cluster_manager,
    full_answers,
    plain_http_and_static_files,
    questionnaire,
    regions,
    sectors,
    submitted,
)
from smartcluster.regions.tests.conftest import loaded_reference, reference_urls  # noqa: F401 - reused fixtures
