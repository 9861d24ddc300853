"""Writes of the clusters app (its public face with `selectors` and `choices`): one module per part."""

from smartcluster.clusters.services.evaluation import *  # noqa: F403
from smartcluster.clusters.services.funding import *  # noqa: F403
from smartcluster.clusters.services.mission import *  # noqa: F403
from smartcluster.clusters.services.registry import *  # noqa: F403
from smartcluster.clusters.services.skills import *  # noqa: F403
