"""The action plans' pages: the plans the user reads, a plan in the Interreg structure (Part I, II, III with each
action's monitoring entries), an action (with the territorial impact's panel), and the forms. Views parse input,
call services, render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.monitoring import selectors
from smartcluster.monitoring.choices import ActionPlanStatus, ImplementationStatus


def action_plan_list(request: HttpRequest) -> HttpResponse:
    """Published plans for everyone, drafts for their partnership; filtered by status."""
    status = request.GET.get("status", "")
    status = status if status in ActionPlanStatus.values else ""
    plans = selectors.action_plan_list(user=request.user, status=status)
    return render(request, "monitoring/action_plans/list.html", {
        "plans": plans, "status": status, "statuses": ActionPlanStatus.choices})


def _action_rows(plan: object) -> list[dict[str, object]]:
    return [{"action": action, "status_label": _status_label(action), "entries": list(action.entries.all())}
            for action in plan.actions.all()]


def _status_label(action: object) -> str:
    return str(ImplementationStatus(selectors.action_status(action)).label)


def action_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan in the Interreg structure: Part I, Part II, Part III per action with its monitoring by semester."""
    plan = selectors.action_plan_get(user=request.user, pk=pk)
    return render(request, "monitoring/action_plans/detail.html", {
        "plan": plan, "rows": _action_rows(plan), "can_edit": selectors.action_plan_editable(request.user, plan)})


def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One action of Part III, its monitoring entries and the territorial impact's panel."""
    action = selectors.action_get(user=request.user, pk=pk)
    return render(request, "monitoring/action_plans/action.html", {
        "action": action, "plan": action.plan, "status_label": _status_label(action),
        "entries": list(action.entries.all()),
        "can_edit": selectors.action_plan_editable(request.user, action.plan)})


urlpatterns: list[URLPattern] = [
    path("action-plans/", action_plan_list, name="action_plan_list"),
    path("action-plans/<int:pk>/", action_plan_detail, name="action_plan_detail"),
    path("actions/<int:pk>/", action_detail, name="action_detail"),
]
