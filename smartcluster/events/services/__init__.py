"""Writes of the events app (its public face with `selectors` and `choices`): one module per part."""

from smartcluster.events.services.calendar import *  # noqa: F403
from smartcluster.events.services.communication import *  # noqa: F403
from smartcluster.events.services.outcomes import *  # noqa: F403
from smartcluster.events.services.participation import *  # noqa: F403
