"""Reads of the stakeholders app (its public face with `services` and `choices`): one module per part."""

from smartcluster.stakeholders.selectors.analysis import *  # noqa: F403
from smartcluster.stakeholders.selectors.coding import *  # noqa: F403
from smartcluster.stakeholders.selectors.interviews import *  # noqa: F403
from smartcluster.stakeholders.selectors.network import *  # noqa: F403
from smartcluster.stakeholders.selectors.privacy import *  # noqa: F403
from smartcluster.stakeholders.selectors.registry import *  # noqa: F403
