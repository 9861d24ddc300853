"""Region pages: browse with search, and one region with its hierarchy, versions and map."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from smartcluster.regions import selectors
from smartcluster.regions.forms import RegionSearchForm
from smartcluster.regions.models import Region

PAGE_SIZE = 50


def _versions_note(versions: list[int]) -> str:
    """'This code exists in NUTS 2013 only.' or the list of versions it exists in."""
    if len(versions) == 1:
        return _("This code exists in NUTS %(version)s only.") % {"version": versions[0]}
    return _("This code exists in NUTS %(versions)s.") % {
        "versions": get_text_list([str(version) for version in versions], _("and"))
    }


def region_list_view(request: HttpRequest) -> HttpResponse:
    form = RegionSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    regions = selectors.region_list(
        query=filters.get("q", ""), level=filters.get("level"), version=filters.get("version"),
        country=filters.get("country", ""),
    )
    page = Paginator(regions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "regions/region_list.html", {"form": form, "page": page, "query": query.urlencode()})


def region_detail_view(request: HttpRequest, code: str, version: int) -> HttpResponse:
    try:
        region = selectors.region_get(code=code, version=version)
    except Region.DoesNotExist:
        raise Http404(f"NUTS {version} has no region {code}") from None
    versions = selectors.region_versions(code=region.code)
    context = {
        "region": region,
        "versions": versions,
        "versions_note": _versions_note(versions),
        "loaded_versions": selectors.region_loaded_versions(),
        "mapped_version": None if region.boundary else selectors.region_mapped_version(code=region.code),
        "ancestors": selectors.region_ancestors(region=region),
        "children": selectors.region_children(region=region),
        "map_data": {"code": region.code, "label": f"{region.code} {region.display_name}",
                     "geometry": region.boundary} if region.boundary else None,
    }
    return render(request, "regions/region_detail.html", context)


def region_code_view(request: HttpRequest, code: str) -> HttpResponse:
    try:
        region = selectors.region_get(code=code)
    except Region.DoesNotExist:
        raise Http404(f"no NUTS region {code}") from None
    return redirect("regions:detail", code=region.code, version=region.version)
