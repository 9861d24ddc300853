"""Reads of the learning app (its public face with `services` and `choices`): one module per part."""

from smartcluster.learning.selectors.peer_reviews import *  # noqa: F403
from smartcluster.learning.selectors.practices import *  # noqa: F403
from smartcluster.learning.selectors.reports import *  # noqa: F403
from smartcluster.learning.selectors.transfers import *  # noqa: F403
