"""The challenges admin: one module per part."""

from smartcluster.challenges.admin import briefs, jury, ranking, teams  # noqa: F401
