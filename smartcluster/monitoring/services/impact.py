"""Writes of the territorial impact: the indicators an action should move. The action's partner editors, the lead's
editors and administrators write; each indicator is checked against its source; a refusal stores nothing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from smartcluster.atlas import selectors as atlas
from smartcluster.monitoring.choices import ImpactSource
from smartcluster.monitoring.models import Action, ImpactIndicator
from smartcluster.monitoring.selectors.access import project_partner_editable
from smartcluster.regions.selectors import region_exists

__all__ = ["impact_indicator_create", "impact_indicator_delete", "impact_indicator_load"]

FIELDS = ("source", "region_code", "dataset", "category", "measure", "cluster", "note")


def _require_editable(user: Any, action: Action) -> None:
    if not project_partner_editable(user, action.plan.partner):
        raise PermissionDenied(_("Only the partner's editors, the lead partner's editors or administrators name "
                                 "this action's impact indicators."))


def _mapping_checked(indicator: ImpactIndicator) -> None:
    """The dataset is stored and mappable, the category is in the engine's result, the measure is given."""
    if not indicator.measure:
        raise ValidationError({"measure": _("Choose the mapping figure to follow (employment, LQ or stars).")})
    try:
        dataset = atlas.dataset_chosen(name=indicator.dataset or "-")
        result = atlas.atlas_result_get(params=atlas.atlas_params(dataset=dataset))
    except (atlas.AtlasNotFound, atlas.AtlasUnavailable) as error:
        raise ValidationError({"dataset": str(error.args[0])}) from error
    try:
        atlas.category_checked(result=result, category=indicator.category)
    except atlas.AtlasNotFound as error:
        raise ValidationError({"category": str(error.args[0])}) from error


def _checked(indicator: ImpactIndicator) -> ImpactIndicator:
    """Every rule of an impact indicator, then the model's own (nothing is saved before all pass)."""
    indicator.region_code = (indicator.region_code or "").strip().upper()
    if not region_exists(code=indicator.region_code):
        raise ValidationError({"region_code": _("%(code)s is not a NUTS region.") % {"code": indicator.region_code}})
    if indicator.source == ImpactSource.MAPPING:
        _mapping_checked(indicator)
    else:  # another source reads no mapping figure: what a form left in those fields is not kept
        indicator.dataset = indicator.category = indicator.measure = ""
    if indicator.source != ImpactSource.CLUSTER_EVALUATION:
        indicator.cluster = None
    if indicator.source == ImpactSource.CLUSTER_EVALUATION and indicator.cluster_id is None:
        raise ValidationError({"cluster": _("Choose the cluster organisation whose evaluations to follow.")})
    indicator.full_clean()
    return indicator


def impact_indicator_create(*, user: Any, action: Action, **fields: Any) -> ImpactIndicator:
    """Name a figure the action should move (the action's partner editors, the lead's, administrators)."""
    _require_editable(user, action)
    indicator = _checked(ImpactIndicator(action=action, **{key: fields[key] for key in FIELDS if key in fields}))
    indicator.save()
    return indicator


def impact_indicator_delete(*, user: Any, indicator: ImpactIndicator) -> None:
    """Remove an impact indicator (the series it read are not stored, so nothing else goes)."""
    _require_editable(user, indicator.action)
    indicator.delete()


def impact_indicator_load(*, action: Action, source: str, region_code: str, **fields: Any) -> ImpactIndicator:
    """Trusted loader for the demo: the same checks, no rights check, idempotent on (action, source, region,
    dataset, category, measure)."""
    keys = {key: fields.get(key, "") for key in ("dataset", "category", "measure")}
    existing = ImpactIndicator.objects.filter(action=action, source=source, region_code=region_code, **keys).first()
    if existing is not None:
        return existing
    indicator = _checked(ImpactIndicator(action=action, source=source, region_code=region_code,
                                         **{key: fields[key] for key in FIELDS if key in fields}))
    indicator.save()
    return indicator
