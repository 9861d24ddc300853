"""The stakeholders API (/api/stakeholders/): one router per part; schema names prefixed `Stakeholder…`,
`Interview…`, `Coding…`, `Network…` (unique platform-wide)."""

from ninja import Router

from smartcluster.stakeholders.api import analysis, coding, interviews, network, privacy, registry

router = Router(tags=["stakeholders"])
for part in (registry, interviews, coding, analysis, network, privacy):
    router.add_router("", part.router)
