"""Pages of the events app: calendar — the section's landing list, the month calendar, event pages and forms,
the iCalendar feeds, and the stakeholder groups. Views parse input, call one service or selector, and render."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from smartcluster.events.choices import EventKind
from smartcluster.events.exports.calendar import project_events_ics
from smartcluster.events.forms import calendar as forms
from smartcluster.events.models import ProjectEvent
from smartcluster.events.selectors import calendar as selectors
from smartcluster.events.selectors.participation import registration_of_user
from smartcluster.events.services import calendar as services
from smartcluster.organisations.selectors import partner_get, project_list
from smartcluster.site.views import service_result

# Pages of the other parts linked from an event's page when installed: (URL name, label, for the host only).
EVENT_PART_PAGES = (
    ("participation", gettext_lazy("Register"), False),
    ("materials", gettext_lazy("Materials"), False),
    ("outcomes", gettext_lazy("Minutes, decisions and actions"), False),
    ("feedback", gettext_lazy("Feedback survey"), False),
    ("participants", gettext_lazy("Participants and attendance"), True),
    ("feedback_results", gettext_lazy("Feedback results"), True),
    ("report", gettext_lazy("Event report"), True),
)


def _posted_zone(request: HttpRequest, default: str) -> str:
    """The zone a form's date-times are written in: the one posted with it, else `default`."""
    zone = request.POST.get("time_zone", "")
    return zone if zone in zoneinfo.available_timezones() else default


def _changeable_event(request: HttpRequest, pk: int) -> ProjectEvent:
    event = selectors.project_event_get(user=request.user, pk=pk)
    if not selectors.project_event_can_change(user=request.user, event=event):
        raise PermissionDenied(_("Only the host partner's editors (and administrators) may change this event."))
    return event


# --- lists and calendar ------------------------------------------------------------------------------------------

def _filtered(request: HttpRequest) -> tuple[forms.EventFilterForm, Any]:
    filters = forms.EventFilterForm(request.GET or None, user=request.user)
    events = selectors.project_event_list(user=request.user, **filters.selector_arguments())
    return filters, events


def _query(request: HttpRequest, *drop: str) -> str:
    query = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return query.urlencode()


def event_list(request: HttpRequest) -> HttpResponse:
    """The section's landing page: the project's events, filtered, with their derived semester."""
    filters, events = _filtered(request)
    page = Paginator(events, 25).get_page(request.GET.get("page"))
    for event in page:
        event.semester = selectors.project_event_semester(event)
    return render(request, "events/calendar/event_list.html", {
        "filters": filters, "events": page, "query": _query(request, "page"),
        "can_create": selectors.project_event_host_choices(user=request.user).exists(),
    })


def _month(request: HttpRequest) -> tuple[int, int]:
    try:
        first = dt.datetime.strptime(request.GET.get("month", ""), "%Y-%m").date()
    except ValueError:
        first = timezone.localdate()
    return first.year, first.month


def event_calendar(request: HttpRequest) -> HttpResponse:
    """A month of events as an accessible table; htmx swaps the month only when moving between months."""
    filters, events = _filtered(request)
    year, month = _month(request)
    template = "events/calendar/_month.html" if request.htmx else "events/calendar/event_calendar.html"
    feed_token = selectors.project_event_feed_token(user=request.user) if request.user.is_authenticated else ""
    return render(request, template, {"filters": filters, "month": selectors.project_event_month(
        events=events, year=year, month=month), "query": _query(request, "month"), "feed_token": feed_token})


def _feed_response(request: HttpRequest, events: Any, name: str) -> HttpResponse:
    pairs = [(event, request.build_absolute_uri(reverse("events:event_detail", args=[event.pk])))
             for event in events]
    response = HttpResponse(project_events_ics(pairs, name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="project-events.ics"'
    return response


def event_feed(request: HttpRequest) -> HttpResponse:
    """The public events as an iCalendar subscription (optionally of one project: ?project=<id>)."""
    project = request.GET.get("project", "")
    events = selectors.project_event_list(user=request.user, public_only=True,
                                          project=int(project) if project.isdigit() else None)
    return _feed_response(request, events, _("Project events"))


def event_user_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The user's own feed, internal events of the user's projects included: the token stands in for a login."""
    user = selectors.project_event_feed_user(token=token)
    if user is None:
        raise Http404(_("No such calendar feed."))
    return _feed_response(request, selectors.project_event_list(user=user), _("Project events"))


# --- one event ---------------------------------------------------------------------------------------------------

def _part_pages(event: ProjectEvent, *, host: bool, registered: bool) -> list[tuple[str, str]]:
    """Links to the other parts' pages of this event: the host's pages to its host, the survey to the people
    registered for it, the brainstorm for a brainstorm."""
    names = [(name, label) for name, label, host_only in EVENT_PART_PAGES
             if (host or not host_only) and (registered or name != "feedback")]
    if event.kind == EventKind.BRAINSTORM:
        names.append(("brainstorm", gettext_lazy("Brainstorm")))
    return [(reverse(f"events:{name}", args=[event.pk]), label) for name, label in names]


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.project_event_get(user=request.user, pk=pk)
    semester = selectors.project_event_semester(event)
    can_change = selectors.project_event_can_change(user=request.user, event=event)
    with timezone.override(event.time_zone):
        session_form = forms.EventSessionForm(initial={"starts_at": event.starts_at, "ends_at": event.ends_at})
        return render(request, "events/calendar/event_detail.html", {
            "event": event, "semester": semester, "after_project": bool(semester and semester >
                                                                         event.project.semesters),
            "sessions": selectors.event_session_list(event=event), "can_change": can_change,
            "session_form": session_form if can_change else None, "part_pages": _part_pages(
                event, host=can_change,
                registered=registration_of_user(user=request.user, event=event) is not None),
        })


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    hosts = selectors.project_event_host_choices(user=request.user)
    if not hosts.exists():
        raise PermissionDenied(_("You may create events only for a partner you edit."))
    with timezone.override(_posted_zone(request, settings.TIME_ZONE)):
        form = forms.ProjectEventForm(request.POST or None, user=request.user,
                                      initial={"host": hosts.first(), "is_published": True})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            event = service_result(form, lambda: services.project_event_create(
                user=request.user, project=data["host"].project, **data))
            if event is not None:
                messages.success(request, _("Event created: now add its agenda."))
                return redirect("events:event_detail", event.pk)
        return render(request, "events/calendar/event_form.html", {"form": form})


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = _changeable_event(request, pk)
    with timezone.override(_posted_zone(request, event.time_zone)):
        initial = {name: getattr(event, name) for name in services.EVENT_FIELDS}
        form = forms.ProjectEventForm(request.POST or None, user=request.user, initial=initial)
        if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.project_event_update(
                user=request.user, event=event, **form.cleaned_data)):
            messages.success(request, _("Event saved."))
            return redirect("events:event_detail", event.pk)
        return render(request, "events/calendar/event_form.html", {"form": form, "event": event})


@require_POST
@login_required
def event_delete(request: HttpRequest, pk: int) -> HttpResponse:
    event = _changeable_event(request, pk)
    services.project_event_delete(user=request.user, event=event)
    messages.success(request, _("Event deleted."))
    return redirect("events:event_list")


@require_POST
@login_required
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    """An agenda item, entered in the event's time zone; a refusal re-shows the event with the field named."""
    event = _changeable_event(request, pk)
    with timezone.override(event.time_zone):
        form = forms.EventSessionForm(request.POST)
        if form.is_valid() and service_result(form, lambda: services.event_session_add(
                user=request.user, event=event, **form.cleaned_data)):
            messages.success(request, _("Agenda item added."))
            return redirect("events:event_detail", event.pk)
        return render(request, "events/calendar/event_detail.html", {
            "event": event, "semester": selectors.project_event_semester(event), "can_change": True,
            "sessions": selectors.event_session_list(event=event), "session_form": form,
            "part_pages": _part_pages(event, host=True, registered=False)}, status=400)


@require_POST
@login_required
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.event_session_get(pk=pk)
    event = _changeable_event(request, session.event_id)
    services.event_session_delete(user=request.user, session=session)
    messages.success(request, _("Agenda item removed."))
    return redirect("events:event_detail", event.pk)


# --- stakeholder groups ------------------------------------------------------------------------------------------

def stakeholder_groups(request: HttpRequest) -> HttpResponse:
    """Every project's groups with their meetings planned against those held (8 over 8 semesters by default)."""
    projects = []
    for project in project_list():
        groups = []
        for group in selectors.stakeholder_group_list(project=project.pk):
            plan = selectors.stakeholder_group_meeting_plan(user=request.user, group=group)
            groups.append({"group": group, "planned": sum(row.planned for row in plan),
                           "held": sum(len(row.held) for row in plan),
                           "upcoming": sum(len(row.upcoming) for row in plan)})
        partners_without = [partner for partner in selectors.project_event_host_choices(user=request.user)
                            .filter(project=project, stakeholder_group__isnull=True)]
        if groups or partners_without:
            projects.append({"project": project, "groups": groups, "partners_without": partners_without})
    return render(request, "events/calendar/stakeholder_groups.html", {"projects": projects})


def stakeholder_group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A group: its members (all, or those on a date), by helix, and its meeting plan per semester."""
    group = selectors.stakeholder_group_get(pk=pk)
    on_form = forms.MembersOnForm(request.GET or None)
    on = on_form.cleaned_data["on"] if on_form.is_valid() else None
    members = (selectors.stakeholder_members_on(group=group, on=on) if on
               else selectors.stakeholder_member_list(group=group))
    can_change = selectors.stakeholder_group_can_change(user=request.user, group=group)
    return render(request, "events/calendar/stakeholder_group_detail.html", {
        "group": group, "members": members, "on": on,
        "helix_counts": sorted(Counter(member.helix_label for member in members).items()),
        "plan": selectors.stakeholder_group_meeting_plan(user=request.user, group=group),
        "can_change": can_change, "member_form": forms.StakeholderMemberForm(user=request.user)
        if can_change else None,
    })


@login_required
def stakeholder_group_create(request: HttpRequest, partner_id: int) -> HttpResponse:
    partner = partner_get(user=request.user, partner_id=partner_id)
    form = forms.StakeholderGroupForm(request.POST or None, initial={
        "name": _("Regional stakeholder group of %(partner)s") % {"partner": partner.organisation.name}})
    if request.method == "POST" and form.is_valid():
        group = service_result(form, lambda: services.stakeholder_group_create(user=request.user, partner=partner,
                                                                      **form.cleaned_data))
        if group is not None:
            messages.success(request, _("Stakeholder group created: now add its members."))
            return redirect("events:stakeholder_group_detail", group.pk)
    return render(request, "events/calendar/stakeholder_group_form.html", {"form": form, "partner": partner})


@login_required
def stakeholder_group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.stakeholder_group_get(pk=pk)
    if not selectors.stakeholder_group_can_change(user=request.user, group=group):
        raise PermissionDenied(_("Only the partner's editors (and administrators) may manage its stakeholder group."))
    form = forms.StakeholderGroupForm(request.POST or None, initial={
        "name": group.name, "meetings_per_semester": group.meetings_per_semester})
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.stakeholder_group_update(
            user=request.user, group=group, **form.cleaned_data)):
        messages.success(request, _("Stakeholder group saved."))
        return redirect("events:stakeholder_group_detail", group.pk)
    return render(request, "events/calendar/stakeholder_group_form.html", {
        "form": form, "partner": group.partner, "group": group})


@require_POST
@login_required
def stakeholder_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.stakeholder_group_get(pk=pk)
    form = forms.StakeholderMemberForm(request.POST, user=request.user)
    if form.is_valid() and service_result(form, lambda: services.stakeholder_member_add(user=request.user, group=group,
                                                                                **form.cleaned_data)):
        messages.success(request, _("Member added."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    return redirect("events:stakeholder_group_detail", group.pk)


@require_POST
@login_required
def stakeholder_member_leave(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the day a member left (the membership stays, for the members on earlier dates)."""
    member = selectors.stakeholder_member_get(pk=pk)
    form = forms.StakeholderLeaveForm(request.POST)
    if form.is_valid() and service_result(form, lambda: services.stakeholder_member_update(
            user=request.user, member=member, left_on=form.cleaned_data["left_on"])):
        messages.success(request, _("Departure recorded."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, _("Left on: %(error)s") % {"error": error})
    return redirect("events:stakeholder_group_detail", member.group_id)


urlpatterns: list[URLPattern] = [
    path("", event_list, name="event_list"),
    path("calendar/", event_calendar, name="event_calendar"),
    path("calendar.ics", event_feed, name="event_feed"),
    path("calendar/<str:token>.ics", event_user_feed, name="event_user_feed"),
    path("new/", event_create, name="event_create"),
    path("<int:pk>/", event_detail, name="event_detail"),
    path("<int:pk>/edit/", event_edit, name="event_edit"),
    path("<int:pk>/delete/", event_delete, name="event_delete"),
    path("<int:pk>/agenda/", session_add, name="session_add"),
    path("agenda/<int:pk>/delete/", session_delete, name="session_delete"),
    path("stakeholder-groups/", stakeholder_groups, name="stakeholder_groups"),
    path("stakeholder-groups/new/<int:partner_id>/", stakeholder_group_create, name="stakeholder_group_create"),
    path("stakeholder-groups/<int:pk>/", stakeholder_group_detail, name="stakeholder_group_detail"),
    path("stakeholder-groups/<int:pk>/edit/", stakeholder_group_edit, name="stakeholder_group_edit"),
    path("stakeholder-groups/<int:pk>/members/", stakeholder_member_add, name="stakeholder_member_add"),
    path("stakeholder-members/<int:pk>/left/", stakeholder_member_leave, name="stakeholder_member_leave"),
]
