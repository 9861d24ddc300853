"""Writes of the stakeholders app (its public face with `selectors` and `choices`): one module per part."""

from smartcluster.stakeholders.services.analysis import *  # noqa: F403
from smartcluster.stakeholders.services.coding import *  # noqa: F403
from smartcluster.stakeholders.services.interviews import *  # noqa: F403
from smartcluster.stakeholders.services.network import *  # noqa: F403
from smartcluster.stakeholders.services.privacy import *  # noqa: F403
from smartcluster.stakeholders.services.registry import *  # noqa: F403
