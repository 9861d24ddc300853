"""The events API (/api/events/): one router per part, schema names prefixed `ProjectEvent…`/`Event…` never
`EventOut` (matchmaking's)."""

from ninja import Router

from smartcluster.events.api import calendar, communication, outcomes, participation

router = Router(tags=["events"])
for part in (calendar, participation, outcomes, communication):
    router.add_router("", part.router)
