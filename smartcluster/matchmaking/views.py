"""Pages of the matchmaking app: thin views that parse input, call one service or selector, and render."""

from __future__ import annotations

import functools
import json
import zoneinfo
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from smartcluster.jobs.choices import JobStatus
from smartcluster.matchmaking import calendar, exports, forms, selectors, services
from smartcluster.matchmaking.charts import statistics_chart
from smartcluster.matchmaking.jobs import schedule_job_latest, schedule_jobs_active
from smartcluster.matchmaking.models import (
    Event,
    Meeting,
    MeetingStatus,
    Participant,
    ScheduleRun,
)
from smartcluster.organisations.selectors import organisation_editable_list
from smartcluster.reports.responses import file_response


def _run(request: HttpRequest, action: Callable[[], Any], success: str) -> bool:
    """Call a service; a refused rule becomes an error message (PermissionDenied still answers 403)."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True


def _next_url(request: HttpRequest, default: str) -> str:
    """Where to go after a POST: the page it came from, if that page is on this site."""
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())
    return target if target and safe else default


def _form_errors_to_messages(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _event(request: HttpRequest, event_id: int) -> Event:
    return selectors.event_get(user=request.user, pk=event_id)


def _organised_event(request: HttpRequest, event_id: int) -> Event:
    event = _event(request, event_id)
    if not selectors.event_is_organiser(user=request.user, event=event):
        raise PermissionDenied(_("Only the event's organisers may open this page."))
    return event


def _own_participant(request: HttpRequest, event: Event) -> Participant:
    participant = selectors.participant_of(user=request.user, event=event)
    if participant is None:
        raise Http404(_("You are not registered for this event."))
    return participant


def _context(request: HttpRequest, event: Event, **extra: Any) -> dict[str, Any]:
    return {"event": event, "me": selectors.participant_of(user=request.user, event=event),
            "is_organiser": selectors.event_is_organiser(user=request.user, event=event), **extra}


# --- events ------------------------------------------------------------------------------------------------------

def event_list(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "")
    events = Paginator(selectors.event_list(user=request.user, search=search), 20).get_page(request.GET.get("page"))
    organisers = organisation_editable_list(user=request.user)
    return render(request, "matchmaking/event_list.html", {
        "events": events, "q": search, "can_create": organisers.exists(),
    })


def _form_zone(request: HttpRequest, field: str, default: str) -> str:
    """The zone an event form's date-times are written in: the one chosen in the form, else `default`."""
    zone = request.POST.get(field, "")
    return zone if zone in zoneinfo.available_timezones() else default


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    with timezone.override(_form_zone(request, "time_zone", settings.TIME_ZONE)):
        return _event_create(request)


def _event_create(request: HttpRequest) -> HttpResponse:
    organisers = organisation_editable_list(user=request.user)
    if not organisers.exists():
        raise PermissionDenied(_("You may create events only for an organisation you edit."))
    form = forms.EventCreateForm(request.POST or None, organisers=organisers)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organiser = data.pop("organiser")
        try:
            event = services.event_create(user=request.user, organiser=organiser, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Event created: now add its meeting sessions."))
            return redirect("matchmaking:event_edit", event.pk)
    return render(request, "matchmaking/event_form.html", {"form": form})


def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    return render(request, "matchmaking/event_detail.html", _context(
        request, event, sessions=event.sessions.all(), slot_count=event.slots.count()))


@login_required
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    """Sessions and settings; the form's date-times are in the event's own time zone."""
    event = _organised_event(request, event_id)
    with timezone.override(_form_zone(request, "event-time_zone", event.time_zone)):
        return _event_edit(request, event)


def _event_edit(request: HttpRequest, event: Event) -> HttpResponse:
    form = forms.EventForm(request.POST or None, instance=event, prefix="event")
    session_form = forms.SessionForm(prefix="session")
    if request.method == "POST" and "add_session" in request.POST:
        session_form = forms.SessionForm(request.POST, prefix="session")
        form = forms.EventForm(instance=event, prefix="event")
        if session_form.is_valid() and _run(
            request, lambda: services.session_add(user=request.user, event=event, **session_form.cleaned_data),
            _("Session added."),
        ):
            return redirect("matchmaking:event_edit", event.pk)
    elif request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in forms.EventForm.Meta.fields}
        event = Event.objects.get(pk=event.pk)  # the form changed the instance in place; the service applies it
        if _run(request, lambda: services.event_update(user=request.user, event=event, **fields), _("Saved.")):
            return redirect("matchmaking:event_edit", event.pk)
    return render(request, "matchmaking/event_edit.html", _context(
        request, event, form=form, session_form=session_form, sessions=event.sessions.all(),
        slots=event.slots.all()))


@login_required
@require_POST
def session_delete(request: HttpRequest, event_id: int, session_id: int) -> HttpResponse:
    event = _organised_event(request, event_id)
    session = get_object_or_404(event.sessions, pk=session_id)
    _run(request, lambda: services.session_delete(user=request.user, session=session), _("Session removed."))
    return redirect("matchmaking:event_edit", event.pk)


def _scheduler_state(event: Event) -> dict[str, Any]:
    """The scheduler's last run and its latest job (running, or failed after that run)."""
    last_run = ScheduleRun.objects.filter(event=event).first()
    job = schedule_job_latest(event_id=event.pk)
    alive = {active.pk for active in schedule_jobs_active(event_id=event.pk)}
    return {"last_run": last_run, "job": job,
            "job_running": job is not None and job.pk in alive,  # an overdue job lost its process: not polled
            "job_failed": job is not None and job.status == JobStatus.FAILED
            and (last_run is None or job.created_at > last_run.ran_at)}


@login_required
def event_manage(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _organised_event(request, event_id)
    status = request.GET.get("status", "")
    return render(request, "matchmaking/event_manage.html", _context(
        request, event, status=status, **_scheduler_state(event),
        registrations=selectors.participant_registrations(event=event, status=status),
        meetings=selectors.meeting_list(user=request.user, event=event, status=MeetingStatus.ACCEPTED),
        pending_count=event.meetings.filter(status=MeetingStatus.PENDING).count(),
        decision_form=forms.DecisionForm(),
    ))


@login_required
@require_POST
def participant_decide(request: HttpRequest, event_id: int, participant_id: int) -> HttpResponse:
    event = _organised_event(request, event_id)
    participant = get_object_or_404(Participant, event=event, pk=participant_id)
    approve = request.POST.get("decision") == "approve"
    form = forms.DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    _run(request, lambda: services.participant_decide(user=request.user, participant=participant, approve=approve,
                                                      note=note),
         _("%(who)s approved.") % {"who": participant} if approve else _("%(who)s rejected.") % {"who": participant})
    return redirect("matchmaking:event_manage", event.pk)


@login_required
@require_POST
def event_schedule(request: HttpRequest, event_id: int) -> HttpResponse:
    """Start the scheduler in the background; the manage page then shows its progress."""
    event = _organised_event(request, event_id)
    _run(request, lambda: services.event_schedule_start(user=request.user, event=event),
         _("The scheduler is running; its progress is shown below."))
    return redirect("matchmaking:event_manage", event.pk)


@login_required
def event_schedule_status(request: HttpRequest, event_id: int) -> HttpResponse:
    """The scheduler's progress and last run (polled by htmx); once the job has finished the whole page reloads."""
    event = _organised_event(request, event_id)
    state = _scheduler_state(event)
    if request.htmx and not state["job_running"]:
        return HttpResponseClientRefresh()  # the meetings table below the status changed too
    return render(request, "matchmaking/_scheduler_status.html", _context(request, event, **state))


@login_required
@require_POST
def event_schedule_confirm(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _organised_event(request, event_id)
    count = services.event_schedule_confirm(user=request.user, event=event)
    messages.success(request, _("%(count)d meetings confirmed: later runs keep them.") % {"count": count})
    return redirect("matchmaking:event_manage", event.pk)


@login_required
def table_plan(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _organised_event(request, event_id)
    return render(request, "matchmaking/table_plan.html", _context(
        request, event, rows=selectors.table_plan(event=event), tables=range(1, event.table_count + 1)))


@login_required
def table_plan_docx(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _organised_event(request, event_id)
    return file_response(exports.table_plan_docx(event=event), name=f"matchmaking-event-{event.pk}-table-plan",
                         extension="docx")


@login_required
def event_statistics(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _organised_event(request, event_id)
    tables = selectors.event_statistics(event=event)
    charts = [(table, json.dumps(statistics_chart(table))) for table in tables]
    return render(request, "matchmaking/statistics.html", _context(request, event, charts=charts))


@login_required
def event_statistics_xlsx(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _organised_event(request, event_id)
    return file_response(exports.event_statistics_workbook(event=event),
                         name=f"matchmaking-event-{event.pk}-statistics", extension="xlsx")


# --- registration and profiles -----------------------------------------------------------------------------------

@login_required
def participant_register(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    if selectors.participant_of(user=request.user, event=event):
        return redirect("matchmaking:profile_edit", event.pk)
    initial = {"email": request.user.email, "person_name": request.user.get_full_name()}
    form = forms.RegistrationForm(request.POST or None, event=event, initial=initial)
    formset = forms.OpportunityFormSet(request.POST or None, prefix="opp")
    return _profile_page(request, event, form, formset,
                         functools.partial(services.participant_register, user=request.user, event=event),
                         _("Registered. The organisers will review your registration."), "matchmaking:event_detail")


@login_required
def profile_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    me = _own_participant(request, event)
    initial_opportunities = [
        {"kind": o.kind, "title": o.title, "description": o.description, "keywords": o.keywords}
        for o in me.opportunities.all()
    ]
    form = forms.ProfileForm(request.POST or None, event=event, initial=forms.ProfileForm.initial_from(me))
    formset = forms.OpportunityFormSet(request.POST or None, prefix="opp", initial=initial_opportunities)
    return _profile_page(request, event, form, formset,
                         functools.partial(services.participant_update, user=request.user, participant=me),
                         _("Profile saved."), "matchmaking:profile_edit", editing=True)


def _profile_page(request: HttpRequest, event: Event, form: forms.ProfileForm, formset: object,
                  save: Callable[..., object], saved: str, then: str, **context: object) -> HttpResponse:
    """The registration or profile form with its opportunities: on a valid POST, `save` them and go to `then`."""
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            save(**form.service_arguments(), opportunities=forms.opportunity_data(formset))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, saved)
            return redirect(then, event.pk)
    return render(request, "matchmaking/register.html", _context(request, event, form=form, formset=formset,
                                                                 **context))


def _catalogue_event(request: HttpRequest, event_id: int) -> Event:
    """The event whose profiles the user may see (403 for anyone but its approved participants and organisers)."""
    event = _event(request, event_id)
    if not selectors.catalogue_may_view(user=request.user, event=event):
        raise PermissionDenied(_("The participants' profiles are shown only to the event's approved participants "
                                 "and its organisers."))
    return event


@login_required
def catalogue(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _catalogue_event(request, event_id)
    filters = forms.CatalogueFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    participants = selectors.participant_catalogue(
        event=event, search=values.get("q", ""), country=values.get("country", ""),
        participant_type=values.get("participant_type", ""), sector=values.get("sector", ""),
        technology=values.get("technology", ""), kind=values.get("kind", ""),
    )
    page = Paginator(participants, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "matchmaking/catalogue.html", _context(
        request, event, filters=filters, page=page, query=query.urlencode(),
        countries=selectors.event_countries(event=event)))


@login_required
def participant_detail(request: HttpRequest, event_id: int, participant_id: int) -> HttpResponse:
    event = _event(request, event_id)
    participant = selectors.participant_get(user=request.user, event=event, pk=participant_id)
    me = selectors.participant_of(user=request.user, event=event)
    form = forms.MeetingRequestForm(request.POST or None)
    if request.method == "POST":
        if me is None:
            raise PermissionDenied(_("Register for the event to request meetings."))
        if form.is_valid() and _run(
            request, lambda: services.meeting_request(user=request.user, requester=me, recipient=participant,
                                                      message=form.cleaned_data["message"]),
            _("Request sent to %(who)s.") % {"who": participant},
        ):
            return redirect("matchmaking:inbox", event.pk)
    existing = selectors.pair_status(participant=me, other=participant) if me else None
    return render(request, "matchmaking/participant_detail.html", _context(
        request, event, participant=participant, form=form, existing=existing))


@login_required
def suggestions(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _catalogue_event(request, event_id)
    me = _own_participant(request, event)
    return render(request, "matchmaking/suggestions.html", _context(
        request, event, suggestions=selectors.participant_suggestions(participant=me, limit=20)))


# --- meetings ----------------------------------------------------------------------------------------------------

@login_required
def inbox(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    me = _own_participant(request, event)
    return render(request, "matchmaking/inbox.html", _context(
        request, event, inbox=selectors.meeting_inbox(participant=me),
        accepted_count=services.accepted_count(participant=me),
        incoming_actions=[("accept", _("Accept")), ("decline", _("Decline"))],
        outgoing_actions=[("withdraw", _("Withdraw"))], no_actions=[]))


@login_required
def agenda(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    me = _own_participant(request, event)
    feed_url = request.build_absolute_uri(reverse("matchmaking:agenda_feed", args=[me.feed_token]))
    return render(request, "matchmaking/agenda.html", _context(
        request, event, items=selectors.agenda(participant=me),
        unscheduled=selectors.unscheduled_meetings(participant=me), feed_url=feed_url))


def _ics_response(content: bytes, filename: str, method: str | None) -> HttpResponse:
    content_type = "text/calendar; charset=utf-8" + (f"; method={method}" if method else "")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def agenda_ics(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    me = _own_participant(request, event)
    meetings = [item.meeting for item in selectors.agenda(participant=me)]
    return _ics_response(calendar.agenda_ics(meetings, me, feed=False), f"agenda-{event.pk}.ics", "REQUEST")


def agenda_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscription feed: the secret token in the URL stands in for a login (calendar apps cannot log in)."""
    participant = get_object_or_404(Participant.objects.select_related("event"), feed_token=token)
    meetings = [item.meeting for item in selectors.agenda(participant=participant)]
    response = HttpResponse(calendar.agenda_ics(meetings, participant, feed=True),
                            content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, pk=meeting_id)
    me = selectors.participant_of(user=request.user, event=meeting.event)
    feedback = meeting.feedback.filter(participant=me).first() if me else None
    initial = ({"took_place": "yes" if feedback.took_place else "no", "outcome": feedback.outcome,
                "rating": feedback.rating, "comment": feedback.comment} if feedback else {})
    return render(request, "matchmaking/meeting_detail.html", _context(
        request, meeting.event, meeting=meeting, is_side=meeting.involves(me),
        partner=meeting.other_side(me) if meeting.involves(me) else None,
        feedback_form=forms.FeedbackForm(initial=initial), video_form=forms.VideoLinkForm(
            initial={"video_url": meeting.video_url}),
        attendance_form=forms.AttendanceForm(initial={"attendance": meeting.attendance}),
    ))


MEETING_ACTIONS: dict[str, tuple[Callable[..., Meeting], Any]] = {
    "accept": (services.meeting_accept, gettext_lazy("Meeting accepted.")),
    "decline": (services.meeting_decline, gettext_lazy("Request declined.")),
    "withdraw": (services.meeting_withdraw, gettext_lazy("Request withdrawn.")),
    "cancel": (services.meeting_cancel, gettext_lazy("Meeting cancelled.")),
}


@login_required
@require_POST
def meeting_action(request: HttpRequest, meeting_id: int, action: str) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, pk=meeting_id)
    if action not in MEETING_ACTIONS:
        raise Http404(_("Unknown action."))
    service, success = MEETING_ACTIONS[action]
    _run(request, lambda: service(user=request.user, meeting=meeting), str(success))
    return redirect(_next_url(request, reverse("matchmaking:meeting_detail", args=[meeting.pk])))


def _meeting_form_saved(request: HttpRequest, meeting_id: int, form_class: type,
                        save: Callable[[Meeting, dict], object], saved: str) -> Meeting:
    """A posted meeting form: `save(meeting, cleaned_data)` with `saved` as the message, or its errors as messages."""
    meeting = selectors.meeting_get(user=request.user, pk=meeting_id)
    form = form_class(request.POST)
    if form.is_valid():
        _run(request, lambda: save(meeting, form.cleaned_data), saved)
    else:
        _form_errors_to_messages(request, form)
    return meeting


@login_required
@require_POST
def meeting_video(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_form_saved(request, meeting_id, forms.VideoLinkForm, lambda meeting, data: (
        services.meeting_set_video_url(user=request.user, meeting=meeting, url=data["video_url"])),
        _("Room link saved."))
    return redirect("matchmaking:meeting_detail", meeting.pk)


@login_required
@require_POST
def meeting_attendance(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_form_saved(request, meeting_id, forms.AttendanceForm, lambda meeting, data: (
        services.meeting_set_attendance(user=request.user, meeting=meeting, attendance=data["attendance"])),
        _("Attendance recorded."))
    return redirect(_next_url(request, reverse("matchmaking:meeting_detail", args=[meeting.pk])))


@login_required
@require_POST
def meeting_lock(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, pk=meeting_id)
    _run(request, lambda: services.meeting_set_lock(user=request.user, meeting=meeting,
                                                    locked=request.POST.get("locked") == "1"), _("Saved."))
    return redirect("matchmaking:event_manage", meeting.event_id)


@login_required
@require_POST
def meeting_feedback(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, pk=meeting_id)
    form = forms.FeedbackForm(request.POST)
    if form.is_valid():
        _run(request, lambda: services.feedback_submit(user=request.user, meeting=meeting, **form.cleaned_data),
             _("Thank you for your feedback."))
    else:
        _form_errors_to_messages(request, form)
    return redirect("matchmaking:meeting_detail", meeting.pk)


@login_required
def meeting_ics(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, pk=meeting_id)
    me = selectors.participant_of(user=request.user, event=meeting.event)
    if not meeting.involves(me) or meeting.slot is None:
        raise Http404(_("No calendar entry for this meeting."))
    method = "REQUEST" if meeting.status == MeetingStatus.ACCEPTED else "CANCEL"
    return _ics_response(calendar.meeting_ics(meeting, me), f"meeting-{meeting.pk}.ics", method)
