"""The briefs pages."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def _pending(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    raise Http404


urlpatterns: list[URLPattern] = [
    path("briefs/", _pending, name="challenge_list"),
    path("briefs/new/", _pending, name="challenge_create"),
    path("briefs/<int:pk>/", _pending, name="challenge_detail"),
    path("briefs/<int:pk>/edit/", _pending, name="challenge_edit"),
    path("briefs/<int:pk>/publish/", _pending, name="challenge_publish"),
    path("briefs/<int:pk>/cancel/", _pending, name="challenge_cancel"),
    path("briefs/<int:pk>/attachments/new/", _pending, name="challenge_attachment_add"),
    path("attachments/<int:pk>/", _pending, name="challenge_attachment"),
]
