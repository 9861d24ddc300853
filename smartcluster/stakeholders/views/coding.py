"""Coding pages: the interviews to code, one interview's coding page, the codebooks and the agreement between
two coders. Views parse input, call one service or selector, and render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.stakeholders.selectors import coding as selectors


@login_required
def coding_index(request: HttpRequest) -> HttpResponse:
    """The interviews the user may code, coded by them or not."""
    interviews = selectors.coding_interview_list(user=request.user)
    return render(request, "stakeholders/coding/index.html", {"interviews": interviews})


urlpatterns: list[URLPattern] = [
    path("coding/", coding_index, name="coding_index"),
]
