"""The indicators' planning, reporting and review pages: the lead plans the indicators and their targets (a row per
partner), a partner fills its semester report's values with their evidence and submits it, the lead reviews the
submitted values; the evidence documents are served to the project's readers only. Views parse, call a service,
render."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import ReportStatus
from smartcluster.monitoring.forms.indicators import (
    IndicatorForm,
    IndicatorValueForm,
    ReportCreateForm,
    ReportSubmitForm,
    ReviewForm,
    TargetsForm,
)
from smartcluster.site.views import form_errors_text, service_result


def _project(request: HttpRequest, project_id: Any) -> Any:
    return selectors.project_monitored_get(user=request.user, project_id=project_id)


def _planned(request: HttpRequest, project_id: Any) -> Any:
    project = _project(request, project_id)
    if not selectors.project_can_plan(request.user, project):
        raise PermissionDenied(_("Only the lead partner's editors or administrators plan and review the indicators."))
    return project


def _require_writer(request: HttpRequest, partner: Any) -> None:
    if not selectors.project_partner_editable(request.user, partner):
        raise PermissionDenied(_("Only the partner's editors, the lead partner's editors or administrators "
                                 "write this partner's progress reports."))


def _posted(form: Any, write: Callable[[], Any]) -> Any:
    """The service's result once the form is valid; None otherwise, with the refusal on the form."""
    return service_result(form, write) if form.is_valid() else None


def indicator_reporting_projects(request: HttpRequest) -> HttpResponse:
    """The projects whose indicators the user reads, with the plan, each partner's reports and the review queue."""
    rows = [{"project": project, "can_plan": selectors.project_can_plan(request.user, project),
             "partners": selectors.project_partner_list(project=project)} for project in selectors.project_monitored_list(user=request.user)]
    return render(request, "monitoring/indicators/report_projects.html", {"rows": rows})


def _chosen(project: Any, request: HttpRequest) -> Any:
    """The indicator whose targets are edited: the posted one (None if not the project's), else `?indicator=` or
    the first."""
    posted = request.method == "POST"
    key = request.POST.get("indicator", "") if posted else request.GET.get("indicator", "")
    return selectors.indicator_targets_chosen(project=project, key=key, first_by_default=not posted)


def _targets_form(request: HttpRequest, indicator: Any, partners: list[Any]) -> TargetsForm | None:
    if indicator is None:
        return None
    initial = {(f"target_{key}" if key else "target_project"): value
               for key, value in selectors.indicator_target_map(indicator=indicator).items()}
    return TargetsForm(partners=partners, initial=initial, prefix="targets")


def _plan_post(request: HttpRequest, project: Any, forms: dict[str, Any]) -> Any:
    """Run the posted action's service: the seven verified indicators, a custom one, or an indicator's targets."""
    user, action = request.user, request.POST.get("action")
    if action == "defaults":
        return services.indicator_defaults_create(user=user, project=project)
    if action == "custom":
        form = forms["custom_form"] = IndicatorForm(request.POST, prefix="custom")
        return _posted(form, lambda: services.indicator_create(user=user, project=project, **form.cleaned_data))
    if action == "targets" and forms["indicator"] is not None:
        form = forms["targets_form"] = TargetsForm(request.POST, partners=forms["partners"], prefix="targets")
        return _posted(form, lambda: services.indicator_targets_set(user=user, indicator=forms["indicator"],
                                                                    targets=form.targets()))
    return None


def indicator_plan(request: HttpRequest, project_id: int) -> HttpResponse:
    """The lead's plan: the seven verified indicators in one click, a custom one, an indicator's targets."""
    project = _planned(request, project_id)
    partners, indicator = selectors.project_partner_list(project=project), _chosen(project, request)
    forms = {"partners": partners, "indicator": indicator, "custom_form": IndicatorForm(prefix="custom"),
             "targets_form": _targets_form(request, indicator, partners)}
    if request.method == "POST" and _plan_post(request, project, forms) is not None:
        messages.success(request, _("The indicators' plan was saved."))
        url = reverse("monitoring:indicator_plan", args=[project.pk])
        return redirect(f"{url}?indicator={indicator.pk}" if indicator else url)
    return render(request, "monitoring/indicators/plan.html", {
        "project": project, "indicators": selectors.indicator_list(project=project).order_by("kind", "position", "code", "name"),
        "can_add_defaults": selectors.indicator_defaults_missing(project=project), **forms},
        status=400 if request.method == "POST" else 200)


def progress_report_list(request: HttpRequest, project_id: int, partner_id: int) -> HttpResponse:
    """A partner's reports by semester; the partner's editors create the draft of a semester."""
    partner = selectors.project_partner_get(project=_project(request, project_id), partner_id=partner_id)
    may_write = selectors.project_partner_editable(request.user, partner)
    semesters = selectors.progress_report_semesters(partner=partner)
    free = [number for number, report in semesters if report is None]
    current = selectors.semester_current(partner.project)
    form = ReportCreateForm(request.POST or None, semesters=free,
                            initial={"semester": current if current in free else None})
    if request.method == "POST":
        _require_writer(request, partner)
        report = _posted(form, lambda: services.progress_report_create(user=request.user, partner=partner,
                                                                       **form.cleaned_data))
        if report is not None:
            messages.success(request, _("The draft report of semester %(n)s was created.") % {"n": report.semester})
            return redirect("monitoring:progress_report_page", report.pk)
    return render(request, "monitoring/indicators/reports.html", {
        "project": partner.project, "partner": partner, "semesters": semesters, "may_write": may_write,
        "form": form if free else None}, status=400 if request.method == "POST" else 200)


def _value_forms(rows: list[Any]) -> dict[int, IndicatorValueForm]:
    """An empty or pre-filled form for each indicator entered by hand."""
    forms = {}
    for row in rows:
        if row.is_measured:
            continue
        value = row.value
        initial = {} if value is None else {key: getattr(value, key) for key in (
            "value", "evidence_type", "evidence_issuer", "evidence_date", "evidence_url", "comment")}
        forms[row.indicator.pk] = IndicatorValueForm(initial=initial, prefix=f"i{row.indicator.pk}")
    return forms


def progress_report_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A report: measured values read-only; a draft's values entered by hand with their evidence (the partner's
    editors), and its submission; a submitted report read-only with each value's review."""
    report = selectors.progress_report_get(user=request.user, pk=pk)
    rows = selectors.indicator_report_rows(report=report)
    may_write = report.status == ReportStatus.DRAFT and selectors.project_partner_editable(request.user,
                                                                                           report.partner)
    forms = _value_forms(rows) if may_write else {}
    if request.method == "POST":
        _require_writer(request, report.partner)
        if not may_write:
            messages.error(request, _("This report was submitted and is final; it can no longer change."))
            return redirect(request.path)
        row = next((row for row in rows if str(row.indicator.pk) == request.POST.get("indicator")), None)
        if row is None or row.is_measured:
            raise Http404
        form = forms[row.indicator.pk] = IndicatorValueForm(request.POST, request.FILES, prefix=f"i{row.indicator.pk}")
        if _posted(form, lambda: services.progress_report_value_set(
                user=request.user, report=report, indicator=row.indicator, **form.cleaned_data)) is not None:
            messages.success(request, _("The value of %(name)s was saved.") % {"name": row.indicator.name})
            return redirect(request.path)
    return render(request, "monitoring/indicators/report.html", {
        "report": report, "project": report.partner.project, "rows": [(row, forms.get(row.indicator.pk))
                                                                      for row in rows],
        "may_write": may_write, "submit_form": ReportSubmitForm(prefix="submit")},
        status=400 if request.method == "POST" else 200)


@require_POST
def progress_report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit the draft once its writer confirmed; the report is final from then on."""
    report = selectors.progress_report_get(user=request.user, pk=pk)
    _require_writer(request, report.partner)
    form = ReportSubmitForm(request.POST, prefix="submit")
    if _posted(form, lambda: services.progress_report_submit(user=request.user, report=report)) is not None:
        messages.success(request, _("The report was submitted; its values now count."))
        return redirect("monitoring:progress_report_page", report.pk)
    messages.error(request, form_errors_text(form))
    return redirect("monitoring:progress_report_page", report.pk)


def indicator_evidence(request: HttpRequest, pk: int) -> FileResponse:
    """A value's evidence document, to the readers of its project only."""
    value = selectors.indicator_value_get(user=request.user, pk=pk)
    if not value.evidence_file:
        raise Http404(_("This value has no evidence document."))
    name = value.evidence_file.name.rsplit("/", 1)[-1]
    return FileResponse(value.evidence_file.open("rb"), as_attachment=True, filename=f"evidence-{value.pk}-{name}",
                        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")


def indicator_review_queue(request: HttpRequest, project_id: int) -> HttpResponse:
    """The values entered by hand in submitted reports, not yet reviewed first, each with its evidence."""
    project = _planned(request, project_id)
    return render(request, "monitoring/indicators/review.html", {
        "project": project, "values": selectors.indicator_review_list(project=project)})


@require_POST
def indicator_value_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or reject a value (the lead); htmx swaps the value's section, a plain post returns to the queue. A
    refusal is said next to the decision and saves nothing."""
    value = selectors.indicator_value_get(user=request.user, pk=pk)
    form = ReviewForm(request.POST)
    reviewed = _posted(form, lambda: services.indicator_value_review(user=request.user, value=value,
                                                                     **form.cleaned_data))
    error = "" if reviewed is not None else form_errors_text(form)
    if request.headers.get("HX-Request"):
        # Answered 200 either way: htmx swaps no 4xx answer, and the refusal must be shown in place.
        return render(request, "monitoring/indicators/_review_item.html", {
            "value": reviewed or value, "saved": reviewed is not None, "error": error,
            "typed": request.POST.get("comment", "")})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The review of %(name)s was saved.") % {"name": value.indicator.name})
    return redirect("monitoring:indicator_review_queue", value.report.partner.project_id)


urlpatterns: list[URLPattern] = [
    path("indicators/reporting/", indicator_reporting_projects, name="indicator_reporting_projects"),
    path("indicators/<int:project_id>/plan/", indicator_plan, name="indicator_plan"),
    path("indicators/<int:project_id>/partners/<int:partner_id>/reports/", progress_report_list,
         name="progress_report_list"),
    path("indicators/reports/<int:pk>/", progress_report_page, name="progress_report_page"),
    path("indicators/reports/<int:pk>/submit/", progress_report_submit, name="progress_report_submit_page"),
    path("indicators/values/<int:pk>/evidence/", indicator_evidence, name="indicator_evidence"),
    path("indicators/<int:project_id>/review/", indicator_review_queue, name="indicator_review_queue"),
    path("indicators/values/<int:pk>/review/", indicator_value_review, name="indicator_value_review"),
]
