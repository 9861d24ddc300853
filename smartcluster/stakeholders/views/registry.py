"""Registry pages: the partners' registries (counts by helix), a partner's list with its stakeholder map, a
stakeholder with its notes, create/edit/delete, the XLSX import (preview, then save) and export. Views parse, call
one service or selector, and render."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.organisations.choices import HelixRole
from smartcluster.organisations.selectors import person_list
from smartcluster.regions.selectors import region_find
from smartcluster.reports.responses import file_response
from smartcluster.site.views import form_refusal
from smartcluster.sources.imports import ImportRefused
from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.exports.registry import registry_xlsx
from smartcluster.stakeholders.forms.registry import (
    StakeholderFilterForm,
    StakeholderForm,
    StakeholderImportForm,
    StakeholderNoteForm,
)

# One colour per helix, told apart also in grey (Okabe & Ito 2008 colour-blind safe palette).
HELIX_COLOURS = {HelixRole.BUSINESS: "#0072B2", HelixRole.ACADEMIA: "#E69F00", HelixRole.GOVERNMENT: "#009E73",
                 HelixRole.CIVIL_SOCIETY: "#CC79A7"}
IMPORT_SESSION_KEY = "stakeholders_registry_import"


def _refused_onto(form: BaseForm, save: Callable[[], Any]) -> Any | None:
    """Run a service; its validation errors go back onto the form (a field it names, else the form)."""
    try:
        return save()
    except ValidationError as error:
        form_refusal(form, error)
        return None


def registry_index(request: HttpRequest) -> HttpResponse:
    """The partners whose registry the reader may read, with their stakeholders counted by helix."""
    rows = [{**row, "counts": [row["counts"][role] for role in HelixRole.values]}
            for row in selectors.registry_partner_rows(user=request.user)]
    return render(request, "stakeholders/registry/index.html", {"rows": rows, "helices": HelixRole.choices})


def _map_figure(points: list[dict[str, Any]]) -> str:
    """The interest × influence scatter, one trace per helix, as JSON safe inside an HTML attribute."""
    traces = []
    for helix, label in HelixRole.choices:
        shown = [point for point in points if point["helix"] == helix]
        if shown:
            traces.append({"type": "scatter", "mode": "markers", "name": str(label),
                           "x": [point["x"] for point in shown], "y": [point["y"] for point in shown],
                           "text": [point["name"] for point in shown],
                           "marker": {"size": 12, "color": HELIX_COLOURS[helix], "line": {"width": 1,
                                                                                         "color": "#ffffff"}},
                           "hovertemplate": "%{text}<extra>" + str(label) + "</extra>"})
    axis = {"range": [0.5, 5.5], "dtick": 1, "zeroline": False}
    layout = {"height": 480, "margin": {"l": 60, "r": 10, "t": 10, "b": 90},
              "legend": {"orientation": "h", "y": -0.22},
              "xaxis": {**axis, "title": {"text": _("Interest")}},
              "yaxis": {**axis, "title": {"text": _("Influence")}},
              # the classic grid's quadrants: keep satisfied, manage closely, monitor, keep informed
              "shapes": [{"type": "line", "x0": 3, "x1": 3, "y0": 0.5, "y1": 5.5, "line": {"color": "#999999",
                                                                                         "dash": "dot"}},
                         {"type": "line", "y0": 3, "y1": 3, "x0": 0.5, "x1": 5.5, "line": {"color": "#999999",
                                                                                         "dash": "dot"}}]}
    return json.dumps({"data": traces, "layout": layout})


def registry_list(request: HttpRequest, partner_id: int) -> HttpResponse:
    """A partner's stakeholders, filtered, with the stakeholder map and the map as a table."""
    partner = selectors.registry_partner_get(user=request.user, partner_id=partner_id)
    filters = StakeholderFilterForm(request.GET)
    stakeholders = list(selectors.stakeholder_list(user=request.user, partner=partner, **filters.filters()))
    helices = dict(HelixRole.choices)
    for item in stakeholders:
        item.helix_label = helices.get(selectors.helix_of(item.organisation.type), "")
    return render(request, "stakeholders/registry/list.html", {
        "partner": partner, "filters": filters, "stakeholders": stakeholders, "query": request.GET.urlencode(),
        "figure_json": _map_figure(selectors.stakeholder_map_points(stakeholders)),
        "grid": selectors.stakeholder_map_grid(stakeholders), "scale": list(selectors.SCALE),
        "suggestions": selectors.stakeholder_topic_suggestions(),
        "may_edit": can_create_for(request.user, partner.organisation_id)})


def registry_export(request: HttpRequest, partner_id: int) -> HttpResponse:
    """A partner's registry (the list's filters applied) as XLSX, in the columns the import reads."""
    partner = selectors.registry_partner_get(user=request.user, partner_id=partner_id)
    filters = StakeholderFilterForm(request.GET)
    stakeholders = selectors.stakeholder_list(user=request.user, partner=partner, **filters.filters())
    name = f"stakeholders-{partner.project.acronym}-{partner.organisation.name}"
    return file_response(registry_xlsx(stakeholders), name=name, extension="xlsx")


def _editable_partner(request: HttpRequest, partner_id: int) -> Any:
    """A partner whose registry the user may change (404 when they may not even read it, 403 when only read)."""
    partner = selectors.registry_partner_get(user=request.user, partner_id=partner_id)
    if not can_create_for(request.user, partner.organisation_id):
        raise PermissionDenied(_("You may not change this registry."))
    return partner


def _partner_people(request: HttpRequest, partner: Any) -> Any:
    return person_list(user=request.user, organisation_id=partner.organisation_id)


def _organisation_fields(form: StakeholderForm) -> dict[str, Any] | None:
    """A new organisation's fields from the form (None, with the error on the form, for an unknown region)."""
    data = form.cleaned_data
    fields: dict[str, Any] = {"type": data["type"], "website": data["website"]}
    if data["region_code"].strip():
        fields["region"] = region_find(code=data["region_code"])
        if fields["region"] is None:
            form.add_error("region_code", _("There is no NUTS region with this code."))
            return None
    return {name: value for name, value in fields.items() if value}


@login_required
def stakeholder_create(request: HttpRequest, partner_id: int) -> HttpResponse:
    """Add a stakeholder to the partner's registry (an existing organisation linked, else a new one created)."""
    partner = _editable_partner(request, partner_id)
    form = StakeholderForm(request.POST or None, partner_people=_partner_people(request, partner))
    if request.method == "POST" and form.is_valid() and (fields := _organisation_fields(form)) is not None:
        stakeholder = _refused_onto(form, lambda: services.stakeholder_create(
            user=request.user, partner=partner, organisation_name=form.cleaned_data["organisation_name"],
            organisation_fields=fields, person_name=form.cleaned_data["person_name"],
            person_email=form.cleaned_data["person_email"], data=form.service_data()))
        if stakeholder is not None:
            messages.success(request, _("%(name)s was added to the registry.") % {
                "name": stakeholder.organisation.name})
            return redirect("stakeholders:stakeholder_detail", stakeholder_id=stakeholder.pk)
    return render(request, "stakeholders/registry/form.html", {
        "form": form, "partner": partner, "title": _("New stakeholder of %(partner)s") % {
            "partner": partner.organisation.name},
        "suggestions": selectors.stakeholder_topic_suggestions(),
        "cancel_url": reverse("stakeholders:registry_list", args=[partner.pk])})


def stakeholder_detail(request: HttpRequest, stakeholder_id: int) -> HttpResponse:
    """A stakeholder; its notes and the note form for the owning partner only."""
    stakeholder = selectors.stakeholder_get(user=request.user, stakeholder_id=stakeholder_id)
    notes = selectors.stakeholder_note_list(user=request.user, stakeholder=stakeholder)
    may_edit = can_change(request.user, stakeholder)
    return render(request, "stakeholders/registry/detail.html", {
        "stakeholder": stakeholder, "notes": notes, "may_edit": may_edit,
        "helix": dict(HelixRole.choices).get(selectors.helix_of(stakeholder.organisation.type), ""),
        "note_form": StakeholderNoteForm() if may_edit else None,
        "may_read_notes": selectors.stakeholder_note_reader(user=request.user, stakeholder=stakeholder)})


@login_required
def stakeholder_edit(request: HttpRequest, stakeholder_id: int) -> HttpResponse:
    """Change a stakeholder's contacts, scores and topics."""
    stakeholder = selectors.stakeholder_editable(user=request.user, stakeholder_id=stakeholder_id)
    initial = {"organisation_name": stakeholder.organisation.name, "type": stakeholder.organisation.type,
               "website": stakeholder.organisation.website,
               "region_code": stakeholder.organisation.region.code if stakeholder.organisation.region else "",
               "person_name": stakeholder.person.name if stakeholder.person else "",
               "person_email": stakeholder.person.email if stakeholder.person else "",
               "partner_contact": stakeholder.partner_contact, "interest": stakeholder.interest,
               "influence": stakeholder.influence, "topics": "; ".join(stakeholder.topics)}
    form = StakeholderForm(request.POST or None, initial=initial, editing=True,
                           partner_people=_partner_people(request, stakeholder.partner))
    if request.method == "POST" and form.is_valid():
        saved = _refused_onto(form, lambda: services.stakeholder_update(
            user=request.user, stakeholder=stakeholder, data=form.service_data(),
            person_name=form.cleaned_data["person_name"], person_email=form.cleaned_data["person_email"]))
        if saved is not None:
            messages.success(request, _("The stakeholder was saved."))
            return redirect("stakeholders:stakeholder_detail", stakeholder_id=stakeholder.pk)
    return render(request, "stakeholders/registry/form.html", {
        "form": form, "partner": stakeholder.partner, "stakeholder": stakeholder,
        "title": _("Edit %(name)s") % {"name": stakeholder.organisation.name},
        "suggestions": selectors.stakeholder_topic_suggestions(),
        "cancel_url": reverse("stakeholders:stakeholder_detail", args=[stakeholder.pk])})


@login_required
@require_POST
def stakeholder_delete(request: HttpRequest, stakeholder_id: int) -> HttpResponse:
    """Remove a stakeholder from the registry (the organisation and people stay)."""
    stakeholder = selectors.stakeholder_editable(user=request.user, stakeholder_id=stakeholder_id)
    services.stakeholder_delete(user=request.user, stakeholder=stakeholder)
    messages.success(request, _("%(name)s was removed from the registry.") % {"name": stakeholder.organisation.name})
    return redirect("stakeholders:registry_list", partner_id=stakeholder.partner_id)


@login_required
@require_POST
def stakeholder_note_create(request: HttpRequest, stakeholder_id: int) -> HttpResponse:
    """Add a note (the owning partner's editors; anybody else meets a 404)."""
    stakeholder = selectors.stakeholder_editable(user=request.user, stakeholder_id=stakeholder_id)
    form = StakeholderNoteForm(request.POST)
    if form.is_valid() and _refused_onto(form, lambda: services.stakeholder_note_create(
            user=request.user, stakeholder=stakeholder, text=form.cleaned_data["text"])) is not None:
        messages.success(request, _("The note was added."))
        return redirect("stakeholders:stakeholder_detail", stakeholder_id=stakeholder.pk)
    notes = selectors.stakeholder_note_list(user=request.user, stakeholder=stakeholder)
    return render(request, "stakeholders/registry/detail.html", {
        "stakeholder": stakeholder, "notes": notes, "may_edit": True, "note_form": form, "may_read_notes": True,
        "helix": dict(HelixRole.choices).get(selectors.helix_of(stakeholder.organisation.type), "")}, status=400)


@login_required
@require_POST
def stakeholder_note_delete(request: HttpRequest, note_id: int) -> HttpResponse:
    """Delete a note (the owning partner's editors; anybody else meets a 404)."""
    note = selectors.stakeholder_note_editable(user=request.user, note_id=note_id)
    services.stakeholder_note_delete(user=request.user, note=note)
    messages.success(request, _("The note was deleted."))
    return redirect("stakeholders:stakeholder_detail", stakeholder_id=note.stakeholder_id)


def _held_upload(request: HttpRequest, partner: Any) -> tuple[bytes, str] | None:
    """The file a preview showed, kept in the session for the partner's confirmation."""
    held = request.session.get(IMPORT_SESSION_KEY)
    if not held or held.get("partner") != partner.pk:
        return None
    return base64.b64decode(held["payload"]), held["filename"]


@login_required
def registry_import(request: HttpRequest, partner_id: int) -> HttpResponse:
    """Import a list: upload → preview (which rows link, create or update; every bad cell named) → save."""
    partner = _editable_partner(request, partner_id)
    form = StakeholderImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"partner": partner, "form": form, "columns": services.IMPORT_COLUMNS,
                               "sheet": services.IMPORT_SHEET}
    try:
        if request.method == "POST" and request.POST.get("action") == "save":
            held = _held_upload(request, partner)
            if held is None:
                raise Http404(_("There is no previewed file to save: upload it again."))
            counts = services.stakeholder_import(user=request.user, partner=partner, payload=held[0],
                                                 filename=held[1])
            request.session.pop(IMPORT_SESSION_KEY, None)
            messages.success(request, _("Imported: %(create)s created, %(link)s linked, %(update)s updated.")
                             % counts)
            return redirect("stakeholders:registry_list", partner_id=partner.pk)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            payload = upload.read()
            context["plan"] = services.stakeholder_import_plan(user=request.user, partner=partner, payload=payload,
                                                               filename=upload.name)
            request.session[IMPORT_SESSION_KEY] = {"partner": partner.pk, "filename": upload.name,
                                                   "payload": base64.b64encode(payload).decode()}
    except ImportRefused as refused:
        context["problems"] = refused.problems
        request.session.pop(IMPORT_SESSION_KEY, None)
    status = 400 if context.get("problems") else 200
    return render(request, "stakeholders/registry/import.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path("registry/", registry_index, name="registry_index"),
    path("registry/partner/<int:partner_id>/", registry_list, name="registry_list"),
    path("registry/partner/<int:partner_id>/stakeholders.xlsx", registry_export, name="registry_export"),
    path("registry/partner/<int:partner_id>/import/", registry_import, name="registry_import"),
    path("registry/partner/<int:partner_id>/new/", stakeholder_create, name="stakeholder_create"),
    path("registry/<int:stakeholder_id>/", stakeholder_detail, name="stakeholder_detail"),
    path("registry/<int:stakeholder_id>/edit/", stakeholder_edit, name="stakeholder_edit"),
    path("registry/<int:stakeholder_id>/delete/", stakeholder_delete, name="stakeholder_delete"),
    path("registry/<int:stakeholder_id>/notes/", stakeholder_note_create, name="stakeholder_note_create"),
    path("registry/notes/<int:note_id>/delete/", stakeholder_note_delete, name="stakeholder_note_delete"),
]
