"""Pages of organisations, people, projects and partners: parse, call one service or selector, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change, can_create_for, is_administrator
from smartcluster.organisations import selectors, services
from smartcluster.organisations.forms import (
    OrganisationFilterForm,
    OrganisationForm,
    PartnerForm,
    PersonForm,
    ProjectForm,
)

PAGE_SIZE = 25


def _require(allowed: bool) -> None:
    """Refuse before showing a form the user could not submit anyway."""
    if not allowed:
        raise PermissionDenied


def _save_or_show_errors(form: BaseForm, save: Callable[[], Any]) -> Any | None:
    """Run a service; its validation errors go back onto the form."""
    try:
        return save()
    except ValidationError as error:
        form.add_error(None, error)
        return None


def _form_page(request: HttpRequest, form: BaseForm, save: Callable[[], Any], *, title: str,
               done: Callable[[Any], str], success: Callable[[Any], str] | None = None,
               cancel_url: str | None = None) -> HttpResponse:
    """A create or edit page: on a valid POST run the service, say so and go to `done(record)`; else the form."""
    if request.method == "POST" and form.is_valid():
        record = _save_or_show_errors(form, save)
        if record is not None:
            if success is not None:
                messages.success(request, success(record))
            return redirect(done(record))
    return render(request, "organisations/form.html", {"form": form, "title": title, "cancel_url": cancel_url})


def _url(name: str, pk: int) -> str:
    return reverse(f"organisations:{name}", args=[pk])


def organisation_list(request: HttpRequest) -> HttpResponse:
    filters = OrganisationFilterForm(request.GET)
    organisations = selectors.organisation_list(user=request.user, **filters.filters())
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "organisations/_organisation_table.html" if request.htmx else "organisations/organisation_list.html"
    return render(request, template, {
        "filters": filters, "page": page, "query": query.urlencode(),
        "can_create": can_create_for(request.user, None),
    })


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_get(user=request.user, organisation_id=pk)
    return render(request, "organisations/organisation_detail.html", {
        "organisation": organisation,
        "people": selectors.person_list(user=request.user, organisation_id=organisation.pk),
        "partnerships": selectors.partner_list(user=request.user).filter(organisation=organisation),
        "can_edit": can_change(request.user, organisation),
        "can_add_person": can_create_for(request.user, organisation.pk),
    })


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    _require(can_create_for(request.user, None))
    form = OrganisationForm(request.POST or None)
    return _form_page(
        request, form, lambda: services.organisation_create(
            user=request.user, data=form.organisation_data(),
            technology_tags=form.tags("technology_tags"), sector_tags=form.tags("sector_tags"),
        ),
        title=_("New organisation"), done=lambda saved: _url("detail", saved.pk),
        success=lambda saved: _("Organisation “%(name)s” created.") % {"name": saved.name},
    )


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_get(user=request.user, organisation_id=pk)
    _require(can_change(request.user, organisation))
    form = OrganisationForm(request.POST or None, instance=organisation)
    return _form_page(
        request, form, lambda: services.organisation_update(
            user=request.user, organisation=organisation, data=form.organisation_data(),
            technology_tags=form.tags("technology_tags"), sector_tags=form.tags("sector_tags"),
        ),
        title=_("Edit %(name)s") % {"name": organisation.name}, done=lambda saved: _url("detail", saved.pk),
        success=lambda saved: _("Changes saved."), cancel_url=_url("detail", organisation.pk),
    )


@login_required
def organisation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_get(user=request.user, organisation_id=pk)
    _require(can_change(request.user, organisation))
    if request.method == "POST":
        try:
            services.organisation_delete(user=request.user, organisation=organisation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("organisations:detail", pk=organisation.pk)
        messages.success(request, _("Organisation “%(name)s” deleted.") % {"name": organisation.name})
        return redirect("organisations:list")
    return render(request, "organisations/confirm_delete.html", {"record": organisation,
                  "cancel_url": reverse("organisations:detail", args=[organisation.pk])})


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(user=request.user, person_id=pk)
    may_change = services.may_change_person(request.user, person)
    return render(request, "organisations/person_detail.html", {"person": person, "can_edit": may_change})


@login_required
def person_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = selectors.organisation_get(user=request.user, organisation_id=organisation_pk)
    _require(can_create_for(request.user, organisation.pk))
    form = PersonForm(request.POST or None)
    return _form_page(
        request, form, lambda: services.person_create(
            user=request.user, data={**form.cleaned_data, "organisation": organisation},
        ),
        title=_("New person in %(name)s") % {"name": organisation.name},
        done=lambda saved: _url("detail", organisation.pk),
        success=lambda saved: _("%(name)s added.") % {"name": saved.name},
        cancel_url=_url("detail", organisation.pk),
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(user=request.user, person_id=pk)
    _require(services.may_change_person(request.user, person))
    form = PersonForm(request.POST or None, instance=person)
    return _form_page(
        request, form, lambda: services.person_update(user=request.user, person=person, data=form.cleaned_data),
        title=_("Edit %(name)s") % {"name": person.name}, done=lambda saved: _url("person", saved.pk),
        success=lambda saved: _("Changes saved."), cancel_url=_url("person", person.pk),
    )


@login_required
def person_erase(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(user=request.user, person_id=pk)
    _require(services.may_change_person(request.user, person))
    if request.method == "POST":
        organisation_pk = person.organisation_id
        services.person_erase(user=request.user, person=person)
        messages.success(request, _("The personal data of %(name)s was erased.") % {"name": person.name})
        return redirect("organisations:detail", pk=organisation_pk) if organisation_pk else redirect("home")
    return render(request, "organisations/confirm_delete.html", {
        "record": person, "erase": True, "cancel_url": reverse("organisations:person", args=[person.pk]),
    })


@login_required
def person_export(request: HttpRequest, pk: int) -> JsonResponse:
    """What we hold on a person, as a JSON download (for the person themself and those who may change them)."""
    person = selectors.person_get(user=request.user, person_id=pk)
    _require(services.may_change_person(request.user, person))
    response = JsonResponse(selectors.person_export(person=person), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


def project_list(request: HttpRequest) -> HttpResponse:
    projects = selectors.project_list(search=request.GET.get("q") or None)
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/project_list.html", {
        "page": page, "q": request.GET.get("q", ""), "can_create": is_administrator(request.user),
    })


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get(project_id=pk)
    partners = selectors.partner_list(user=request.user, project_id=project.pk)
    editable = {partner.pk for partner in partners if can_change(request.user, partner)}
    return render(request, "organisations/project_detail.html", {
        "project": project, "partners": partners, "editable_partners": editable,
        "can_edit": can_change(request.user, project),
    })


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    _require(is_administrator(request.user))
    form = ProjectForm(request.POST or None)
    return _form_page(
        request, form, lambda: services.project_create(user=request.user, data=form.cleaned_data),
        title=_("New project"), done=lambda saved: _url("project", saved.pk),
    )


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get(project_id=pk)
    _require(can_change(request.user, project))
    form = ProjectForm(request.POST or None, instance=project)
    return _form_page(
        request, form, lambda: services.project_update(user=request.user, project=project, data=form.cleaned_data),
        title=_("Edit %(name)s") % {"name": project.acronym}, done=lambda saved: _url("project", saved.pk),
        success=lambda saved: _("Changes saved."), cancel_url=_url("project", project.pk),
    )


@login_required
def project_delete(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get(project_id=pk)
    _require(can_change(request.user, project))
    if request.method == "POST":
        services.project_delete(user=request.user, project=project)
        messages.success(request, _("Project “%(name)s” deleted.") % {"name": project.acronym})
        return redirect("organisations:projects")
    return render(request, "organisations/confirm_delete.html", {
        "record": project, "cancel_url": reverse("organisations:project", args=[project.pk]),
    })


@login_required
def partner_create(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = selectors.project_get(project_id=project_pk)
    _require(is_administrator(request.user))
    form = PartnerForm(request.POST or None)
    return _form_page(
        request, form, lambda: services.partner_create(
            user=request.user, project=project, organisation=form.cleaned_data["organisation"],
            data=form.partner_data(), regions=form.cleaned_data["regions"],
        ),
        title=_("New partner of %(project)s") % {"project": project.acronym},
        done=lambda saved: _url("project", project.pk), cancel_url=_url("project", project.pk),
    )


@login_required
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partner = selectors.partner_get(user=request.user, partner_id=pk)
    _require(can_change(request.user, partner))
    form = PartnerForm(request.POST or None, instance=partner)
    return _form_page(
        request, form, lambda: services.partner_update(
            user=request.user, partner=partner, data=form.partner_data(), regions=form.cleaned_data["regions"],
        ),
        title=_("Edit partner %(name)s") % {"name": partner}, done=lambda saved: _url("project", saved.project_id),
        success=lambda saved: _("Changes saved."), cancel_url=_url("project", partner.project_id),
    )


@login_required
@require_POST
def partner_delete(request: HttpRequest, pk: int) -> HttpResponse:
    partner = selectors.partner_get(user=request.user, partner_id=pk)
    services.partner_delete(user=request.user, partner=partner)
    messages.success(request, _("%(name)s removed from the project.") % {"name": partner.organisation.name})
    return redirect("organisations:project", pk=partner.project_id)
