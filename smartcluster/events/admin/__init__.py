"""Admin of the events app, one module per part (imported so that their registrations run)."""

from smartcluster.events.admin import calendar, communication, outcomes, participation  # noqa: F401
