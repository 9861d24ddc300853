"""Practices pages: the search, the map, a practice with its trail and similar practices, its form, the status
changes and the XLSX export. Views parse, call one service or selector, and render."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change
from smartcluster.atlas import selectors as atlas
from smartcluster.events.selectors import project_event_list
from smartcluster.learning import selectors, services
from smartcluster.learning.choices import PracticeStatus
from smartcluster.learning.exports.practices import practice_download
from smartcluster.learning.forms.practices import PracticeFilterForm, PracticeForm, TransitionForm
from smartcluster.organisations.selectors import organisation_list
from smartcluster.site.views import form_refusal

PAGE_SIZE = 25
MAP_NUTS_VERSION = 2021


def _filtered(request: HttpRequest) -> tuple[PracticeFilterForm, Any]:
    """The filter form of the request and the practices it selects among those the user may read."""
    filters = PracticeFilterForm(request.GET, events=selectors.good_practice_source_events(user=request.user),
                                 may_see_unpublished=selectors.good_practice_may_see_unpublished(user=request.user))
    return filters, selectors.good_practice_list(user=request.user, **filters.filters())


def practice_list(request: HttpRequest) -> HttpResponse:
    """The search: practices the user may read, filtered; htmx refreshes the results only."""
    filters, practices = _filtered(request)
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "learning/practices/_results.html" if request.htmx else "learning/practices/list.html"
    return render(request, template, {"filters": filters, "page": page, "query": query.urlencode(),
                                      "may_create": bool(selectors.good_practice_partner_choices(user=request.user))})


def _map_figure(points: list[Any], region_codes: list[str]) -> dict[str, Any]:
    """Points over the NUTS outlines of their regions (the atlas's boundaries, offline): no tiles, no topojson."""
    outlines = {"type": "choropleth", "featureidkey": "id", "locations": region_codes,
                "z": [1] * len(region_codes), "showscale": False, "hoverinfo": "location",
                "colorscale": [[0, "#e8eef5"], [1, "#e8eef5"]],
                "marker": {"line": {"color": "#7f8c9a", "width": 0.6}}}
    dots = {"type": "scattergeo", "mode": "markers",
            "lat": [float(p.latitude) for p in points], "lon": [float(p.longitude) for p in points],
            "text": [p.title + ("" if p.is_successful else " — " + _("not successful: lessons learnt"))
                     for p in points],
            "customdata": [reverse("learning:practice_detail", args=[p.pk]) for p in points],
            "marker": {"size": 10, "color": ["#1f5fa8" if p.is_successful else "#b35900" for p in points],
                       "line": {"color": "#ffffff", "width": 1}},
            "hovertemplate": "%{text}<extra></extra>"}
    return {"data": [outlines, dots] if region_codes else [dots],
            "layout": {"height": 560, "margin": {"l": 0, "r": 0, "t": 10, "b": 0}, "showlegend": False,
                       "geo": {"fitbounds": "locations", "visible": not region_codes, "resolution": 50,
                               "projection": {"type": "mercator"}}}}


def practice_map(request: HttpRequest) -> HttpResponse:
    """The practices the user may read (same filters as the search) as points on a map, and as a table."""
    filters, practices = _filtered(request)
    points = selectors.good_practice_points(practices=practices)
    codes = sorted({p.region.code for p in points if p.region})
    figure = _map_figure(points, codes)
    return render(request, "learning/practices/map.html", {
        "filters": filters, "points": points, "figure_json": json.dumps(figure).replace("<", "\\u003c"),
        "geojson_url": reverse("learning:practice_map_boundaries") + "?" + request.GET.urlencode() if codes else "",
        "unplaced": practices.count() - len(points)})


def practice_map_boundaries(request: HttpRequest) -> HttpResponse:
    """GeoJSON of the regions of the practices the map shows (the atlas's NUTS boundaries)."""
    _filters, practices = _filtered(request)
    codes = sorted({p.region.code for p in selectors.good_practice_points(practices=practices) if p.region})
    collection, _drawn, _missing = atlas.boundaries(codes=codes, version=MAP_NUTS_VERSION)
    return HttpResponse(json.dumps(collection), content_type="application/geo+json")


def practice_detail(request: HttpRequest, practice_id: int) -> HttpResponse:
    """A practice: its Interreg Europe fields, topics, the trail (for the partnership), the status changes the
    reader may make, and the similar practices among those the reader may read."""
    practice = selectors.good_practice_get(user=request.user, practice_id=practice_id)
    names = selectors.practice_topic_names()
    return render(request, "learning/practices/detail.html", {
        "practice": practice, "may_edit": can_change(request.user, practice),
        "topics": [(topic, names.get((topic.taxonomy, topic.code), topic.code)) for topic in practice.topics.all()],
        "trail": selectors.good_practice_trail(user=request.user, practice=practice),
        "transitions": [(status, PracticeStatus(status).label) for status in
                        services.good_practice_transitions_for(user=request.user, practice=practice)],
        "similar": selectors.good_practice_similar(user=request.user, practice=practice),
        "journey": selectors.practice_journey(user=request.user, practice=practice)})


def _form(request: HttpRequest, practice: Any, project: Any) -> PracticeForm:
    """The practice form: organisations the user may see, the project's events the user may read."""
    return PracticeForm(request.POST or None, instance=practice, organisations=organisation_list(user=request.user),
                        events=project_event_list(user=request.user, project=project.pk))


def _saved(form: PracticeForm, save: Any) -> Any:
    """Run a service; its refusal goes back onto the form."""
    try:
        return save()
    except ValidationError as error:
        form_refusal(form, error)
        return None


@login_required
def practice_create(request: HttpRequest) -> HttpResponse:
    """A new practice for a partner the user edits for (chosen with ?partner= when there are several)."""
    partners = selectors.good_practice_partner_choices(user=request.user)
    if not partners.exists():
        raise PermissionDenied(_("You edit for no project partner."))
    chosen = request.GET.get("partner", "")
    partner = get_object_or_404(partners, pk=int(chosen)) if chosen.isdigit() else partners.first()
    form = _form(request, None, partner.project)
    if request.method == "POST" and form.is_valid():
        practice = _saved(form, lambda: services.good_practice_create(
            user=request.user, partner=partner, **form.service_arguments()))
        if practice is not None:
            messages.success(request, _("The good practice was submitted for the project's approval."))
            return redirect("learning:practice_detail", practice_id=practice.pk)
    return render(request, "learning/practices/form.html", {
        "form": form, "partner": partner, "partners": partners, "title": _("New good practice"),
        "cancel_url": reverse("learning:practice_list")})


@login_required
def practice_edit(request: HttpRequest, practice_id: int) -> HttpResponse:
    """Change a practice; one no longer submitted goes back to the project's approval (the form says so)."""
    practice = selectors.good_practice_editable(user=request.user, practice_id=practice_id)
    form = _form(request, practice, practice.partner.project)
    if request.method == "POST" and form.is_valid():
        saved = _saved(form, lambda: services.good_practice_update(
            user=request.user, practice=practice, **form.service_arguments()))
        if saved is not None:
            messages.success(request, _("The good practice was saved."))
            return redirect("learning:practice_detail", practice_id=practice.pk)
    return render(request, "learning/practices/form.html", {
        "form": form, "partner": practice.partner, "practice": practice,
        "title": _("Edit %(title)s") % {"title": practice.title},
        "returns_to_submitted": practice.status != PracticeStatus.SUBMITTED,
        "cancel_url": reverse("learning:practice_detail", args=[practice.pk])})


@login_required
@require_POST
def practice_transition(request: HttpRequest, practice_id: int) -> HttpResponse:
    """Approve, validate or decline a practice (the service decides who may); refusals come back as a message."""
    practice = selectors.good_practice_get(user=request.user, practice_id=practice_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("learning:practice_detail", practice_id=practice.pk)
    try:
        services.good_practice_transition(user=request.user, practice=practice,
                                          to_status=form.cleaned_data["to_status"], note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The practice is now “%(status)s”.") % {"status": practice.get_status_display()})
    return redirect("learning:practice_detail", practice_id=practice.pk)


def practice_export(request: HttpRequest) -> HttpResponse:
    """The practices of the search (those the user may read) as XLSX in the Interreg Europe field order."""
    _filters, practices = _filtered(request)
    return practice_download(practices)


urlpatterns: list[URLPattern] = [
    path("practices/", practice_list, name="practice_list"),
    path("practices/map/", practice_map, name="practice_map"),
    path("practices/map/boundaries/", practice_map_boundaries, name="practice_map_boundaries"),
    path("practices/new/", practice_create, name="practice_create"),
    path("practices/export.xlsx", practice_export, name="practice_export"),
    path("practices/<int:practice_id>/", practice_detail, name="practice_detail"),
    path("practices/<int:practice_id>/edit/", practice_edit, name="practice_edit"),
    path("practices/<int:practice_id>/status/", practice_transition, name="practice_transition"),
]
