"""Pages of the events app: outcomes — minutes, decisions and actions of an event, my open actions, the project's
open/late actions, check-in status, brainstorms with their ranked result, and the event report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change
from smartcluster.events import selectors, services
from smartcluster.events.choices import EventKind, MaterialKind
from smartcluster.events.exports import outcomes as exports
from smartcluster.events.forms import outcomes as forms
from smartcluster.events.models import ProjectEvent
from smartcluster.organisations.selectors import project_get
from smartcluster.reports.responses import file_response
from smartcluster.site.api import refusal_message

DOWNLOADS = ("xlsx", "docx")


def _outcomes_url(event: ProjectEvent) -> str:
    return reverse("events:outcomes", args=[event.pk])


def _write(request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], Any], *, back: str) -> HttpResponse:
    """Run a service with a valid form's data; its refusal is told on the page it came from (nothing is saved)."""
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
        return redirect(back)
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        messages.error(request, refusal_message(error))
    else:
        messages.success(request, _("Saved."))
    return redirect(back)


def event_outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    """Minutes, decisions, actions (and a check-in's issues), with the host's forms."""
    event = selectors.outcome_event_get(user=request.user, event_id=pk)
    is_host = can_change(request.user, event)
    actions = list(selectors.action_list(event=event))
    context = {
        "event": event, "is_host": is_host, "decisions": selectors.decision_list(event=event), "actions": actions,
        "issues": selectors.check_in_issue_list(user=request.user, event=event)
        if event.kind == EventKind.CHECK_IN else [],
        "today": timezone.localdate(), "user_id": getattr(request.user, "pk", None),
    }
    if is_host:
        context |= {"minutes_form": forms.MinutesForm(initial={"minutes": event.minutes}),
                    "decision_form": forms.DecisionForm(), "action_form": forms.ActionForm(event=event),
                    "issue_form": forms.CheckInIssueForm() if event.kind == EventKind.CHECK_IN else None}
    for action in actions:  # the status form for those who may set it: the host and the action's owner
        may_set = is_host or (action.owner.user_id is not None and action.owner.user_id == context["user_id"])
        action.status_form = forms.ActionStatusForm(action=action) if may_set else None
    return render(request, "events/outcomes/event_outcomes.html", context)


@require_POST
def minutes_set(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.outcome_event_get(user=request.user, event_id=pk)
    return _write(request, forms.MinutesForm(request.POST), lambda data: services.event_minutes_set(
        user=request.user, event=event, minutes=data["minutes"]), back=_outcomes_url(event))


@require_POST
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.outcome_event_get(user=request.user, event_id=pk)
    return _write(request, forms.DecisionForm(request.POST), lambda data: services.decision_add(
        user=request.user, event=event, text=data["text"]), back=_outcomes_url(event))


@require_POST
def decision_delete(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = selectors.decision_get(user=request.user, decision_id=decision_id)
    services.decision_delete(user=request.user, decision=decision)
    messages.success(request, _("Decision %(number)s removed.") % {"number": decision.number})
    return redirect(_outcomes_url(decision.event))


@require_POST
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.outcome_event_get(user=request.user, event_id=pk)
    return _write(request, forms.ActionForm(request.POST, event=event), lambda data: services.action_create(
        user=request.user, event=event, **data), back=_outcomes_url(event))


@require_POST
def action_status(request: HttpRequest, action_id: int) -> HttpResponse:
    action = selectors.action_get(user=request.user, action_id=action_id)
    back = reverse("events:actions_mine") if request.POST.get("back") == "mine" else _outcomes_url(action.event)
    return _write(request, forms.ActionStatusForm(request.POST), lambda data: services.action_status_set(
        user=request.user, action=action, **data), back=back)


@require_POST
def issue_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.outcome_event_get(user=request.user, event_id=pk)
    return _write(request, forms.CheckInIssueForm(request.POST), lambda data: services.check_in_issue_add(
        user=request.user, event=event, **data), back=_outcomes_url(event))


@login_required
def actions_mine(request: HttpRequest) -> HttpResponse:
    actions = list(selectors.action_mine_list(user=request.user))
    for action in actions:
        action.status_form = forms.ActionStatusForm(action=action)
    return render(request, "events/outcomes/actions_mine.html", {"actions": actions, "today": timezone.localdate()})


@login_required
def actions_overview(request: HttpRequest, project_id: int) -> HttpResponse:
    overview = selectors.action_overview(user=request.user, project=project_get(project_id=project_id),
                                         today=timezone.localdate())
    return render(request, "events/outcomes/actions_overview.html", {"overview": overview})


@login_required
def check_in_status(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_get(project_id=project_id)
    rows = selectors.check_in_status_list(user=request.user, project=project, today=timezone.localdate())
    return render(request, "events/outcomes/check_ins.html", {"project": project, "rows": rows})


def _brainstorm(request: HttpRequest, pk: int) -> ProjectEvent:
    event = selectors.outcome_event_get(user=request.user, event_id=pk)
    if event.kind != EventKind.BRAINSTORM:
        raise Http404(_("This event is not a brainstorm."))
    return event


def _brainstorm_url(event: ProjectEvent) -> str:
    return reverse("events:brainstorm", args=[event.pk])


def brainstorm(request: HttpRequest, pk: int) -> HttpResponse:
    """Ideas with their votes; participants post and vote, the host groups ideas into themes."""
    event = _brainstorm(request, pk)
    is_participant = selectors.brainstorm_is_participant(user=request.user, event=event)
    used = selectors.brainstorm_votes_used(user=request.user, event=event) if is_participant else 0
    ideas = list(selectors.brainstorm_idea_list(event=event))
    is_host = can_change(request.user, event)
    for idea in ideas:
        idea.theme_form = forms.IdeaThemeForm(event=event, initial={"theme": idea.theme_id}) if is_host else None
    return render(request, "events/outcomes/brainstorm.html", {
        "event": event, "ideas": ideas, "themes": event.themes.all(), "is_participant": is_participant,
        "is_host": is_host, "votes_left": event.votes_per_participant - used, "idea_form": forms.IdeaForm(),
        "theme_form": forms.ThemeForm()})


@require_POST
def idea_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = _brainstorm(request, pk)
    return _write(request, forms.IdeaForm(request.POST), lambda data: services.brainstorm_idea_add(
        user=request.user, event=event, text=data["text"]), back=_brainstorm_url(event))


@require_POST
def theme_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = _brainstorm(request, pk)
    return _write(request, forms.ThemeForm(request.POST), lambda data: services.brainstorm_theme_add(
        user=request.user, event=event, title=data["title"]), back=_brainstorm_url(event))


@require_POST
def idea_theme(request: HttpRequest, idea_id: int) -> HttpResponse:
    idea = selectors.brainstorm_idea_get(user=request.user, idea_id=idea_id)
    return _write(request, forms.IdeaThemeForm(request.POST, event=idea.event),
                  lambda data: services.brainstorm_idea_theme_set(user=request.user, idea=idea, theme=data["theme"]),
                  back=_brainstorm_url(idea.event))


@require_POST
def vote(request: HttpRequest, idea_id: int) -> HttpResponse:
    """Cast one vote on the idea, or take one back (`withdraw`)."""
    idea = selectors.brainstorm_idea_get(user=request.user, idea_id=idea_id)
    write = services.brainstorm_vote_withdraw if request.POST.get("withdraw") else services.brainstorm_vote_cast
    try:
        write(user=request.user, idea=idea)
    except ValidationError as error:
        messages.error(request, refusal_message(error))
    return redirect(_brainstorm_url(idea.event))


def brainstorm_result(request: HttpRequest, pk: int) -> HttpResponse:
    """The ranked result: a stable address an action plan can link."""
    result = selectors.brainstorm_result(event=_brainstorm(request, pk))
    return render(request, "events/outcomes/brainstorm_result.html", {"result": result, "event": result.event})


def brainstorm_result_download(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    if extension not in DOWNLOADS:
        raise Http404(_("Download as xlsx or docx."))
    result = selectors.brainstorm_result(event=_brainstorm(request, pk))
    write = exports.brainstorm_result_xlsx if extension == "xlsx" else exports.brainstorm_result_docx
    return file_response(write(result), name=f"brainstorm-{result.event.pk}-result", extension=extension)


def _report_event(request: HttpRequest, pk: int) -> ProjectEvent:
    event = selectors.outcome_event_get(user=request.user, event_id=pk)
    if not selectors.event_report_may_view(user=request.user, event=event):
        raise PermissionDenied(_("The event report is for the host partner's editors."))
    return event


def event_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The event report as a page to print."""
    report = selectors.event_report(event=_report_event(request, pk))
    return render(request, "events/outcomes/report.html", {"report": report, "event": report.event})


def event_report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.event_report(event=_report_event(request, pk))
    return file_response(exports.event_report_docx(report), name=f"event-report-{pk}", extension="docx")


def report_photo(request: HttpRequest, pk: int, material_id: int) -> FileResponse:
    """A photo shown in the report page, to the report's readers only (private ones included)."""
    event = _report_event(request, pk)
    photo = event.materials.filter(pk=material_id, kind=MaterialKind.PHOTO).first()
    if photo is None:
        raise Http404(_("No photo %(id)s of this event.") % {"id": material_id})
    return FileResponse(photo.file.open("rb"), content_type=photo.content_type)


urlpatterns: list[URLPattern] = [
    path("<int:pk>/outcomes/", event_outcomes, name="outcomes"),
    path("<int:pk>/outcomes/minutes/", minutes_set, name="minutes_set"),
    path("<int:pk>/outcomes/decisions/", decision_add, name="decision_add"),
    path("decisions/<int:decision_id>/delete/", decision_delete, name="decision_delete"),
    path("<int:pk>/outcomes/actions/", action_add, name="action_add"),
    path("<int:pk>/outcomes/issues/", issue_add, name="issue_add"),
    path("actions/<int:action_id>/status/", action_status, name="action_status"),
    path("actions/mine/", actions_mine, name="actions_mine"),
    path("projects/<int:project_id>/actions/", actions_overview, name="actions_overview"),
    path("projects/<int:project_id>/check-ins/", check_in_status, name="check_in_status"),
    path("<int:pk>/brainstorm/", brainstorm, name="brainstorm"),
    path("<int:pk>/brainstorm/ideas/", idea_add, name="idea_add"),
    path("<int:pk>/brainstorm/themes/", theme_add, name="theme_add"),
    path("brainstorm/ideas/<int:idea_id>/theme/", idea_theme, name="idea_theme"),
    path("brainstorm/ideas/<int:idea_id>/vote/", vote, name="vote"),
    path("<int:pk>/brainstorm/result/", brainstorm_result, name="brainstorm_result"),
    path("<int:pk>/brainstorm/result.<str:extension>", brainstorm_result_download, name="brainstorm_result_download"),
    path("<int:pk>/report/", event_report, name="report"),
    path("<int:pk>/report.docx", event_report_docx, name="report_docx"),
    path("<int:pk>/report/photos/<int:material_id>", report_photo, name="report_photo"),
]
