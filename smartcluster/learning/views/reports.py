"""Good-practice report pages: the index of reports, and each report (project or event) as a print view and a Word
document generated from the records the reader may read."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse

from smartcluster.learning.exports.reports import learning_report_docx
from smartcluster.learning.selectors import reports as selectors
from smartcluster.reports.responses import file_response


def report_index(request: HttpRequest) -> HttpResponse:
    """The projects' and the events' reports the user may read."""
    return render(request, "learning/reports/index.html", {
        "projects": selectors.learning_report_project_list(user=request.user),
        "events": selectors.learning_report_event_list(user=request.user).order_by("-starts_at", "pk")})


def report_project(request: HttpRequest, project_id: int) -> HttpResponse:
    report = selectors.learning_report_for_project(user=request.user, project_id=project_id)
    return render(request, "learning/reports/report.html", {
        "report": report, "docx_url": reverse("learning:report_project_docx", args=[project_id])})


def report_project_docx(request: HttpRequest, project_id: int) -> HttpResponse:
    report = selectors.learning_report_for_project(user=request.user, project_id=project_id)
    return file_response(learning_report_docx(report), name=f"good-practices-{report.project.acronym}",
                         extension="docx")


def report_event(request: HttpRequest, event_id: int) -> HttpResponse:
    report = selectors.learning_report_for_event(user=request.user, event_id=event_id)
    return render(request, "learning/reports/report.html", {
        "report": report, "docx_url": reverse("learning:report_event_docx", args=[event_id])})


def report_event_docx(request: HttpRequest, event_id: int) -> HttpResponse:
    report = selectors.learning_report_for_event(user=request.user, event_id=event_id)
    return file_response(learning_report_docx(report), name=f"good-practices-event-{event_id}", extension="docx")


urlpatterns: list[URLPattern] = [
    path("reports/", report_index, name="report_index"),
    path("reports/projects/<int:project_id>/", report_project, name="report_project"),
    path("reports/projects/<int:project_id>.docx", report_project_docx, name="report_project_docx"),
    path("reports/events/<int:event_id>/", report_event, name="report_event"),
    path("reports/events/<int:event_id>.docx", report_event_docx, name="report_event_docx"),
]
