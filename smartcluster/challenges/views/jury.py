"""The jury pages: my jury work, the organiser's jurors, the conflict declaration, the assignment, the scoring page
and the organiser's audit of who scored what and when."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path


@login_required
def juror_mine(request: HttpRequest) -> HttpResponse:
    """The challenges the signed-in user judges, with their assignments and their status."""
    return render(request, "challenges/jury/juror_mine.html", {"jurors": []})


def _pending(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


urlpatterns = [
    path("jury/", juror_mine, name="juror_mine"),
    path("<int:challenge_pk>/jurors/", _pending, name="juror_list"),
    path("<int:challenge_pk>/jurors/invite/", _pending, name="juror_invite"),
    path("<int:challenge_pk>/jury/accept/", _pending, name="juror_accept"),
    path("<int:challenge_pk>/jury/conflicts/", _pending, name="conflict_declare"),
    path("<int:challenge_pk>/assignment/", _pending, name="assignment_run"),
    path("assignments/<int:pk>/", _pending, name="assignment_score"),
    path("<int:challenge_pk>/jury/audit/", _pending, name="jury_audit"),
]
