"""Admin of the clusters app, one module per part (imported so that their registrations run)."""

from smartcluster.clusters.admin import evaluation, funding, mission, registry, skills  # noqa: F401
