"""Industry pages: browse NACE Rev. 2 with search, and one item with its hierarchy and explanatory notes."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from smartcluster.industries import selectors
from smartcluster.industries.forms import IndustrySearchForm
from smartcluster.industries.models import Industry

PAGE_SIZE = 50


def industry_list_view(request: HttpRequest) -> HttpResponse:
    form = IndustrySearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    industries = selectors.industry_list(
        query=filters.get("q", ""), level=filters.get("level"), section=filters.get("section", "")
    )
    page = Paginator(industries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "industries/industry_list.html", {"form": form, "page": page, "query": query.urlencode()})


def industry_detail_view(request: HttpRequest, code: str) -> HttpResponse:
    try:
        industry = selectors.industry_get(code=code)
    except Industry.DoesNotExist:
        raise Http404(f"no NACE Rev. 2 item {code}") from None
    context = {
        "industry": industry,
        "ancestors": selectors.industry_ancestors(industry=industry),
        "children": selectors.industry_children(industry=industry),
    }
    return render(request, "industries/industry_detail.html", context)
