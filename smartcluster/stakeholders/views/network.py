"""Network pages: the collaboration network (drawn, its brokers, its regions and gaps), its workbook, and the
declared collaborations (list, detail, and the declaring partner's editors' forms)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change
from smartcluster.organisations.choices import HelixRole
from smartcluster.reports.responses import file_response
from smartcluster.site.views import form_refusal
from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.choices import CollaborationKind
from smartcluster.stakeholders.exports.network import network_workbook
from smartcluster.stakeholders.forms.network import CollaborationForm, NetworkFilterForm
from smartcluster.stakeholders.models import Collaboration

# One colour per helix (colour-blind-safe Okabe–Ito palette); the legend and the table carry the same in words.
PAGE_SIZE = 50
NAMED_UP_TO = 40
HELIX_COLOURS = {HelixRole.BUSINESS: "#0072B2", HelixRole.ACADEMIA: "#009E73", HelixRole.GOVERNMENT: "#D55E00",
                 HelixRole.CIVIL_SOCIETY: "#CC79A7", "": "#999999"}


def _node_size(degree: int) -> float:
    # Area grows with degree (marker size is a diameter): a hub stands out without hiding its neighbours.
    return 8 + 6 * math.sqrt(degree)


def _link_trace(network: selectors.Network) -> dict[str, Any]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for link in network.links:
        if link.first not in network.positions or link.second not in network.positions:
            continue  # an end beyond the most linked organisations drawn
        (x0, y0), (x1, y1) = network.positions[link.first], network.positions[link.second]
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    return {"type": "scatter", "mode": "lines", "x": xs, "y": ys, "hoverinfo": "skip", "showlegend": False,
            "line": {"width": 1, "color": "#b0b0b0"}}


def _helix_trace(network: selectors.Network, helix: str) -> dict[str, Any] | None:
    rows = [row for row in network.organisations if row.helix == helix and row.id in network.positions]
    if not rows:
        return None
    hover = [_("%(name)s (%(region)s)<br>Degree %(degree)d · betweenness %(betweenness).2f")
             % {"name": row.name, "region": row.region or "–", "degree": row.degree,
                "betweenness": row.betweenness} for row in rows]
    # Names written beside the nodes while they stay legible; beyond that, on hover only.
    named = len(network.positions) <= NAMED_UP_TO
    return {"type": "scatter", "mode": "markers+text" if named else "markers",
            "name": selectors.network_helix_label(helix),
            "x": [network.positions[row.id][0] for row in rows], "y": [network.positions[row.id][1] for row in rows],
            "text": [row.name for row in rows] if named else hover, "hovertext": hover, "hoverinfo": "text",
            "textposition": "top center", "textfont": {"size": 11},
            "marker": {"size": [_node_size(row.degree) for row in rows], "color": HELIX_COLOURS[helix],
                       "line": {"width": 1, "color": "#ffffff"}}}


def network_figure(network: selectors.Network) -> str | None:
    """The drawn network as Plotly JSON: links, and organisations coloured by helix and sized by degree (None
    when no organisation has a link)."""
    if not network.positions:
        return None
    traces = [trace for helix in HELIX_COLOURS if (trace := _helix_trace(network, helix)) is not None]
    axis = {"visible": False, "zeroline": False}
    layout = {"height": 560, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}, "hovermode": "closest",
              "xaxis": axis, "yaxis": axis, "legend": {"title": {"text": _("Helix")}}}
    return json.dumps({"data": [_link_trace(network), *traces], "layout": layout})


def _network(request: HttpRequest, *, layout: bool = True) -> tuple[NetworkFilterForm, selectors.Network]:
    form = NetworkFilterForm(request.GET or None)
    return form, selectors.network_get(user=request.user, layout=layout, **form.filters())


def network_index(request: HttpRequest) -> HttpResponse:
    """The collaboration network of the organisations the reader may read, narrowed by region, source and helix."""
    form, network = _network(request)
    return render(request, "stakeholders/network/index.html", {
        "form": form, "network": network, "figure": network_figure(network), "query": request.GET.urlencode(),
        "unlinked": sum(row.degree == 0 for row in network.organisations),
        "linked": sum(row.degree > 0 for row in network.organisations),
        "exact_up_to": selectors.EXACT_BETWEENNESS_UP_TO}, status=400 if form.errors else 200)


def network_xlsx(request: HttpRequest) -> HttpResponse:
    """The network under the page's filters as a workbook: organisations, links, regions, gaps."""
    _form, network = _network(request, layout=False)
    return file_response(network_workbook(network), name="collaboration-network", extension="xlsx")


def collaboration_index(request: HttpRequest) -> HttpResponse:
    """The declared collaborations the reader may read."""
    collaborations = selectors.collaboration_list(user=request.user, kind=request.GET.get("kind", ""))
    return render(request, "stakeholders/network/collaborations.html", {
        "page": Paginator(collaborations, PAGE_SIZE).get_page(request.GET.get("page")), "kinds": CollaborationKind.choices,
        "kind": request.GET.get("kind", ""),
        "may_declare": selectors.collaboration_partner_choices(user=request.user).exists()})


def collaboration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = selectors.collaboration_get(user=request.user, pk=pk)
    return render(request, "stakeholders/network/collaboration.html", {
        "collaboration": collaboration, "may_edit": can_change(request.user, collaboration)})


def _edit(request: HttpRequest, *, record: Collaboration | None, save: Callable[[CollaborationForm], Any],
          title: str) -> HttpResponse:
    """The collaboration form: saved through the service, or shown again with its refusal."""
    initial = {} if record is None else {name: getattr(record, name) for name in
                                         ("first", "second", "kind", "since_year", "description")}
    form = CollaborationForm(request.POST or None, initial=initial, user=request.user, creating=record is None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("stakeholders:collaboration_detail", pk=saved.pk)
    return render(request, "stakeholders/network/collaboration_form.html",
                  {"form": form, "title": title, "record": record}, status=400 if form.errors else 200)


@login_required
def collaboration_create(request: HttpRequest) -> HttpResponse:
    if not selectors.collaboration_partner_choices(user=request.user).exists():
        raise PermissionDenied(_("Only a partner's editors declare its collaborations."))
    return _edit(request, record=None, title=_("Declare a collaboration"), save=lambda form: (
        services.collaboration_create(user=request.user, declared_by=form.cleaned_data["declared_by"],
                                      data=form.data_for_service())))


@login_required
def collaboration_edit(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = selectors.collaboration_get(user=request.user, pk=pk)
    if not can_change(request.user, collaboration):
        raise PermissionDenied(_("Only the declaring partner's editors change this collaboration."))
    return _edit(request, record=collaboration, title=_("Change the collaboration: %(name)s") % {
        "name": collaboration}, save=lambda form: services.collaboration_update(
        user=request.user, collaboration=collaboration, data=form.data_for_service()))


@login_required
@require_POST
def collaboration_delete(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = selectors.collaboration_get(user=request.user, pk=pk)
    services.collaboration_delete(user=request.user, collaboration=collaboration)
    messages.success(request, _("Collaboration “%(name)s” withdrawn.") % {"name": collaboration})
    return redirect("stakeholders:collaboration_index")


urlpatterns: list[URLPattern] = [
    path("network/", network_index, name="network_index"),
    path("network/network.xlsx", network_xlsx, name="network_xlsx"),
    path("network/collaborations/", collaboration_index, name="collaboration_index"),
    path("network/collaborations/new/", collaboration_create, name="collaboration_create"),
    path("network/collaborations/<int:pk>/", collaboration_detail, name="collaboration_detail"),
    path("network/collaborations/<int:pk>/edit/", collaboration_edit, name="collaboration_edit"),
    path("network/collaborations/<int:pk>/delete/", collaboration_delete, name="collaboration_delete"),
]
