"""`{% clusters_in_region code %}`: the cluster organisations active in a region (its own region or a region it
serves is the region, inside it or contains it), for the atlas's region profile. A template tag, so the atlas
needs no Python import of the clusters app."""

from __future__ import annotations

from typing import Any

from django import template

from smartcluster.clusters.selectors import cluster_profiles_in_region

register = template.Library()


@register.inclusion_tag("clusters/registry/_in_region.html", takes_context=True)
def clusters_in_region(context: template.Context, code: str) -> dict[str, Any]:
    """The profiles the viewer may read that are active in region `code` (NUTS prefix rule)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"code": str(code or "").upper(), "profiles": list(cluster_profiles_in_region(user=user, code=str(code or "")))
            if code else []}
