"""The monitoring API (/api/monitoring/): one router per part; schema names prefixed `Monitoring…`, `WorkPlan…`,
`Deliverable…`, `Indicator…`, `ProgressReport…`, `ActionPlan…`, `PlanAction…`, `Impact…` (unique platform-wide)."""

from ninja import Router

from smartcluster.monitoring.api import action_plans, impact, indicators, reports, workplan

router = Router(tags=["monitoring"])
for part in (workplan, indicators, action_plans, impact, reports):
    router.add_router("", part.router)
