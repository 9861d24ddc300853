"""Pages of the clusters app: skills needs, training offers, needs × offers per cluster and per region, the
skills survey of members (a maturity campaign run by the cluster organisation)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.clusters import selectors, services
from smartcluster.clusters.exports.skills import needs_offers_workbook
from smartcluster.clusters.forms.skills import RegionFilterForm, SkillNeedForm, TrainingOfferForm
from smartcluster.clusters.models import ClusterProfile, SkillNeed, TrainingOffer
from smartcluster.reports.responses import file_response
from smartcluster.site.views import form_refusal


def skills_page(request: HttpRequest, profile_id: int) -> HttpResponse:
    """A cluster's skills needs, training offers and needs × offers (unmatched first)."""
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    view = selectors.skills_needs_offers(user=request.user, profile=profile)
    return render(request, "clusters/skills/page.html", {
        "profile": profile, "view": view, "may_edit": can_change(request.user, profile),
        "offers": selectors.training_offer_list(user=request.user, profile=profile),
        "survey": selectors.skills_survey_summary(profile=profile, user=request.user)})


def _edit(request: HttpRequest, *, profile: ClusterProfile, form_class: type[forms.ModelForm],
          record: SkillNeed | TrainingOffer | None, save: Any, title: str) -> HttpResponse:
    """The form of a need or an offer: saved through the service, or shown again with its refusal."""
    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            save({name: form.cleaned_data[name] for name in form_class.Meta.fields})
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("clusters:skills", profile_id=profile.pk)
    return render(request, "clusters/skills/form.html", {"form": form, "profile": profile, "title": title},
                  status=400 if form.errors else 200)


def _may_add(request: HttpRequest, profile: ClusterProfile) -> None:
    if not can_create_for(request.user, profile.organisation_id):
        raise PermissionDenied(_("Only the managers of %(cluster)s record its skills needs and offers.")
                               % {"cluster": profile})


@login_required
def skill_need_create(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    _may_add(request, profile)
    return _edit(request, profile=profile, form_class=SkillNeedForm, record=None, title=_("New skills need"),
                 save=lambda data: services.skill_need_create(user=request.user, profile=profile, data=data))


@login_required
def skill_need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = selectors.skill_need_get(user=request.user, pk=pk)
    if not can_change(request.user, need):
        raise PermissionDenied(_("Only the cluster's managers change its skills needs."))
    return _edit(request, profile=need.profile, form_class=SkillNeedForm, record=need,
                 title=_("Skills need: %(label)s") % {"label": need.label},
                 save=lambda data: services.skill_need_update(
                     user=request.user, need=selectors.skill_need_get(user=request.user, pk=pk), data=data))


@login_required
@require_POST
def skill_need_delete(request: HttpRequest, pk: int) -> HttpResponse:
    need = selectors.skill_need_get(user=request.user, pk=pk)
    services.skill_need_delete(user=request.user, need=need)
    messages.success(request, _("Skills need “%(label)s” removed.") % {"label": need.label})
    return redirect("clusters:skills", profile_id=need.profile_id)


@login_required
def training_offer_create(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    _may_add(request, profile)
    return _edit(request, profile=profile, form_class=TrainingOfferForm, record=None, title=_("New training offer"),
                 save=lambda data: services.training_offer_create(user=request.user, profile=profile, data=data))


@login_required
def training_offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = selectors.training_offer_get(user=request.user, pk=pk)
    if not can_change(request.user, offer):
        raise PermissionDenied(_("Only the cluster's managers change its training offers."))
    return _edit(request, profile=offer.profile, form_class=TrainingOfferForm, record=offer,
                 title=_("Training offer: %(title)s") % {"title": offer.title},
                 save=lambda data: services.training_offer_update(
                     user=request.user, offer=selectors.training_offer_get(user=request.user, pk=pk), data=data))


@login_required
@require_POST
def training_offer_delete(request: HttpRequest, pk: int) -> HttpResponse:
    offer = selectors.training_offer_get(user=request.user, pk=pk)
    services.training_offer_delete(user=request.user, offer=offer)
    messages.success(request, _("Training offer “%(title)s” removed.") % {"title": offer.title})
    return redirect("clusters:skills", profile_id=offer.profile_id)


def _region_view(request: HttpRequest) -> tuple[RegionFilterForm, selectors.SkillsView | None]:
    form = RegionFilterForm(request.GET or None)
    if not form.is_valid():
        return form, selectors.skills_needs_offers(user=request.user) if not request.GET else None
    code = form.cleaned_data["region"].strip().upper()
    errors = selectors.skills_region_errors(region_code=code)
    if errors:
        form.add_error("region", errors["region"])
        return form, None
    return form, selectors.skills_needs_offers(user=request.user, region_code=code)


def skills_region(request: HttpRequest) -> HttpResponse:
    """Needs × offers of every cluster of a NUTS region (all clusters without a region)."""
    form, view = _region_view(request)
    return render(request, "clusters/skills/region.html", {"form": form, "view": view,
                                                           "query": request.GET.urlencode()},
                  status=400 if form.errors else 200)


def skills_export(request: HttpRequest, profile_id: int) -> HttpResponse:
    """A cluster's needs × offers as XLSX."""
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    view = selectors.skills_needs_offers(user=request.user, profile=profile)
    return file_response(needs_offers_workbook(view), name=f"skills-{profile}", extension="xlsx")


def skills_region_export(request: HttpRequest) -> HttpResponse:
    """A region's needs × offers as XLSX."""
    form, view = _region_view(request)
    if view is None:
        return render(request, "clusters/skills/region.html", {"form": form, "view": None}, status=400)
    code = form.cleaned_data.get("region", "") if form.is_bound else ""
    return file_response(needs_offers_workbook(view), name=f"skills-{code or 'all'}", extension="xlsx")


@login_required
@require_POST
def skills_survey_start(request: HttpRequest, profile_id: int) -> HttpResponse:
    """Start the members' skills survey: a campaign of the cluster organisation on the skills questionnaire."""
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    try:
        services.skills_survey_start(user=request.user, profile=profile,
                                                invited=int(request.POST.get("invited") or 0))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("clusters:skills", profile_id=profile.pk)
    except ValueError:
        messages.error(request, _("Members invited: give a whole number."))
        return redirect("clusters:skills", profile_id=profile.pk)
    messages.success(request, _("Survey started: share the link below with your members."))
    return redirect(reverse("clusters:skills", args=[profile.pk]) + "#survey")


urlpatterns: list[URLPattern] = [
    path("<int:profile_id>/skills/", skills_page, name="skills"),
    path("<int:profile_id>/skills/needs/new/", skill_need_create, name="skill_need_create"),
    path("skills/needs/<int:pk>/edit/", skill_need_edit, name="skill_need_edit"),
    path("skills/needs/<int:pk>/delete/", skill_need_delete, name="skill_need_delete"),
    path("<int:profile_id>/skills/offers/new/", training_offer_create, name="training_offer_create"),
    path("skills/offers/<int:pk>/edit/", training_offer_edit, name="training_offer_edit"),
    path("skills/offers/<int:pk>/delete/", training_offer_delete, name="training_offer_delete"),
    path("<int:profile_id>/skills/needs-offers.xlsx", skills_export, name="skills_export"),
    path("skills/", skills_region, name="skills_region"),
    path("skills/needs-offers.xlsx", skills_region_export, name="skills_region_export"),
    path("<int:profile_id>/skills/survey/", skills_survey_start, name="skills_survey_start"),
]
