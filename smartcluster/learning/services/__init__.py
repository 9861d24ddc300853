"""Writes of the learning app (its public face with `selectors` and `choices`): one module per part."""

from smartcluster.learning.services.peer_reviews import *  # noqa: F403
from smartcluster.learning.services.practices import *  # noqa: F403
from smartcluster.learning.services.transfers import *  # noqa: F403
