"""The reference-data fixtures live with the regions app (one mirror of the official files for both)."""

from smartcluster.regions.tests.conftest import (  # noqa: F401
    loaded_reference,
    reference_urls,
)
