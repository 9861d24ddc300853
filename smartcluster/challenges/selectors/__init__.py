"""Reads of the challenges app (its public face with `services` and `choices`): one module per part."""

from smartcluster.challenges.selectors.briefs import *  # noqa: F403
from smartcluster.challenges.selectors.jury import *  # noqa: F403
from smartcluster.challenges.selectors.ranking import *  # noqa: F403
from smartcluster.challenges.selectors.teams import *  # noqa: F403
