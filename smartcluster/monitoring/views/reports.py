"""The progress-report pages: the projects whose reports the user reads, a project's semesters, and a semester's
report (for the project or one partner) as a print view, DOCX and XLSX. Views parse input, call selectors, render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.monitoring import selectors


def progress_report_projects(request: HttpRequest) -> HttpResponse:
    """The projects whose monitoring the user reads (the partnership's), each leading to its semesters."""
    return render(request, "monitoring/reports/projects.html",
                  {"projects": selectors.project_monitored_list(user=request.user)})


urlpatterns: list[URLPattern] = [
    path("reports/", progress_report_projects, name="progress_report_projects"),
]
