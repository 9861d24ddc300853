"""The monitoring admin: one module per part."""

from smartcluster.monitoring.admin import action_plans, impact, indicators, reports, workplan  # noqa: F401
