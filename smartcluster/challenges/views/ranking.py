"""The ranking pages."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path


def statistics(request: HttpRequest) -> HttpResponse:
    return render(request, "challenges/ranking/statistics.html", {})


def _pending(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


urlpatterns = [
    path("statistics/", statistics, name="statistics"),
    path("<int:pk>/ranking/", _pending, name="ranking"),
    path("<int:pk>/ranking/confirm/", _pending, name="results_confirm"),
    path("<int:pk>/results/", _pending, name="results"),
    path("<int:pk>/results.docx", _pending, name="results_docx"),
    path("<int:pk>/scores.xlsx", _pending, name="scores_xlsx"),
    path("teams/<int:pk>/feedback/", _pending, name="team_feedback"),
]
