"""Writes of the monitoring app (its public face with `selectors` and `choices`): one module per part."""

from smartcluster.monitoring.services.action_plans import *  # noqa: F403
from smartcluster.monitoring.services.impact import *  # noqa: F403
from smartcluster.monitoring.services.indicators import *  # noqa: F403
from smartcluster.monitoring.services.reports import *  # noqa: F403
from smartcluster.monitoring.services.workplan import *  # noqa: F403
