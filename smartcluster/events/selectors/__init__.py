"""Reads of the events app (its public face with `services` and `choices`): one module per part."""

from smartcluster.events.selectors.calendar import *  # noqa: F403
from smartcluster.events.selectors.communication import *  # noqa: F403
from smartcluster.events.selectors.outcomes import *  # noqa: F403
from smartcluster.events.selectors.participation import *  # noqa: F403
