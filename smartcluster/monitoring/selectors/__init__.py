"""Reads of the monitoring app (its public face with `services` and `choices`): one module per part."""

from smartcluster.monitoring.selectors.access import *  # noqa: F403
from smartcluster.monitoring.selectors.action_plans import *  # noqa: F403
from smartcluster.monitoring.selectors.impact import *  # noqa: F403
from smartcluster.monitoring.selectors.indicator_reports import *  # noqa: F403
from smartcluster.monitoring.selectors.indicators import *  # noqa: F403
from smartcluster.monitoring.selectors.reports import *  # noqa: F403
from smartcluster.monitoring.selectors.workplan import *  # noqa: F403
