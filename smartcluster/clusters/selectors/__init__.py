"""Reads of the clusters app (its public face with `services` and `choices`): one module per part."""

from smartcluster.clusters.selectors.evaluation import *  # noqa: F403
from smartcluster.clusters.selectors.funding import *  # noqa: F403
from smartcluster.clusters.selectors.mission import *  # noqa: F403
from smartcluster.clusters.selectors.registry import *  # noqa: F403
from smartcluster.clusters.selectors.skills import *  # noqa: F403
