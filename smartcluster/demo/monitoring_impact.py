"""Load the territorial impact the demo's actions name (`DemoAction.impacts` in `monitoring_content.py`) through the
monitoring app's trusted writer: once each (a reload adds nothing), marked as demo so that `setup --remove-demo`
removes them. An indicator waits for its region: without the NUTS regions loaded it is left for a later
`smartcluster setup --demo`, which the loader's note on the regions already asks for. A mapping figure also waits
for its dataset: without it in the statistics store (a setup that skipped the starter statistics) it is left for a
later `smartcluster setup --demo`, with a note."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from smartcluster.atlas.selectors import datasets_mappable
from smartcluster.demo import monitoring_content as content
from smartcluster.demo.selectors import demo_record_get
from smartcluster.monitoring import services as monitoring
from smartcluster.monitoring.choices import ImpactSource
from smartcluster.regions.selectors import region_exists

if TYPE_CHECKING:
    from smartcluster.demo.loader import Loader


def _waiting(loader: Loader, impact: content.DemoImpact, stored: set[str]) -> bool:
    """An indicator whose region is not loaded yet (the regions' note says so), or a mapping figure whose dataset is
    not stored yet (noted): not loaded."""
    if not region_exists(code=impact.region_code):
        return True
    if impact.source != ImpactSource.MAPPING or impact.dataset in stored:
        return False
    loader.report.notes.append(_("Statistics %(dataset)s not loaded yet: the impact indicator on them waits (load "
                                 "the statistics, then run `smartcluster setup --demo`).") % {"dataset": impact.dataset})
    return True


def _indicator_load(loader: Loader, key: str, action: Any, impact: content.DemoImpact) -> None:
    loader._made(key, monitoring.impact_indicator_load(
        action=action, source=impact.source, region_code=impact.region_code, dataset=impact.dataset,
        category=impact.category, measure=impact.measure, note=impact.note))


def impact_load(loader: Loader) -> None:
    """The impact indicators of the demo's actions whose action the demo made and that are not loaded yet, each on
    its own (one refused by the service is left out with a note)."""
    stored = {entry.dataset for entry in datasets_mappable()}
    for plan in content.ACTION_PLANS:
        for position, action_demo in enumerate(plan.actions, start=1):
            action = demo_record_get(key=f"{plan.key}:action:{position}")
            for number, impact in enumerate(action_demo.impacts, start=1):
                key = f"{plan.key}:action:{position}:impact:{number}"
                if action is None or demo_record_get(key=key) is not None or _waiting(loader, impact, stored):
                    continue
                loader._attempt(impact.note, _indicator_load, loader, key, action, impact)
