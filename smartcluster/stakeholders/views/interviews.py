"""Interviews pages: the partners whose interviews the reader may read with their quota, the guides (versioned),
a partner's interviews, one interview with its answers, create/edit/delete, the project quota and the export."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.stakeholders import selectors


def interview_index(request: HttpRequest) -> HttpResponse:
    """The partners whose interviews the reader may read, each with its quota status."""
    partners = list(selectors.interview_partner_list(user=request.user))
    quota = selectors.interview_quota(partners=partners)
    rows = [{"partner": partner, "quota": quota[partner.pk]} for partner in partners]
    return render(request, "stakeholders/interviews/index.html",
                  {"rows": rows, "groups": selectors.QUOTA_GROUPS})


urlpatterns: list[URLPattern] = [path("interviews/", interview_index, name="interview_index")]
