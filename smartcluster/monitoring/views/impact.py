"""The impact pages: an action's impact indicators, each with its series (table and chart, the action's start marked),
the form naming a new one and the removal (the partner's editors, the lead's, administrators); one indicator alone.
Read as the action's plan is. Views parse input, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.forms.impact import ImpactIndicatorForm
from smartcluster.site.views import service_result


def _form(request: HttpRequest, action: object) -> ImpactIndicatorForm:
    datasets, categories = selectors.impact_mapping_choices()
    return ImpactIndicatorForm(request.POST or None, initial={"region_code": selectors.impact_region_default(action)},
                               datasets=datasets, categories=categories,
                               clusters=selectors.impact_cluster_choices(user=request.user))


def impact_action(request: HttpRequest, pk: int) -> HttpResponse:
    """An action's impact indicators with their series; the form to name one for those who write the plan."""
    action = selectors.action_get(user=request.user, pk=pk)
    can_edit = selectors.action_plan_editable(request.user, action.plan)
    form = _form(request, action) if can_edit or request.method == "POST" else None
    if request.method == "POST" and form.is_valid() and service_result(
            form, lambda: services.impact_indicator_create(user=request.user, action=action, **form.cleaned_data)):
        messages.success(request, _("The impact indicator was added."))
        return redirect("monitoring:impact_action", action.pk)
    return render(request, "monitoring/impact/action.html", {
        "action": action, "plan": action.plan, "can_edit": can_edit, "form": form,
        "indicators": selectors.impact_indicator_list(action=action)})


def impact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One impact indicator with its series."""
    indicator = selectors.impact_indicator_get(user=request.user, pk=pk)
    return render(request, "monitoring/impact/detail.html", {
        "indicator": indicator, "action": indicator.action,
        "can_edit": selectors.action_plan_editable(request.user, indicator.action.plan)})


@require_POST
def impact_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove an impact indicator (its series are never stored)."""
    indicator = selectors.impact_indicator_get(user=request.user, pk=pk)
    services.impact_indicator_delete(user=request.user, indicator=indicator)
    messages.success(request, _("The impact indicator was removed."))
    return redirect("monitoring:impact_action", indicator.action_id)


urlpatterns: list[URLPattern] = [
    path("actions/<int:pk>/impact/", impact_action, name="impact_action"),
    path("impact/<int:pk>/", impact_detail, name="impact_detail"),
    path("impact/<int:pk>/remove/", impact_remove, name="impact_remove"),
]
