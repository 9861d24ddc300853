"""Analysis pages: per project, the themes by helix and by partner (heat maps), the quotes per theme and the
cross-partner synthesis report. Views parse input, call one selector, and render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.stakeholders.selectors import analysis as selectors


def analysis_index(request: HttpRequest) -> HttpResponse:
    """The projects whose interview analysis the user may read (the project's partners and administrators)."""
    projects = selectors.analysis_project_list(user=request.user)
    return render(request, "stakeholders/analysis/index.html", {"projects": projects})


urlpatterns: list[URLPattern] = [
    path("analysis/", analysis_index, name="analysis_index"),
]
