"""The indicators pages: the projects, and a project's indicator table (targets, achieved, drafted, counted now)
for the project or one partner, with progress charts, the methods' checks and the action plans' joint panel; its
XLSX."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.monitoring import selectors
from smartcluster.monitoring.exports.indicators import indicator_table_title, indicator_table_xlsx
from smartcluster.reports.responses import file_response


def indicator_projects(request: HttpRequest) -> HttpResponse:
    """The projects whose indicators the user reads."""
    return render(request, "monitoring/indicators/projects.html",
                  {"projects": selectors.project_monitored_list(user=request.user)})


def _scope(request: HttpRequest, project_id: int) -> tuple[Any, Any]:
    """The project the user reads (404 otherwise) and the partner of `?partner=` (404 for one of another project)."""
    project = selectors.project_monitored_get(user=request.user, project_id=project_id)
    partner_id = request.GET.get("partner")
    partner = selectors.project_partner_get(project=project, partner_id=partner_id) if partner_id else None
    return project, partner


def indicator_table(request: HttpRequest, project_id: int) -> HttpResponse:
    """A project's (or a partner's) indicators: target, achieved by submitted reports, stated in drafts, counted
    now from the records; the progress charts, the checks and the joint panel."""
    project, partner = _scope(request, project_id)
    return render(request, "monitoring/indicators/table.html", {
        "project": project, "partner": partner, "partners": selectors.project_partner_list(project=project),
        "rows": selectors.indicator_progress_list(project=project, partner=partner),
        "series": selectors.indicator_progress_series(project=project, partner=partner),
        "checks": selectors.indicator_check_list(project=project),
        "joint_plans": selectors.action_plan_joint_list(project=project, partner=partner)})


def indicator_table_xlsx_download(request: HttpRequest, project_id: int) -> HttpResponse:
    """The project's indicator table, checks and joint panel as XLSX (the partnership only)."""
    project = selectors.project_monitored_get(user=request.user, project_id=project_id)
    return file_response(indicator_table_xlsx(project), name=indicator_table_title(project), extension="xlsx")


urlpatterns: list[URLPattern] = [
    path("indicators/", indicator_projects, name="indicator_projects"),
    path("indicators/<int:project_id>/", indicator_table, name="indicator_table"),
    path("indicators/<int:project_id>/indicators.xlsx", indicator_table_xlsx_download, name="indicator_table_xlsx"),
]
