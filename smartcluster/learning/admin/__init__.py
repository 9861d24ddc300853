"""The learning admin: one module per part."""

from smartcluster.learning.admin import peer_reviews, practices, transfers  # noqa: F401
