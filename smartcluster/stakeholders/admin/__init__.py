"""The stakeholders admin: one module per part."""

from smartcluster.stakeholders.admin import analysis, coding, interviews, network, registry  # noqa: F401
