"""The action plans' pages: the plans the user reads, a plan in the Interreg structure (Part I, II, III with each
action's monitoring entries), an action (with the territorial impact's panel), and the forms. Views parse input,
call services, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import ActionPlanStatus, ImplementationStatus
from smartcluster.monitoring.exports.action_plans import action_plan_docx
from smartcluster.monitoring.forms.action_plans import (
    ActionForm,
    ActionPlanForm,
    AdoptionForm,
    MonitoringEntryForm,
)
from smartcluster.reports.responses import file_response
from smartcluster.site.api import refusal_message
from smartcluster.site.views import service_result


def action_plan_list(request: HttpRequest) -> HttpResponse:
    """Published plans for everyone, drafts for their partnership; filtered by status."""
    status = request.GET.get("status", "")
    status = status if status in ActionPlanStatus.values else ""
    plans = selectors.action_plan_list(user=request.user, status=status)
    return render(request, "monitoring/action_plans/list.html", {
        "plans": plans, "status": status, "statuses": ActionPlanStatus.choices,
        "creatable": selectors.action_plan_creatable_partners(user=request.user)})


def _action_rows(plan: object) -> list[dict[str, object]]:
    return [{"action": action, "status_label": _status_label(action), "entries": list(action.entries.all())}
            for action in plan.actions.all()]


def _status_label(action: object) -> str:
    return str(ImplementationStatus(selectors.action_status(action)).label)


def action_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan in the Interreg structure: Part I, Part II, Part III per action with its monitoring by semester."""
    plan = selectors.action_plan_get(user=request.user, pk=pk)
    return render(request, "monitoring/action_plans/detail.html", {
        "plan": plan, "rows": _action_rows(plan), "can_edit": selectors.action_plan_editable(request.user, plan),
        "adoption": AdoptionForm()})


IMPACT_PANEL = "monitoring/impact/_panel.html"


def _impact_panel() -> str | None:
    """The impact part's panel for an action, once that part provides it (the parts land in parallel)."""
    try:
        get_template(IMPACT_PANEL)
    except TemplateDoesNotExist:
        return None
    return IMPACT_PANEL


def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One action of Part III, its monitoring entries and the territorial impact's panel."""
    action = selectors.action_get(user=request.user, pk=pk)
    return render(request, "monitoring/action_plans/action.html", {
        "action": action, "plan": action.plan, "status_label": _status_label(action),
        "entries": list(action.entries.all()), "impact_panel": _impact_panel(),
        "can_edit": selectors.action_plan_editable(request.user, action.plan)})


def _editable_plan(request: HttpRequest, pk: Any) -> Any:
    plan = selectors.action_plan_get(user=request.user, pk=pk)
    if not selectors.action_plan_editable(request.user, plan):
        raise PermissionDenied(_("Only the partner's editors, the lead partner's editors or administrators write "
                                 "this action plan."))
    return plan


def _form_page(request: HttpRequest, form: Any, heading: str, back: str) -> HttpResponse:
    return render(request, "monitoring/action_plans/form.html", {"form": form, "heading": heading, "back": back})


def action_plan_create(request: HttpRequest, partner_id: int) -> HttpResponse:
    """The partner's plan on its policy instrument (its editors, the lead's, administrators)."""
    partner = selectors.action_plan_partner_get(user=request.user, pk=partner_id)
    form = ActionPlanForm(request.POST or None, partner=partner)
    if request.method == "POST" and form.is_valid():
        plan = service_result(form, lambda: services.action_plan_create(user=request.user, partner=partner,
                                                                        **form.cleaned_data))
        if plan is not None:
            return redirect("monitoring:action_plan_detail", plan.pk)
    return _form_page(request, form, _("Action plan of %(partner)s") % {"partner": partner.organisation},
                      reverse("monitoring:action_plan_list"))


def action_plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Part I, Part II, title and partners of a plan."""
    plan = _editable_plan(request, pk)
    initial = {"title": plan.title, "general_information": plan.general_information,
               "policy_context": plan.policy_context, "developed_with": plan.developed_with.all()}
    form = ActionPlanForm(request.POST or None, initial=initial, partner=plan.partner)
    if request.method == "POST" and form.is_valid() and service_result(
            form, lambda: services.action_plan_update(user=request.user, plan=plan, **form.cleaned_data)):
        return redirect("monitoring:action_plan_detail", plan.pk)
    return _form_page(request, form, plan.title, reverse("monitoring:action_plan_detail", args=[plan.pk]))


@require_POST
def action_plan_state(request: HttpRequest, pk: int, change: str) -> HttpResponse:
    """Publish, unpublish, submit or adopt the plan."""
    plan = _editable_plan(request, pk)
    calls = {"publish": lambda: services.action_plan_publish(user=request.user, plan=plan),
             "unpublish": lambda: services.action_plan_publish(user=request.user, plan=plan, published=False),
             "submit": lambda: services.action_plan_submit(user=request.user, plan=plan)}
    if change == "adopt":
        form = AdoptionForm(request.POST)
        form.is_valid()
        adoption = {field: form.cleaned_data.get(field) for field in form.fields}  # an unreadable date: None
        calls["adopt"] = lambda: services.action_plan_adopt(user=request.user, plan=plan, **{
            **adoption, "adopted_by": adoption["adopted_by"] or ""})
    if change not in calls:
        raise Http404
    try:
        calls[change]()
    except ValidationError as error:
        messages.error(request, refusal_message(error))
    return redirect("monitoring:action_plan_detail", plan.pk)


def _action_form(request: HttpRequest, plan: Any, initial: dict[str, Any] | None = None) -> ActionForm:
    return ActionForm(request.POST or None, initial=initial,
                      choices=selectors.background_choices(user=request.user, plan=plan))


def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A new action of Part III."""
    plan = _editable_plan(request, pk)
    form = _action_form(request, plan)
    if request.method == "POST" and form.is_valid():
        action = service_result(form, lambda: services.action_create(user=request.user, plan=plan,
                                                                     **form.cleaned_data))
        if action is not None:
            return redirect("monitoring:action_detail", action.pk)
    return _form_page(request, form, _("New action"), reverse("monitoring:action_plan_detail", args=[plan.pk]))


def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change an action of Part III."""
    action = selectors.action_get(user=request.user, pk=pk)
    plan = _editable_plan(request, action.plan_id)
    form = _action_form(request, plan, initial={field: getattr(action, field) for field in ActionForm.base_fields})
    if request.method == "POST" and form.is_valid() and service_result(
            form, lambda: services.action_update(user=request.user, action=action, **form.cleaned_data)):
        return redirect("monitoring:action_detail", action.pk)
    return _form_page(request, form, str(action), reverse("monitoring:action_detail", args=[action.pk]))


@require_POST
def action_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove an action (and its entries)."""
    action = selectors.action_get(user=request.user, pk=pk)
    services.action_delete(user=request.user, action=action)
    messages.success(request, _("The action was removed."))
    return redirect("monitoring:action_plan_detail", action.plan_id)


def monitoring_entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Record how the action stood in a semester that has begun (status, what was done, evidence)."""
    action = selectors.action_get(user=request.user, pk=pk)
    _editable_plan(request, action.plan_id)
    form = MonitoringEntryForm(request.POST or None, request.FILES or None,
                               initial={"semester": selectors.semester_current(action.plan.partner.project)})
    if request.method == "POST" and form.is_valid() and service_result(
            form, lambda: services.monitoring_entry_record(user=request.user, action=action, **form.cleaned_data)):
        messages.success(request, _("The monitoring entry was recorded."))
        return redirect("monitoring:action_detail", action.pk)
    return _form_page(request, form, _("Monitoring of %(action)s") % {"action": action},
                      reverse("monitoring:action_detail", args=[action.pk]))


def action_plan_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as DOCX, Part I, II and III, for whoever reads it."""
    plan = selectors.action_plan_get(user=request.user, pk=pk)
    return file_response(action_plan_docx(plan), name=plan.title, extension="docx")


urlpatterns: list[URLPattern] = [
    path("action-plans/", action_plan_list, name="action_plan_list"),
    path("action-plans/<int:pk>/", action_plan_detail, name="action_plan_detail"),
    path("actions/<int:pk>/", action_detail, name="action_detail"),
    path("action-plans/new/<int:partner_id>/", action_plan_create, name="action_plan_create"),
    path("action-plans/<int:pk>/action-plan.docx", action_plan_download, name="action_plan_docx"),
    path("action-plans/<int:pk>/edit/", action_plan_edit, name="action_plan_edit"),
    path("action-plans/<int:pk>/<slug:change>/", action_plan_state, name="action_plan_state"),
    path("action-plans/<int:pk>/actions/new/", action_create, name="action_create"),
    path("actions/<int:pk>/edit/", action_edit, name="action_edit"),
    path("actions/<int:pk>/remove/", action_remove, name="action_remove"),
    path("actions/<int:pk>/monitoring/", monitoring_entry_edit, name="monitoring_entry_edit"),
]
