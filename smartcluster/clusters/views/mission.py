"""Pages of the clusters app: the joint cluster mission (list, public page of commitments and progress, the
forms of the organisation running it and of the committing clusters' managers, XLSX and DOCX downloads)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change
from smartcluster.clusters import selectors, services
from smartcluster.clusters.exports.mission import mission_docx, mission_workbook
from smartcluster.clusters.forms.mission import CommitmentForm, MissionForm, ProgressForm
from smartcluster.clusters.models import Commitment, Mission
from smartcluster.organisations.selectors import organisation_editable_list
from smartcluster.reports.responses import file_response
from smartcluster.site.views import form_refusal


def mission_list(request: HttpRequest) -> HttpResponse:
    """Missions the visitor may read, with whether the visitor may start one."""
    return render(request, "clusters/mission/list.html", {
        "missions": selectors.mission_list(user=request.user),
        "may_create": organisation_editable_list(user=request.user).exists()})


def _managed_profiles(request: HttpRequest) -> Any:
    return selectors.cluster_profile_editable_list(user=request.user)


def mission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page: goal, indicators with totals, every commitment with its progress and status."""
    mission = selectors.mission_get(user=request.user, pk=pk)
    statuses = selectors.commitment_statuses(selectors.commitment_list(user=request.user, mission=mission))
    return render(request, "clusters/mission/detail.html", {
        "mission": mission, "statuses": statuses, "totals": selectors.mission_totals(user=request.user, mission=mission),
        "may_edit": can_change(request.user, mission), "may_commit": _managed_profiles(request).exists(),
        "changeable": {commitment.pk for commitment, _status in statuses if can_change(request.user, commitment)}})


def _form_page(request: HttpRequest, form: Any, title: str, status_ok: int = 200, **context: Any) -> HttpResponse:
    return render(request, "clusters/mission/form.html", {"form": form, "title": title, **context},
                  status=400 if form.errors else status_ok)


@login_required
def mission_create(request: HttpRequest) -> HttpResponse:
    organisations = organisation_editable_list(user=request.user)
    if not organisations.exists():
        raise PermissionDenied(_("Only editors of an organisation start missions."))
    form = MissionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            mission = services.mission_create(
                user=request.user, organisation=data["organisation"], indicators=data["indicators"],
                data={name: data[name] for name in ("title", "goal", "target_date", "is_published")})
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Mission created."))
            return redirect("clusters:mission_detail", pk=mission.pk)
    return _form_page(request, form, _("New mission"))


@login_required
def mission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    mission = selectors.mission_get(user=request.user, pk=pk)
    if not can_change(request.user, mission):
        raise PermissionDenied(_("Only the editors of %(name)s change this mission.") % {"name": mission.organisation})
    form = MissionForm(request.POST or None, instance=mission)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                # the stored mission, not `mission`: the valid form already wrote the posted values onto it
                stored = selectors.mission_get(user=request.user, pk=pk)
                services.mission_update(user=request.user, mission=stored, data={
                    name: data[name] for name in ("title", "goal", "target_date", "is_published")})
                for title, unit in data["indicators"]:
                    services.mission_indicator_add(user=request.user, mission=mission, title=title, unit=unit)
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Mission saved."))
            return redirect("clusters:mission_detail", pk=pk)
    return _form_page(request, form, _("Edit mission"), mission=mission)


@login_required
def commitment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A cluster's manager commits its cluster to one of the mission's indicators."""
    mission = selectors.mission_get(user=request.user, pk=pk)
    profiles = _managed_profiles(request)
    if not profiles.exists():
        raise PermissionDenied(_("Only managers of a cluster organisation commit to a mission."))
    form = CommitmentForm(request.POST or None, profiles=profiles, indicators=mission.indicators.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.commitment_create(user=request.user, profile=data["profile"], indicator=data["indicator"],
                                       data={name: data[name] for name in ("text", "target", "target_year")})
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Commitment recorded."))
            return redirect("clusters:mission_detail", pk=pk)
    return _form_page(request, form, _("Commit to %(mission)s") % {"mission": mission}, mission=mission)


def _changeable_commitment(request: HttpRequest, pk: int) -> Commitment:
    commitment = selectors.commitment_get(user=request.user, pk=pk)
    if not can_change(request.user, commitment):
        raise PermissionDenied(_("Only the managers of %(cluster)s change its commitments.") % {
            "cluster": commitment.profile})
    return commitment


@login_required
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _changeable_commitment(request, pk)
    form = CommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        try:
            stored = selectors.commitment_get(user=request.user, pk=pk)  # not the instance the form changed
            services.commitment_update(user=request.user, commitment=stored, data={
                name: form.cleaned_data[name] for name in ("text", "target", "target_year")})
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Commitment saved."))
            return redirect("clusters:mission_detail", pk=commitment.indicator.mission_id)
    return _form_page(request, form, _("Commitment of %(cluster)s") % {"cluster": commitment.profile},
                      mission=commitment.indicator.mission)


@login_required
@require_POST
def commitment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = selectors.commitment_get(user=request.user, pk=pk)
    services.commitment_delete(user=request.user, commitment=commitment)
    messages.success(request, _("Commitment withdrawn."))
    return redirect("clusters:mission_detail", pk=commitment.indicator.mission_id)


@login_required
def commitment_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Report what the cluster achieved in a year, with its evidence."""
    commitment = _changeable_commitment(request, pk)
    form = ProgressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_progress_report(user=request.user, commitment=commitment, **form.cleaned_data)
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Progress reported."))
            return redirect("clusters:mission_detail", pk=commitment.indicator.mission_id)
    return _form_page(request, form, _("Progress: %(commitment)s") % {"commitment": commitment},
                      mission=commitment.indicator.mission, commitment=commitment)


def _download_context(request: HttpRequest, pk: int) -> tuple[Mission, Any, Any]:
    mission = selectors.mission_get(user=request.user, pk=pk)
    statuses = selectors.commitment_statuses(selectors.commitment_list(user=request.user, mission=mission))
    return mission, statuses, selectors.mission_totals(user=request.user, mission=mission)


def mission_export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    mission, statuses, totals = _download_context(request, pk)
    return file_response(mission_workbook(mission, statuses, totals), name=f"mission-{mission.title}",
                         extension="xlsx")


def mission_export_docx(request: HttpRequest, pk: int) -> HttpResponse:
    mission, statuses, totals = _download_context(request, pk)
    return file_response(mission_docx(mission, statuses, totals), name=f"mission-{mission.title}",
                         extension="docx")


urlpatterns: list[URLPattern] = [
    path("missions/", mission_list, name="mission_list"),
    path("missions/new/", mission_create, name="mission_create"),
    path("missions/<int:pk>/", mission_detail, name="mission_detail"),
    path("missions/<int:pk>/edit/", mission_edit, name="mission_edit"),
    path("missions/<int:pk>/commit/", commitment_create, name="commitment_create"),
    path("missions/<int:pk>/commitments.xlsx", mission_export_xlsx, name="mission_export_xlsx"),
    path("missions/<int:pk>/commitments.docx", mission_export_docx, name="mission_export_docx"),
    path("commitments/<int:pk>/edit/", commitment_edit, name="commitment_edit"),
    path("commitments/<int:pk>/delete/", commitment_delete, name="commitment_delete"),
    path("commitments/<int:pk>/progress/", commitment_progress, name="commitment_progress"),
]
