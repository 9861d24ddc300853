"""Pages of the clusters app: registry (searchable list, map by region, public profile, the manager's edit pages,
import and export). Views parse, call one service or selector, and render."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, register_converter, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change, editable_queryset, is_administrator
from smartcluster.atlas import selectors as atlas
from smartcluster.clusters import selectors, services
from smartcluster.clusters.choices import MemberType
from smartcluster.clusters.exports.registry import registry_download
from smartcluster.clusters.forms.registry import (
    ClusterCreateForm,
    ClusterFilterForm,
    ClusterLabelForm,
    ClusterProfileForm,
    ClusterServiceForm,
    InternationalAgreementForm,
    MemberCountForm,
    MemberForm,
    RegistryImportForm,
)
from smartcluster.clusters.models import ClusterMember
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.selectors import organisation_queryset, person_list
from smartcluster.regions.selectors import region_names
from smartcluster.site.views import form_refusal
from smartcluster.sources.imports import ImportRefused

PAGE_SIZE = 25
MAP_NUTS_VERSION = 2021


def _form_errors_from(form: BaseForm, save: Callable[[], Any]) -> Any | None:
    """Run a service; its validation errors go back onto the form (a field it names, else the form)."""
    try:
        return save()
    except ValidationError as error:
        form_refusal(form, error)
        return None


def cluster_list(request: HttpRequest) -> HttpResponse:
    """The registry: profiles the user may read, filtered; htmx refreshes the results only."""
    filters = ClusterFilterForm(request.GET)
    profiles = selectors.cluster_profile_list(user=request.user, **filters.filters())
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "clusters/registry/_results.html" if request.htmx else "clusters/registry/list.html"
    return render(request, template, {
        "filters": filters, "page": page, "query": query.urlencode(),
        "may_create": request.user.is_authenticated and _creatable(request.user).exists(),
        "may_import": request.user.is_authenticated and (is_administrator(request.user)
                                                         or _editable_profiles(request.user).exists()),
    })


def cluster_map(request: HttpRequest) -> HttpResponse:
    """Cluster organisations by NUTS 2 region: a choropleth (the atlas's offline Plotly) and the same as a table."""
    counts = selectors.cluster_region_counts(user=request.user)
    codes = sorted(counts)
    names = region_names(codes=codes, version=MAP_NUTS_VERSION) if codes else {}
    rows = [{"region": code, "name": names.get(code, ""), "count": counts[code]} for code in codes]
    figure = {"data": [{"type": "choropleth", "featureidkey": "id", "locations": codes,
                        "z": [counts[code] for code in codes], "text": [names.get(code, "") for code in codes],
                        # the colour scale starts at none, so one cluster everywhere is not mid-scale
                        "zmin": 0, "zmax": max(counts.values(), default=1), "colorscale": "Blues",
                        "reversescale": True, "colorbar": {"title": {"text": _("clusters")}, "dtick": 1},
                        "marker": {"line": {"color": "#ffffff", "width": 0.4}},
                        "hovertemplate": "%{location} %{text}<br>%{z}<extra></extra>"}],
              "layout": {"height": 560, "margin": {"l": 0, "r": 0, "t": 10, "b": 0},
                         "geo": {"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"}}}}
    return render(request, "clusters/registry/map.html", {
        "rows": rows, "figure_json": json.dumps(figure).replace("<", "\\u003c"),
        "geojson_url": reverse("clusters:cluster_map_boundaries")})


def cluster_map_boundaries(request: HttpRequest) -> HttpResponse:
    """GeoJSON of the regions the map colours (the atlas's boundaries, NUTS 2021 or the same region newer)."""
    codes = sorted(selectors.cluster_region_counts(user=request.user))
    collection, _drawn, _missing = atlas.boundaries(codes=codes, version=MAP_NUTS_VERSION)
    return HttpResponse(json.dumps(collection), content_type="application/geo+json")


def cluster_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    """The public profile: organisation, categories, members or counts, services, labels, agreements, listed
    contacts, the ECCP minimum criteria and the mapping's figures for its categories in its regions."""
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    year = selectors.cluster_member_year(profile)
    members, unlisted = selectors.cluster_member_list(user=request.user, profile=profile)
    names = selectors.cluster_category_names()
    listed = set(person_list(user=request.user, organisation_id=profile.organisation_id).values_list("pk", flat=True))
    return render(request, "clusters/registry/detail.html", {
        "profile": profile, "organisation": profile.organisation, "may_edit": can_change(request.user, profile),
        "categories": [(c, names.get((c.taxonomy, c.category), c.category)) for c in profile.categories.all()],
        "members": members, "unlisted": unlisted, "year": year,
        "counts": [(label, selectors.cluster_member_counts(profile, year)[value])
                   for value, label in MemberType.choices],
        "eccp": selectors.cluster_eccp_checks(profile),
        "contacts": [person for person in profile.contacts.all() if person.pk in listed],
        "side": selectors.cluster_mapping_side_by_side(profile=profile,
                                                       dataset=request.GET.get("dataset", "").strip() or None),
        "evaluations": selectors.evaluation_list(user=request.user, profile=profile),
    })


def _creatable(user: Any) -> Any:
    """Cluster organisations the user edits that have no profile yet."""
    organisations = editable_queryset(user, organisation_queryset()).filter(type=OrganisationType.CLUSTER)
    return organisations.filter(cluster_profile__isnull=True)


def _editable_profiles(user: Any) -> Any:
    return editable_queryset(user, selectors.cluster_profile_list(user=user))


@login_required
def cluster_create(request: HttpRequest) -> HttpResponse:
    """A profile for a cluster organisation the user edits (administrators: any)."""
    organisations = _creatable(request.user)
    if not organisations.exists():
        raise PermissionDenied(_("You edit no cluster organisation without a profile."))
    form = ClusterCreateForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        profile = _form_errors_from(form, lambda: services.cluster_profile_create(
            user=request.user, organisation=form.cleaned_data["organisation"]))
        if profile is not None:
            messages.success(request, _("The cluster profile was created; complete it now."))
            return redirect("clusters:cluster_edit", profile_id=profile.pk)
    return render(request, "clusters/registry/form.html", {"form": form, "title": _("New cluster profile"),
                                                           "cancel_url": reverse("clusters:cluster_list")})


@login_required
def cluster_edit(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = selectors.cluster_profile_editable(user=request.user, profile_id=profile_id)
    form = ClusterProfileForm(request.POST or None, instance=profile, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _form_errors_from(form, lambda: services.cluster_profile_update(
            user=request.user, profile=profile, **form.service_arguments()))
        if saved is not None:
            messages.success(request, _("The profile was saved."))
            return redirect("clusters:cluster_detail", profile_id=profile.pk)
    return render(request, "clusters/registry/form.html", {
        "form": form, "profile": profile, "title": _("Edit %(name)s") % {"name": profile.organisation.name},
        "cancel_url": reverse("clusters:cluster_detail", args=[profile.pk])})


@login_required
def cluster_members(request: HttpRequest, profile_id: int) -> HttpResponse:
    """The member list (add a member) and the counts by type per year (for a cluster without a list)."""
    profile = selectors.cluster_profile_editable(user=request.user, profile_id=profile_id)
    form = MemberForm(request.POST if request.POST.get("action") == "member" else None, prefix="member")
    counts_form = MemberCountForm(request.POST if request.POST.get("action") == "counts" else None, prefix="counts")
    if form.is_bound and form.is_valid() and _form_errors_from(form, lambda: services.cluster_member_add(
            user=request.user, profile=profile, organisation_name=form.cleaned_data["organisation_name"],
            organisation_fields={"region": profile.organisation.region}, data=form.member_data())):
        messages.success(request, _("The member was added."))
        return redirect("clusters:cluster_members", profile_id=profile.pk)
    if counts_form.is_bound and counts_form.is_valid() and _form_errors_from(
            counts_form, lambda: services.member_counts_save(user=request.user, profile=profile,
                                                             year=counts_form.cleaned_data["year"],
                                                             counts=counts_form.counts())) is not None:
        messages.success(request, _("The member counts were saved."))
        return redirect("clusters:cluster_members", profile_id=profile.pk)
    return render(request, "clusters/registry/members.html", {
        "profile": profile, "form": form, "counts_form": counts_form,
        "members": profile.members.select_related("organisation"),
        "member_counts": profile.member_counts.all()})


def _member_of(request: HttpRequest, profile_id: int, member_id: int) -> tuple[Any, ClusterMember]:
    profile = selectors.cluster_profile_editable(user=request.user, profile_id=profile_id)
    return profile, selectors.cluster_member_get(profile=profile, member_id=member_id)


@login_required
def cluster_member_edit(request: HttpRequest, profile_id: int, member_id: int) -> HttpResponse:
    profile, member = _member_of(request, profile_id, member_id)
    initial = {"organisation_name": member.organisation.name, "member_type": member.member_type,
               "year_joined": member.year_joined, "year_left": member.year_left, "committed": member.committed,
               "uses_services": member.uses_services}
    form = MemberForm(request.POST or None, initial=initial)
    form.fields["organisation_name"].disabled = True
    if request.method == "POST" and form.is_valid() and _form_errors_from(
            form, lambda: services.cluster_member_update(user=request.user, member=member,
                                                         data=form.member_data())) is not None:
        messages.success(request, _("The member was saved."))
        return redirect("clusters:cluster_members", profile_id=profile.pk)
    return render(request, "clusters/registry/form.html", {
        "form": form, "profile": profile, "title": _("Member %(name)s") % {"name": member.organisation.name},
        "cancel_url": reverse("clusters:cluster_members", args=[profile.pk])})


@login_required
@require_POST
def cluster_member_delete(request: HttpRequest, profile_id: int, member_id: int) -> HttpResponse:
    profile, member = _member_of(request, profile_id, member_id)
    services.cluster_member_remove(user=request.user, member=member)
    messages.success(request, _("The member was removed."))
    return redirect("clusters:cluster_members", profile_id=profile.pk)


# The profile's rows edited on one pattern: kind in the URL → (form, save service, delete service, argument, title).
ROWS: dict[str, tuple[type[BaseForm], Callable[..., Any], Callable[..., Any], str, str]] = {
    "services": (ClusterServiceForm, services.cluster_service_save, services.cluster_service_delete,
                 "service", _("Services offered")),
    "labels": (ClusterLabelForm, services.cluster_label_save, services.cluster_label_delete,
               "label", _("Labels held")),
    "agreements": (InternationalAgreementForm, services.international_agreement_save,
                   services.international_agreement_delete, "agreement", _("International agreements")),
}


@login_required
def cluster_rows(request: HttpRequest, profile_id: int, kind: str, row_id: int | None = None) -> HttpResponse:
    """A profile's services, labels or agreements: the list and a form adding one (or changing `row_id`)."""
    form_class, save, _delete, argument, title = ROWS[kind]
    profile = selectors.cluster_profile_editable(user=request.user, profile_id=profile_id)
    record = selectors.cluster_row_get(profile=profile, kind=kind, row_id=row_id) if row_id else None
    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form._meta.fields}
        if _form_errors_from(form, lambda: save(user=request.user, profile=profile, data=data,
                                                **{argument: record})) is not None:
            messages.success(request, _("Saved."))
            return redirect("clusters:cluster_rows", profile_id=profile.pk, kind=kind)
    return render(request, "clusters/registry/rows.html", {
        "profile": profile, "form": form, "kind": kind, "title": str(title), "record": record,
        "rows": selectors.cluster_row_list(profile=profile, kind=kind)})


@login_required
@require_POST
def cluster_row_delete(request: HttpRequest, profile_id: int, kind: str, row_id: int) -> HttpResponse:
    _form, _save, delete, argument, _title = ROWS[kind]
    profile = selectors.cluster_profile_editable(user=request.user, profile_id=profile_id)
    delete(user=request.user, **{argument: selectors.cluster_row_get(profile=profile, kind=kind, row_id=row_id)})
    messages.success(request, _("Deleted."))
    return redirect("clusters:cluster_rows", profile_id=profile.pk, kind=kind)


def registry_export(request: HttpRequest) -> HttpResponse:
    """The profiles the user may read (the list's filters applied) as XLSX, or one sheet as CSV."""
    filters = ClusterFilterForm(request.GET)
    profiles = selectors.cluster_profile_list(user=request.user, **filters.filters())
    sheet = request.GET.get("sheet", "Profiles")
    if sheet not in services.REGISTRY_SHEETS:
        raise Http404(_("There is no sheet %(sheet)s.") % {"sheet": sheet})
    return registry_download(profiles, fmt="csv" if request.GET.get("format") == "csv" else "xlsx", sheet=sheet)


@login_required
def registry_import(request: HttpRequest) -> HttpResponse:
    """Upload the registry workbook (or one sheet as CSV); every bad cell is listed and nothing is saved then."""
    form = RegistryImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            counts = services.registry_import(user=request.user, payload=upload.read(), filename=upload.name,
                                              sheet=form.cleaned_data["sheet"])
        except ImportRefused as refused:
            problems = refused.problems
        else:
            messages.success(request, _("Imported: %(counts)s.") % {"counts": ", ".join(
                f"{sheet} {count}" for sheet, count in counts.items())})
            return redirect("clusters:cluster_list")
    return render(request, "clusters/registry/import.html", {
        "form": form, "problems": problems,
        "sheets": [(sheet, [(header, number < services.REGISTRY_REQUIRED[sheet])
                            for number, header in enumerate(columns.values())])
                   for sheet, columns in services.REGISTRY_SHEETS.items()]})


class RowsKindConverter:
    """The kinds of profile rows edited on one pattern, named in the URL (other parts' paths stay theirs)."""

    regex = "services|labels|agreements"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(RowsKindConverter, "cluster_rows_kind")

urlpatterns: list[URLPattern] = [
    path("", cluster_list, name="cluster_list"),
    path("map/", cluster_map, name="cluster_map"),
    path("map/boundaries.geojson", cluster_map_boundaries, name="cluster_map_boundaries"),
    path("registry/export/", registry_export, name="registry_export"),
    path("registry/import/", registry_import, name="registry_import"),
    path("new/", cluster_create, name="cluster_create"),
    path("<int:profile_id>/", cluster_detail, name="cluster_detail"),
    path("<int:profile_id>/edit/", cluster_edit, name="cluster_edit"),
    path("<int:profile_id>/members/", cluster_members, name="cluster_members"),
    path("<int:profile_id>/members/<int:member_id>/", cluster_member_edit, name="cluster_member_edit"),
    path("<int:profile_id>/members/<int:member_id>/delete/", cluster_member_delete, name="cluster_member_delete"),
    path("<int:profile_id>/<cluster_rows_kind:kind>/", cluster_rows, name="cluster_rows"),
    path("<int:profile_id>/<cluster_rows_kind:kind>/<int:row_id>/", cluster_rows, name="cluster_row_edit"),
    path("<int:profile_id>/<cluster_rows_kind:kind>/<int:row_id>/delete/", cluster_row_delete, name="cluster_row_delete"),
]
