"""The work plan's pages: the projects (with "start from the template" for the lead), a project's timeline by
semester, a partner's to-do list, what is late, a deliverable (marked done with evidence, given a status), the
template's notes, activity and deliverable planning, and the XLSX. Views parse input, call services, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import DeliverableStatus
from smartcluster.monitoring.exports.workplan import work_plan_title, work_plan_xlsx
from smartcluster.monitoring.forms.workplan import (
    ActivityForm,
    DeliverableForm,
    LinkForm,
    MarkDoneForm,
    NoteResolveForm,
    StatusForm,
)
from smartcluster.reports.responses import file_response
from smartcluster.site.api import refusal_message
from smartcluster.site.views import form_errors_text, service_result


def _project(request: HttpRequest, project_id: Any) -> Any:
    return selectors.project_monitored_get(user=request.user, project_id=project_id)


def _planned(request: HttpRequest, project: Any) -> Any:
    if not selectors.project_can_plan(request.user, project):
        raise PermissionDenied(_("Only the lead partner's editors or administrators plan the work plan."))
    return project


def _timeline_url(project: Any) -> str:
    return reverse("monitoring:workplan_timeline", args=[project.pk])


def workplan_projects(request: HttpRequest) -> HttpResponse:
    """The projects whose work plan the user reads; the lead may start one from the project idea's template."""
    rows = [{"project": project, "can_plan": selectors.project_can_plan(request.user, project),
             "has_plan": selectors.work_plan_exists(project=project)}
            for project in selectors.project_monitored_list(user=request.user)]
    return render(request, "monitoring/workplan/projects.html", {"rows": rows})


@require_POST
def workplan_start(request: HttpRequest, project_id: int) -> HttpResponse:
    """Start the project's work plan from the template (the lead partner's editors)."""
    project = _project(request, project_id)
    try:
        services.workplan_from_template(user=request.user, project=project)
    except ValidationError as error:
        messages.error(request, refusal_message(error))
        return redirect("monitoring:workplan_projects")
    messages.success(request, _("The work plan was started from the template; resolve its notes."))
    return redirect(_timeline_url(project))


def workplan_timeline(request: HttpRequest, project_id: int) -> HttpResponse:
    """Strands × semesters with their activities and deliverables; the running semester marked."""
    project = _project(request, project_id)
    return render(request, "monitoring/workplan/timeline.html", {
        "project": project, "timeline": selectors.work_plan_timeline(project=project),
        "partners": selectors.project_partner_list(project=project),
        "can_plan": selectors.project_can_plan(request.user, project),
        "open_notes": selectors.work_plan_note_list(project=project, open_only=True).count()})


def workplan_todo(request: HttpRequest, project_id: int, partner_id: int) -> HttpResponse:
    """A partner's open deliverables, the earliest due first."""
    project = _project(request, project_id)
    partner = selectors.project_partner_get(project=project, partner_id=partner_id)
    return render(request, "monitoring/workplan/todo.html", {
        "project": project, "partner": partner,
        "deliverables": selectors.deliverable_todo_list(project=project, partner=partner)})


def workplan_late(request: HttpRequest, project_id: int) -> HttpResponse:
    """Deliverables whose semester has ended, neither done nor cancelled."""
    project = _project(request, project_id)
    return render(request, "monitoring/workplan/late.html", {
        "project": project, "deliverables": selectors.deliverable_late_list(project=project),
        "current": selectors.semester_current(project)})


def _deliverable_post(request: HttpRequest, deliverable: Any, forms: dict[str, Any]) -> bool:
    """Run the posted form's service (done with evidence, status, link, unlink); True once it succeeded."""
    action = request.POST.get("action", "done")
    user = request.user
    if action == "unlink":
        return bool(service_result(forms["status_form"], lambda: services.deliverable_unlink(
            user=user, deliverable=deliverable)))
    if action == "link":
        form = forms["link_form"] = LinkForm(request.POST, choices=forms["link_form"].fields["record"].choices[1:])
        record = form.is_valid() and selectors.deliverable_link_record(
            user=user, project=deliverable.project, value=form.cleaned_data["record"])
        return bool(record) and bool(service_result(form, lambda: services.deliverable_link(
            user=user, deliverable=deliverable, record=record)))
    if action == "status":
        form = forms["status_form"] = StatusForm(request.POST)
        return form.is_valid() and bool(service_result(form, lambda: services.deliverable_status_set(
            user=user, deliverable=deliverable, **form.cleaned_data)))
    form = forms["done_form"] = MarkDoneForm(request.POST, request.FILES)
    return form.is_valid() and bool(service_result(form, lambda: services.deliverable_mark_done(
        user=user, deliverable=deliverable, **form.cleaned_data)))


def deliverable_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A deliverable with its derived status; its responsible partner marks it done with evidence, sets its
    status, or links the event, communication item or good practice it follows."""
    deliverable = selectors.deliverable_get(user=request.user, pk=pk)
    may_update = selectors.project_partner_editable(request.user, deliverable.responsible)
    forms = {"done_form": MarkDoneForm(), "status_form": StatusForm(initial={"status": deliverable.status}),
             "link_form": LinkForm(choices=selectors.deliverable_link_choices(user=request.user,
                                                                              project=deliverable.project))}
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied(_("Only the responsible partner's editors update this deliverable."))
        if _deliverable_post(request, deliverable, forms):
            messages.success(request, _("The deliverable was saved."))
            return redirect(request.path)
    return render(request, "monitoring/workplan/deliverable.html", {
        "deliverable": deliverable, "project": deliverable.project,
        "status_label": DeliverableStatus(selectors.deliverable_status(deliverable)).label, "may_update": may_update,
        "can_plan": selectors.project_can_plan(request.user, deliverable.project), **forms},
        status=400 if request.method == "POST" else 200)


def workplan_notes(request: HttpRequest, project_id: int) -> HttpResponse:
    """The template's defects, each with its resolution or (for the lead) a form to resolve it."""
    project = _project(request, project_id)
    can_plan = selectors.project_can_plan(request.user, project)
    notes = list(selectors.work_plan_note_list(project=project))
    return render(request, "monitoring/workplan/notes.html", {
        "project": project, "notes": notes, "can_plan": can_plan, "form": NoteResolveForm()})


@require_POST
def work_plan_note_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """Resolve a note (the lead); htmx swaps the note's row, a plain post returns to the notes."""
    note = selectors.work_plan_note_get(user=request.user, pk=pk)
    form = NoteResolveForm(request.POST)
    resolved = form.is_valid() and service_result(form, lambda: services.work_plan_note_resolve(
        user=request.user, note=note, resolution=form.cleaned_data["resolution"]))
    if request.headers.get("HX-Request"):
        note = resolved or note
        return render(request, "monitoring/workplan/_note.html", {"note": note, "can_plan": True, "form": form},
                      status=200 if resolved else 400)
    if not resolved:
        messages.error(request, form_errors_text(form))
    return redirect("monitoring:workplan_notes", project_id=note.project_id)


def _planning_page(request: HttpRequest, project: Any, form: Any, heading: str, save: Any,
                   delete_url: str = "") -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        record = service_result(form, lambda: save(form.cleaned_data))
        if record is not None:
            messages.success(request, _("Saved."))
            return redirect(_timeline_url(project))
    return render(request, "monitoring/workplan/plan_form.html", {"project": project, "form": form,
                                                                  "heading": heading, "delete_url": delete_url},
                  status=400 if request.method == "POST" else 200)


def activity_create(request: HttpRequest, project_id: int) -> HttpResponse:
    project = _planned(request, _project(request, project_id))
    form = ActivityForm(request.POST or None, project=project)
    return _planning_page(request, project, form, _("New activity"), lambda data: services.activity_create(
        user=request.user, project=project, **data))


def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    project = _planned(request, activity.project)
    initial = {name: getattr(activity, name) for name in ("semester", "strand", "title", "topic", "host_name")}
    form = ActivityForm(request.POST or None, project=project, initial={**initial, "host": activity.host_id})
    return _planning_page(request, project, form, _("Edit the activity"), lambda data: services.activity_update(
        user=request.user, activity=activity, **data), delete_url=reverse("monitoring:activity_delete",
                                                                          args=[activity.pk]))


@require_POST
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove an activity (the lead); its deliverables stay without it."""
    activity = selectors.activity_get(user=request.user, pk=pk)
    services.activity_delete(user=request.user, activity=activity)
    messages.success(request, _("The activity was removed; its deliverables stay."))
    return redirect(_timeline_url(activity.project))


def deliverable_create(request: HttpRequest, project_id: int) -> HttpResponse:
    project = _planned(request, _project(request, project_id))
    form = DeliverableForm(request.POST or None, project=project)
    return _planning_page(request, project, form, _("New deliverable"), lambda data: services.deliverable_create(
        user=request.user, project=project, **data))


def deliverable_edit(request: HttpRequest, pk: int) -> HttpResponse:
    deliverable = selectors.deliverable_get(user=request.user, pk=pk)
    project = _planned(request, deliverable.project)
    initial = {"kind": deliverable.kind, "number": deliverable.number, "title": deliverable.title,
               "responsible": deliverable.responsible_id, "due_semester": deliverable.due_semester,
               "activity": deliverable.activity_id}
    form = DeliverableForm(request.POST or None, project=project, initial=initial)
    return _planning_page(request, project, form, _("Edit the deliverable"), lambda data: services.deliverable_update(
        user=request.user, deliverable=deliverable, **data))


def workplan_xlsx(request: HttpRequest, project_id: int) -> HttpResponse:
    project = _project(request, project_id)
    return file_response(work_plan_xlsx(project), name=work_plan_title(project), extension="xlsx")


urlpatterns: list[URLPattern] = [
    path("work-plan/", workplan_projects, name="workplan_projects"),
    path("work-plan/<int:project_id>/", workplan_timeline, name="workplan_timeline"),
    path("work-plan/<int:project_id>/start/", workplan_start, name="workplan_start"),
    path("work-plan/<int:project_id>/late/", workplan_late, name="workplan_late"),
    path("work-plan/<int:project_id>/notes/", workplan_notes, name="workplan_notes"),
    path("work-plan/<int:project_id>/partners/<int:partner_id>/", workplan_todo, name="workplan_todo"),
    path("work-plan/<int:project_id>/work-plan.xlsx", workplan_xlsx, name="workplan_xlsx"),
    path("work-plan/<int:project_id>/activities/new/", activity_create, name="activity_create"),
    path("work-plan/<int:project_id>/deliverables/new/", deliverable_create, name="deliverable_create"),
    path("work-plan/activities/<int:pk>/edit/", activity_edit, name="activity_edit"),
    path("work-plan/activities/<int:pk>/delete/", activity_delete, name="activity_delete"),
    path("work-plan/deliverables/<int:pk>/", deliverable_detail, name="deliverable_detail"),
    path("work-plan/deliverables/<int:pk>/edit/", deliverable_edit, name="deliverable_edit"),
    path("work-plan/notes/<int:pk>/resolve/", work_plan_note_resolve, name="work_plan_note_resolve"),
]
