"""Writes of the challenges app (its public face with `selectors` and `choices`): one module per part."""

from smartcluster.challenges.services.briefs import *  # noqa: F403
from smartcluster.challenges.services.jury import *  # noqa: F403
from smartcluster.challenges.services.ranking import *  # noqa: F403
from smartcluster.challenges.services.teams import *  # noqa: F403
