"""The progress-report pages: the projects whose reports the user reads, a project's semesters, and a semester's
report (for the project or one partner) as a print view, DOCX and XLSX. Views parse input, call selectors, render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.monitoring import selectors
from smartcluster.monitoring.exports.reports import (
    semester_report_docx,
    semester_report_tables,
    semester_report_title,
    semester_report_xlsx,
)
from smartcluster.reports.responses import file_response


def progress_report_projects(request: HttpRequest) -> HttpResponse:
    """The projects whose monitoring the user reads (the partnership's), each leading to its semesters."""
    return render(request, "monitoring/reports/projects.html",
                  {"projects": selectors.project_monitored_list(user=request.user)})


def progress_report_semesters(request: HttpRequest, project_id: int) -> HttpResponse:
    """The project's semesters with their dates (the semester picker); 404 outside the partnership."""
    project = selectors.project_monitored_get(user=request.user, project_id=project_id)
    return render(request, "monitoring/reports/semesters.html", {
        "project": project, "semesters": selectors.progress_report_semester_list(project=project)})


def _report(request: HttpRequest, project_id: int, semester: int) -> selectors.SemesterReport:
    return selectors.semester_report(user=request.user, project_id=project_id, semester=semester,
                                     partner_id=request.GET.get("partner") or None)


def progress_report_detail(request: HttpRequest, project_id: int, semester: int) -> HttpResponse:
    """The semester's report to read and print, for the project or the partner chosen (`?partner=`)."""
    report = _report(request, project_id, semester)
    query = f"?partner={report.partner.pk}" if report.partner else ""
    return render(request, "monitoring/reports/detail.html", {
        "report": report, "title": semester_report_title(report), "tables": semester_report_tables(report),
        "partners": selectors.project_partner_list(project=report.project),
        "query": query})


def progress_report_docx(request: HttpRequest, project_id: int, semester: int) -> HttpResponse:
    report = _report(request, project_id, semester)
    return file_response(semester_report_docx(report), name=semester_report_title(report), extension="docx")


def progress_report_xlsx(request: HttpRequest, project_id: int, semester: int) -> HttpResponse:
    report = _report(request, project_id, semester)
    return file_response(semester_report_xlsx(report), name=semester_report_title(report), extension="xlsx")


urlpatterns: list[URLPattern] = [
    path("reports/", progress_report_projects, name="progress_report_projects"),
    path("reports/<int:project_id>/", progress_report_semesters, name="progress_report_semesters"),
    path("reports/<int:project_id>/<int:semester>/", progress_report_detail, name="progress_report_detail"),
    path("reports/<int:project_id>/<int:semester>/report.docx", progress_report_docx, name="progress_report_docx"),
    path("reports/<int:project_id>/<int:semester>/report.xlsx", progress_report_xlsx, name="progress_report_xlsx"),
]
