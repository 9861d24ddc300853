"""The indicators pages: the projects, and a project's indicator table (targets, achieved, drafted) with the
methods' checks."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.monitoring import selectors


def indicator_projects(request: HttpRequest) -> HttpResponse:
    """The projects whose indicators the user reads."""
    return render(request, "monitoring/indicators/projects.html",
                  {"projects": selectors.project_monitored_list(user=request.user)})


def indicator_table(request: HttpRequest, project_id: int) -> HttpResponse:
    """A project's indicators: target, achieved by submitted reports, stated in drafts; and the checks."""
    project = selectors.project_monitored_get(user=request.user, project_id=project_id)
    return render(request, "monitoring/indicators/table.html", {
        "project": project, "rows": selectors.indicator_progress_list(project=project),
        "checks": selectors.indicator_check_list(project=project)})


urlpatterns: list[URLPattern] = [
    path("indicators/", indicator_projects, name="indicator_projects"),
    path("indicators/<int:project_id>/", indicator_table, name="indicator_table"),
]
