"""Pages of the events app: communication (the project's plan with its KPIs, the items with filters, what is due
and late, the forms of the communication partner and of each responsible partner, the XLSX download)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import (
    can_change,
    can_create_for,
    editable_queryset,
    is_administrator,
)
from smartcluster.events import selectors, services
from smartcluster.events.exports.communication import communication_workbook
from smartcluster.events.forms.communication import (
    CommunicationChannelForm,
    CommunicationItemFilterForm,
    CommunicationItemForm,
    CommunicationKpiForm,
    CommunicationPlanForm,
    TargetGroupForm,
)
from smartcluster.events.models import (
    CommunicationChannel,
    CommunicationItem,
    CommunicationKpi,
    CommunicationPlan,
    TargetGroup,
)
from smartcluster.events.services.communication import ITEM_FIELDS
from smartcluster.organisations.selectors import project_get, project_list
from smartcluster.reports.responses import file_response
from smartcluster.site.views import form_refusal

PAGE_SIZE = 25


def _form_page(request: HttpRequest, form: forms.BaseForm, title: str, project: Any, **context: Any) -> HttpResponse:
    return render(request, "events/communication/form.html", {"form": form, "title": title, "project": project,
                                                              **context}, status=400 if form.errors else 200)


def _today_semester(project: Any) -> int | None:
    return selectors.project_semester(project=project, on=timezone.localdate())


def communication_index(request: HttpRequest) -> HttpResponse:
    """The projects, each with its communication plan (or none yet)."""
    plans = {plan.project_id: plan for plan in selectors.communication_plan_list(user=request.user)}
    return render(request, "events/communication/index.html", {
        "rows": [(project, plans.get(project.pk)) for project in project_list()]})


def communication_plan(request: HttpRequest, project_id: int) -> HttpResponse:
    """The plan: objectives, target groups, channels, KPIs with their achieved values, items per kind."""
    project = project_get(project_id=project_id)
    plan = selectors.communication_plan_get(user=request.user, project=project)
    board = selectors.communication_board(user=request.user, project=project)
    partners = selectors.communication_project_partners(user=request.user, project=project)
    return render(request, "events/communication/plan.html", {
        "project": project, "plan": plan, "board": board,
        "progress": selectors.communication_kpi_progress(plan=plan) if plan else [],
        "counts": selectors.communication_kind_counts(user=request.user, project=project),
        "may_edit": plan is not None and can_change(request.user, plan),
        "may_create": plan is None and any(can_create_for(request.user, p.organisation_id) for p in partners),
        "may_plan": selectors.communication_plannable_partners(user=request.user, project=project).exists()})


def _plan_partners(request: HttpRequest, project: Any) -> Any:
    """The partners the user may make the communication partner (those it edits for; all for administrators)."""
    return editable_queryset(request.user, selectors.communication_project_partners(user=request.user,
                                                                                    project=project))


@login_required
def communication_plan_create(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_get(project_id=project_id)
    partners = _plan_partners(request, project)
    if not partners.exists():
        raise PermissionDenied(_("Only the editors of a partner of %(project)s write its communication plan.") % {
            "project": project})
    form = CommunicationPlanForm(request.POST or None, partners=partners)
    if request.method == "POST" and form.is_valid():
        try:
            services.communication_plan_create(user=request.user, project=project,
                                               responsible=form.cleaned_data["responsible"],
                                               data={"objectives": form.cleaned_data["objectives"]})
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Communication plan created."))
            return redirect("events:communication_plan", project_id=project.pk)
    return _form_page(request, form, _("New communication plan"), project)


def _changeable_plan(request: HttpRequest, project_id: int) -> CommunicationPlan:
    plan = selectors.communication_plan_get(user=request.user, project=project_get(project_id=project_id))
    if plan is None:
        raise Http404(_("This project has no communication plan yet."))
    if not can_change(request.user, plan):
        raise PermissionDenied(_("Only the editors of %(partner)s (the communication partner) change the "
                                 "communication plan.") % {"partner": plan.responsible.organisation})
    return plan


@login_required
def communication_plan_edit(request: HttpRequest, project_id: int) -> HttpResponse:
    plan = _changeable_plan(request, project_id)
    partners = selectors.communication_project_partners(user=request.user, project=plan.project)
    form = CommunicationPlanForm(request.POST or None, instance=plan,
                                 partners=partners if is_administrator(request.user) else None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ("objectives", "responsible") if name in form.fields}
        try:
            # A fresh copy: validating the form has already written the submitted values onto `plan`.
            services.communication_plan_update(
                user=request.user, plan=selectors.communication_plan_get(user=request.user, pk=plan.pk), data=data)
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Communication plan saved."))
            return redirect("events:communication_plan", project_id=project_id)
    return _form_page(request, form, _("Edit the communication plan"), plan.project)


@dataclass(frozen=True)
class PlanEntry:
    """One kind of entry of the plan (target group, channel, KPI): its model, form and services."""

    model: type[models.Model]
    form: type[forms.ModelForm]
    save: Callable[..., Any]
    delete: Callable[..., Any]
    keyword: str
    title: Any


ENTRIES = {
    "target-groups": PlanEntry(TargetGroup, TargetGroupForm, services.communication_target_group_save,
                               services.communication_target_group_delete, "target_group",
                               gettext_lazy("Target group")),
    "channels": PlanEntry(CommunicationChannel, CommunicationChannelForm, services.communication_channel_save,
                          services.communication_channel_delete, "channel", gettext_lazy("Channel")),
    "kpis": PlanEntry(CommunicationKpi, CommunicationKpiForm, services.communication_kpi_save,
                      services.communication_kpi_delete, "kpi", gettext_lazy("KPI")),
}


def _entry_form(request: HttpRequest, plan: CommunicationPlan, entry: PlanEntry, record: Any = None) -> HttpResponse:
    form = entry.form(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        fresh = None if record is None else selectors.communication_entry_get(model=entry.model, pk=record.pk)
        try:
            entry.save(user=request.user, plan=plan, data=dict(form.cleaned_data), **{entry.keyword: fresh})
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("events:communication_plan", project_id=plan.project_id)
    return _form_page(request, form, f"{entry.title}: {record}" if record else str(entry.title), plan.project)


def _entry_views(slug: str, entry: PlanEntry) -> list[URLPattern]:
    """Add, change and delete one kind of plan entry (the communication partner's editors)."""

    @login_required
    def create(request: HttpRequest, project_id: int) -> HttpResponse:
        return _entry_form(request, _changeable_plan(request, project_id), entry)

    def _record(request: HttpRequest, pk: int) -> Any:
        record = selectors.communication_entry_get(model=entry.model, pk=pk)
        _changeable_plan(request, record.plan.project_id)
        return record

    @login_required
    def edit(request: HttpRequest, pk: int) -> HttpResponse:
        record = _record(request, pk)
        return _entry_form(request, record.plan, entry, record)

    @login_required
    @require_POST
    def delete(request: HttpRequest, pk: int) -> HttpResponse:
        record = _record(request, pk)
        entry.delete(user=request.user, **{entry.keyword: record})
        messages.success(request, _("Deleted."))
        return redirect("events:communication_plan", project_id=record.plan.project_id)

    name = slug.replace("-", "_")
    return [path(f"communication/<int:project_id>/{slug}/new/", create, name=f"communication_{name}_create"),
            path(f"communication/{slug}/<int:pk>/edit/", edit, name=f"communication_{name}_edit"),
            path(f"communication/{slug}/<int:pk>/delete/", delete, name=f"communication_{name}_delete")]


def _with_states(items: Any, semester: int | None) -> list[CommunicationItem]:
    """The items, each with `state` ("due", "late" or None) for the templates."""
    items = list(items)
    for item in items:
        item.state = selectors.communication_item_state(item, semester)
    return items


def communication_item_list(request: HttpRequest, project_id: int) -> HttpResponse:
    """The project's items, filtered by kind, status, due semester and partner; htmx refreshes the results."""
    project = project_get(project_id=project_id)
    partners = selectors.communication_project_partners(user=request.user, project=project)
    filters = CommunicationItemFilterForm(request.GET, project=project, partners=partners)
    items = selectors.communication_item_list(user=request.user, project=project, **filters.filters())
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    semester = _today_semester(project)
    page.object_list = _with_states(page.object_list, semester)
    template = "events/communication/_items.html" if request.htmx else "events/communication/items.html"
    return render(request, template, {
        "project": project, "filters": filters, "page": page, "query": query.urlencode(), "semester": semester,
        "may_plan": selectors.communication_plannable_partners(user=request.user, project=project).exists()})


def communication_board(request: HttpRequest, project_id: int) -> HttpResponse:
    """What is due this semester and what is late, optionally for one partner."""
    project = project_get(project_id=project_id)
    partners = selectors.communication_project_partners(user=request.user, project=project)
    chosen = request.GET.get("responsible", "")
    responsible = int(chosen) if chosen.isdigit() and partners.filter(pk=chosen).exists() else None
    board = selectors.communication_board(user=request.user, project=project, responsible=responsible)
    return render(request, "events/communication/board.html", {
        "project": project, "board": board, "partners": partners, "responsible": responsible,
        "changeable": {item.pk for item in [*board.due, *board.late] if can_change(request.user, item)}})


def _item_form(request: HttpRequest, project: Any, item: CommunicationItem | None = None) -> CommunicationItemForm:
    partners = selectors.communication_plannable_partners(user=request.user, project=project)
    if item is not None:  # its own partner stays offered to the responsible partner's editors
        partners = selectors.communication_project_partners(user=request.user, project=project).filter(
            models.Q(pk__in=partners.values("pk")) | models.Q(pk=item.responsible_id))
    events = selectors.project_event_list(user=request.user, project=project.pk)
    return CommunicationItemForm(request.POST or None, instance=item, project=project, partners=partners,
                                 events=events, initial=None if item else {"due_semester": _today_semester(project)})


@login_required
def communication_item_create(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_get(project_id=project_id)
    if not selectors.communication_plannable_partners(user=request.user, project=project).exists():
        raise PermissionDenied(_("Only the editors of a partner of %(project)s plan its communication items.") % {
            "project": project})
    form = _item_form(request, project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.communication_item_create(user=request.user, project=project, events=data["events"],
                                                      data={name: data[name] for name in ITEM_FIELDS})
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Communication item planned."))
            return redirect("events:communication_item_detail", pk=item.pk)
    return _form_page(request, form, _("New communication item"), project)


def communication_item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.communication_item_get(user=request.user, pk=pk)
    _with_states([item], _today_semester(item.project))
    return render(request, "events/communication/item.html", {
        "item": item, "project": item.project, "may_edit": can_change(request.user, item),
        "events": selectors.communication_item_events(user=request.user, item=item)})


def _changeable_item(request: HttpRequest, pk: int) -> CommunicationItem:
    item = selectors.communication_item_get(user=request.user, pk=pk)
    if not can_change(request.user, item):
        raise PermissionDenied(_("Only the editors of %(organisation)s change this item.") % {
            "organisation": item.responsible.organisation})
    return item


@login_required
def communication_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _changeable_item(request, pk)
    form = _item_form(request, item.project, item)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.communication_item_update(user=request.user,
                                               item=selectors.communication_item_get(user=request.user, pk=pk),
                                               data={name: data[name] for name in ITEM_FIELDS}, events=data["events"])
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Communication item saved."))
            return redirect("events:communication_item_detail", pk=pk)
    return _form_page(request, form, str(item), item.project, item=item)


@login_required
@require_POST
def communication_item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _changeable_item(request, pk)
    services.communication_item_delete(user=request.user, item=item)
    messages.success(request, _("Communication item deleted."))
    return redirect("events:communication_item_list", project_id=item.project_id)


def communication_export_xlsx(request: HttpRequest, project_id: int) -> HttpResponse:
    """The plan, its KPIs, counts per kind and every item (with due or late), as a workbook."""
    project = project_get(project_id=project_id)
    plan = selectors.communication_plan_get(user=request.user, project=project)
    payload = communication_workbook(
        project=project, plan=plan, semester=_today_semester(project),
        progress=selectors.communication_kpi_progress(plan=plan) if plan else [],
        counts=selectors.communication_kind_counts(user=request.user, project=project),
        items=list(selectors.communication_item_list(user=request.user, project=project)),
        readable_events=set(selectors.project_event_list(user=request.user, project=project.pk).values_list(
            "pk", flat=True)))
    return file_response(payload, name=f"communication-{project.acronym}", extension="xlsx")


urlpatterns: list[URLPattern] = [
    path("communication/", communication_index, name="communication_index"),
    path("communication/<int:project_id>/", communication_plan, name="communication_plan"),
    path("communication/<int:project_id>/plan/new/", communication_plan_create, name="communication_plan_create"),
    path("communication/<int:project_id>/plan/edit/", communication_plan_edit, name="communication_plan_edit"),
    path("communication/<int:project_id>/items/", communication_item_list, name="communication_item_list"),
    path("communication/<int:project_id>/items/new/", communication_item_create, name="communication_item_create"),
    path("communication/<int:project_id>/board/", communication_board, name="communication_board"),
    path("communication/<int:project_id>/communication.xlsx", communication_export_xlsx,
         name="communication_export_xlsx"),
    path("communication/items/<int:pk>/", communication_item_detail, name="communication_item_detail"),
    path("communication/items/<int:pk>/edit/", communication_item_edit, name="communication_item_edit"),
    path("communication/items/<int:pk>/delete/", communication_item_delete, name="communication_item_delete"),
    *[pattern for slug, entry in ENTRIES.items() for pattern in _entry_views(slug, entry)],
]
