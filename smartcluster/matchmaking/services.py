"""Writes of the matchmaking app: events, sessions, registrations, meeting requests, scheduling, feedback.

Every service checks who acts (PermissionDenied → 403) and the event's rules (ValidationError with a message
naming what is wrong) before it changes anything, inside one transaction.
"""

from __future__ import annotations

import datetime as dt
import secrets
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Model, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster import scheduling
from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.accounts.selectors import organisation_editor_list
from smartcluster.jobs.services import job_start
from smartcluster.matchmaking.jobs import SCHEDULE_KIND, schedule_jobs_active, schedule_time_limit
from smartcluster.matchmaking.models import (
    ACTIVE_STATUSES,
    Attendance,
    Event,
    Feedback,
    Meeting,
    MeetingStatus,
    Opportunity,
    Participant,
    RegistrationStatus,
    ScheduleRun,
    Session,
    TimeSlot,
)
from smartcluster.matchmaking.selectors import participant_of
from smartcluster.notifications import services as notifications
from smartcluster.organisations.choices import TagKind
from smartcluster.organisations.services import (
    organisation_get_or_create,
    person_for_user_save,
    tag_list_get_or_create,
)

User = get_user_model()

EVENT_FIELDS = (
    "title", "description", "time_zone", "registration_opens_at", "registration_closes_at", "requests_close_at",
    "meeting_minutes", "break_minutes", "mode", "table_count", "max_meetings_per_participant", "allowed_types",
    "requires_acceptance", "is_published",
)

# What matchmaking tells people (smartcluster.notifications); each kind can be taken by e-mail or not.
REGISTRATION_RECEIVED = notifications.notification_kind_register(
    "matchmaking.registration_received", gettext_lazy("Registrations for events you organise"))
REGISTRATION_DECIDED = notifications.notification_kind_register(
    "matchmaking.registration_decided", gettext_lazy("Decisions on your event registrations"))
MEETING_REQUESTED = notifications.notification_kind_register(
    "matchmaking.meeting_requested", gettext_lazy("Meeting requests to you"))
MEETING_ANSWERED = notifications.notification_kind_register(
    "matchmaking.meeting_answered", gettext_lazy("Answers to your meeting requests"))
MEETING_CANCELLED = notifications.notification_kind_register(
    "matchmaking.meeting_cancelled", gettext_lazy("Withdrawn and cancelled meetings"))
MEETING_REMINDER = notifications.notification_kind_register(
    "matchmaking.meeting_reminder", gettext_lazy("Reminders of meetings about to start"))
AGENDA_CHANGED = notifications.notification_kind_register(
    "matchmaking.agenda_changed", gettext_lazy("Changes to your meeting agenda"))


def _require_organiser(*, user: Any, event: Event) -> None:
    if not can_change(user, event):
        raise PermissionDenied(_("Only the event's organisers may do this."))


def _require_self(*, user: Any, participant: Participant) -> None:
    if not getattr(user, "is_authenticated", False) or participant.user_id != user.pk:
        raise PermissionDenied(_("You may act only for your own registration."))


# --- events, sessions, slots -------------------------------------------------------------------------------------

def event_create(*, user: Any, organiser: Any, **fields: Any) -> Event:
    """A new event organised by `organiser`; the user must be one of its editors."""
    if not can_create_for(user, organiser.pk):
        raise PermissionDenied(_("You may create events only for an organisation you edit."))
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown event fields: {sorted(unknown)}")
    event = Event(organiser=organiser, created_by=user, **fields)
    event.full_clean()
    event.save()
    return event


def event_update(*, user: Any, event: Event, **fields: Any) -> Event:
    """Change an event's settings; the slots follow when the meeting length or breaks change."""
    _require_organiser(user=user, event=event)
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown event fields: {sorted(unknown)}")
    with transaction.atomic():
        for name, value in fields.items():
            setattr(event, name, value)
        event.full_clean()
        event.save()
        event_slots_generate(event=event)
    return event


def session_add(*, user: Any, event: Event, date: dt.date, starts: dt.time, ends: dt.time) -> Session:
    """A meeting session on one day (event time zone); its slots are added."""
    _require_organiser(user=user, event=event)
    with transaction.atomic():
        session = Session(event=event, date=date, starts=starts, ends=ends)
        session.full_clean()
        session.save()
        event_slots_generate(event=event)
    return session


def session_delete(*, user: Any, session: Session) -> None:
    """Remove a session; refused while accepted meetings are scheduled in it."""
    event = session.event
    _require_organiser(user=user, event=event)
    with transaction.atomic():
        session.delete()
        event_slots_generate(event=event)


def slot_times(*, event: Event, sessions: Iterable[Session]) -> list[tuple[Session, dt.datetime, dt.datetime]]:
    """(session, start, end) of every slot: meetings of `meeting_minutes` separated by `break_minutes`."""
    zone = zoneinfo.ZoneInfo(event.time_zone)
    length = dt.timedelta(minutes=event.meeting_minutes)
    step = length + dt.timedelta(minutes=event.break_minutes)
    times = []
    for session in sorted(sessions, key=lambda s: (s.date, s.starts)):
        start = dt.datetime.combine(session.date, session.starts, tzinfo=zone)
        end_of_session = dt.datetime.combine(session.date, session.ends, tzinfo=zone)
        while start + length <= end_of_session:
            times.append((session, start.astimezone(dt.UTC), (start + length).astimezone(dt.UTC)))
            start += step
    return times


def event_slots_generate(*, event: Event) -> list[TimeSlot]:
    """Make the slots match the sessions; slots holding meetings are never silently removed (refused instead)."""
    wanted = slot_times(event=event, sessions=event.sessions.all())
    existing = {slot.starts_at: slot for slot in event.slots.all()}
    wanted_starts = {start for _session, start, _end in wanted}
    doomed = [slot for start, slot in existing.items() if start not in wanted_starts]
    booked = Meeting.objects.filter(slot__in=doomed)
    if booked.exists():
        raise ValidationError(
            _("This change would remove time slots that hold %(count)d scheduled meetings; cancel or move "
              "them first.") % {"count": booked.count()}
        )
    TimeSlot.objects.filter(pk__in=[slot.pk for slot in doomed]).delete()
    slots = []
    for number, (session, start, end) in enumerate(wanted, start=1):
        slot = existing.get(start) or TimeSlot(event=event, starts_at=start)
        if slot.pk is not None and slot.ends_at != end:
            # A longer or shorter meeting is a material change: calendars must update (iCalendar SEQUENCE).
            Meeting.objects.filter(slot=slot).update(sequence=F("sequence") + 1)
        slot.session, slot.number, slot.ends_at = session, number, end
        slot.save()
        slots.append(slot)
    return slots


# --- registrations -----------------------------------------------------------------------------------------------

def _check_registration_window(event: Event) -> None:
    now = timezone.now()
    if now < event.registration_opens_at:
        raise ValidationError(_("Registration opens on %(when)s.") % {"when": event.registration_opens_at})
    if now > event.registration_closes_at:
        raise ValidationError(_("Registration closed on %(when)s.") % {"when": event.registration_closes_at})


def _set_opportunities(participant: Participant, opportunities: Sequence[dict[str, str]]) -> None:
    participant.opportunities.all().delete()
    for data in opportunities:
        if not data.get("title", "").strip():
            continue
        opportunity = Opportunity(participant=participant, **data)
        opportunity.full_clean()
        opportunity.save()


def _set_availability(participant: Participant, available_slots: Iterable[TimeSlot] | None) -> None:
    if available_slots is None:
        participant.unavailable_slots.clear()
        return
    available = {slot.pk for slot in available_slots}
    participant.unavailable_slots.set(participant.event.slots.exclude(pk__in=available))


def participant_register(
    *,
    user: Any,
    event: Event,
    organisation_name: str,
    participant_type: str,
    country: str,
    person_name: str,
    email: str,
    time_zone: str,
    consent_to_publish: bool,
    job_title: str = "",
    region: Any = None,
    description: str = "",
    sectors: Iterable[Any] = (),
    technologies: Iterable[str] = (),
    opportunities: Sequence[dict[str, str]] = (),
    available_slots: Iterable[TimeSlot] | None = None,
) -> Participant:
    """Register the user at the event with a public profile; the registration waits for the organiser."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Log in to register."))
    _check_registration_window(event)
    if event.allowed_types and participant_type not in event.allowed_types:
        raise ValidationError(_("This event is not open to organisations of this type."))
    if not consent_to_publish:
        raise ValidationError(_("Registration needs your consent to show your profile to the participants."))
    if Participant.objects.filter(event=event, user=user).exists():
        raise ValidationError(_("You are already registered for this event."))
    with transaction.atomic():
        # Naming an organisation joins nobody to it: an existing one needs the user to belong to it (or to have
        # registered for it before); a new name creates an unpublished organisation.
        earlier = Participant.objects.filter(user=user).values_list("organisation_id", flat=True)
        organisation = organisation_get_or_create(user=user, name=organisation_name, vouched_ids=earlier,
                                                  type=participant_type, region=region)
        # The consent given here is the participant's (profile shown to the event's participants); a public
        # listing in the registry (consent_to_list) is another consent, left as the person set it.
        person = person_for_user_save(user=user, name=person_name, email=email, organisation=organisation,
                                      role=job_title)
        participant = Participant(
            event=event, user=user, organisation=organisation, person=person, participant_type=participant_type,
            country=country.upper(), region=region, description=description, time_zone=time_zone,
            consent_to_publish=True, feed_token=secrets.token_urlsafe(24),
        )
        participant.full_clean()
        participant.save()
        participant.sectors.set(sectors)
        participant.technologies.set(tag_list_get_or_create(names=technologies, kind=TagKind.TECHNOLOGY))
        _set_opportunities(participant, opportunities)
        _set_availability(participant, available_slots)
    for editor in organisation_editor_list(organisation_id=event.organiser_id):
        _notify(user=editor, kind=REGISTRATION_RECEIVED, event=event,
                url=reverse("matchmaking:event_manage", args=[event.pk]),
                subject=_("New registration for %(event)s: %(who)s") % {"event": event.title, "who": participant})
    return participant


def participant_update(
    *,
    user: Any,
    participant: Participant,
    description: str,
    time_zone: str,
    country: str,
    region: Any = None,
    sectors: Iterable[Any] = (),
    technologies: Iterable[str] = (),
    opportunities: Sequence[dict[str, str]] = (),
    available_slots: Iterable[TimeSlot] | None = None,
) -> Participant:
    """The participant edits their own profile, opportunities and availability."""
    _require_self(user=user, participant=participant)
    with transaction.atomic():
        participant.description, participant.time_zone = description, time_zone
        participant.country, participant.region = country.upper(), region
        participant.full_clean()
        participant.save()
        participant.sectors.set(sectors)
        participant.technologies.set(tag_list_get_or_create(names=technologies, kind=TagKind.TECHNOLOGY))
        _set_opportunities(participant, opportunities)
        _set_availability(participant, available_slots)
    return participant


def participant_decide(*, user: Any, participant: Participant, approve: bool, note: str = "") -> Participant:
    """The organiser approves or rejects a registration; a rejection cancels the participant's meetings."""
    _require_organiser(user=user, event=participant.event)
    with transaction.atomic():
        participant.status = RegistrationStatus.APPROVED if approve else RegistrationStatus.REJECTED
        participant.decision_note = note[:300]
        participant.decided_at = timezone.now()
        participant.save(update_fields=["status", "decision_note", "decided_at"])
        if not approve:
            for meeting in Meeting.objects.filter(
                Q(requester=participant) | Q(recipient=participant), status__in=ACTIVE_STATUSES
            ):
                _close_meeting(meeting, MeetingStatus.CANCELLED)
    subject = (_("Your registration for %(event)s is approved") if approve
               else _("Your registration for %(event)s was not accepted")) % {"event": participant.event.title}
    _notify(user=participant.user, kind=REGISTRATION_DECIDED, subject=subject, body=note, event=participant.event,
            url=reverse("matchmaking:event_detail", args=[participant.event_id]))
    return participant


# --- meeting requests --------------------------------------------------------------------------------------------

def _check_requests_open(event: Event) -> None:
    if timezone.now() > event.requests_close_at:
        raise ValidationError(_("Meeting requests closed on %(when)s.") % {"when": event.requests_close_at})


def accepted_count(*, participant: Participant) -> int:
    """Meetings accepted by or with this participant (the number the event's limit caps)."""
    return Meeting.objects.filter(
        Q(requester=participant) | Q(recipient=participant), status=MeetingStatus.ACCEPTED
    ).count()


def _lock_participants(*participants: Participant) -> list[Participant]:
    """Lock both sides' rows (in primary-key order, so two transactions never wait on each other in a cycle)."""
    return list(Participant.objects.select_for_update().filter(pk__in=[p.pk for p in participants]).order_by("pk"))


def _check_limits(event: Event, *participants: Participant) -> None:
    for participant in participants:
        if accepted_count(participant=participant) >= event.max_meetings_per_participant:
            raise ValidationError(
                _("%(who)s already has the maximum of %(limit)d meetings at this event.")
                % {"who": participant, "limit": event.max_meetings_per_participant}
            )


def meeting_request(*, user: Any, requester: Participant, recipient: Participant, message: str = "") -> Meeting:
    """Send a meeting request (accepted at once when the event needs no acceptance)."""
    _require_self(user=user, participant=requester)
    event = requester.event
    if recipient.event_id != event.pk:
        raise ValidationError(_("You can only request meetings with participants of the same event."))
    if recipient.pk == requester.pk:
        raise ValidationError(_("You cannot request a meeting with yourself."))
    if not requester.is_approved:
        raise ValidationError(_("Your registration has not been approved yet."))
    if not recipient.is_approved:
        raise ValidationError(_("This participant is not (or no longer) approved for the event."))
    _check_requests_open(event)
    with transaction.atomic():
        _lock_participants(requester, recipient)
        pair = Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester)
        if Meeting.objects.filter(pair, status__in=ACTIVE_STATUSES).exists():
            raise ValidationError(_("There is already a request or a meeting between you and %(who)s.")
                                  % {"who": recipient})
        _check_limits(event, requester, recipient)
        meeting = Meeting(event=event, requester=requester, recipient=recipient, message=message)
        if not event.requires_acceptance:
            meeting.status, meeting.answered_at = MeetingStatus.ACCEPTED, timezone.now()
        meeting.full_clean()
        meeting.save()
    _notify(
        user=recipient.user, kind=MEETING_REQUESTED, event=event, meeting=meeting,
        subject=_("Meeting request from %(who)s") % {"who": requester},
        body=message, url=reverse("matchmaking:meeting_detail", args=[meeting.pk]),
    )
    return meeting


def _locked_meeting(meeting: Meeting) -> Meeting:
    # of=("self",): lock the meeting row only; the limits are guarded by the participants' row locks.
    return Meeting.objects.select_for_update(of=("self",)).select_related("event").get(pk=meeting.pk)


def meeting_accept(*, user: Any, meeting: Meeting) -> Meeting:
    """The recipient accepts; refused once either side has reached the event's limit (checked under row locks)."""
    _require_self(user=user, participant=meeting.recipient)
    _check_requests_open(meeting.event)
    with transaction.atomic():
        sides = _lock_participants(meeting.requester, meeting.recipient)
        locked = _locked_meeting(meeting)
        if locked.status != MeetingStatus.PENDING:
            raise ValidationError(_("This request is no longer open (%(status)s).")
                                  % {"status": locked.get_status_display()})
        if not all(side.is_approved for side in sides):
            raise ValidationError(_("Both sides must be approved participants."))
        _check_limits(locked.event, meeting.requester, meeting.recipient)
        locked.status, locked.answered_at = MeetingStatus.ACCEPTED, timezone.now()
        locked.save(update_fields=["status", "answered_at", "updated_at"])
    _notify(
        user=locked.requester.user, kind=MEETING_ANSWERED, event=locked.event, meeting=locked,
        subject=_("%(who)s accepted your meeting request") % {"who": locked.recipient},
        url=reverse("matchmaking:meeting_detail", args=[locked.pk]),
    )
    return locked


def meeting_decline(*, user: Any, meeting: Meeting) -> Meeting:
    """The recipient declines a pending request."""
    _require_self(user=user, participant=meeting.recipient)
    with transaction.atomic():
        locked = _locked_meeting(meeting)
        if locked.status != MeetingStatus.PENDING:
            raise ValidationError(_("Only an open request can be declined."))
        locked.status, locked.answered_at = MeetingStatus.DECLINED, timezone.now()
        locked.save(update_fields=["status", "answered_at", "updated_at"])
    _notify(
        user=locked.requester.user, kind=MEETING_ANSWERED, event=locked.event, meeting=locked,
        subject=_("%(who)s declined your meeting request") % {"who": locked.recipient},
        url=reverse("matchmaking:meeting_detail", args=[locked.pk]),
    )
    return locked


def _close_meeting(meeting: Meeting, status: str) -> None:
    """End an active meeting; a scheduled one keeps its slot so the calendar cancellation names it."""
    was_scheduled = meeting.is_scheduled
    meeting.status = status
    if was_scheduled:
        meeting.sequence += 1
    else:
        meeting.slot, meeting.table = None, None
    meeting.is_locked = False
    meeting.save()


def meeting_withdraw(*, user: Any, meeting: Meeting) -> Meeting:
    """The requester withdraws a pending or accepted request."""
    _require_self(user=user, participant=meeting.requester)
    with transaction.atomic():
        locked = _locked_meeting(meeting)
        if locked.status not in ACTIVE_STATUSES:
            raise ValidationError(_("This request is no longer active."))
        _close_meeting(locked, MeetingStatus.WITHDRAWN if locked.status == MeetingStatus.PENDING
                       else MeetingStatus.CANCELLED)
    _notify(
        user=locked.recipient.user, kind=MEETING_CANCELLED, event=locked.event, meeting=locked,
        subject=_("%(who)s withdrew the meeting request") % {"who": locked.requester},
        url=reverse("matchmaking:meeting_detail", args=[locked.pk]),
    )
    return locked


def meeting_cancel(*, user: Any, meeting: Meeting) -> Meeting:
    """Either side or the organiser cancels an accepted meeting; both sides are told."""
    if not (meeting.involves(participant_of(user=user, event=meeting.event)) or can_change(user, meeting.event)):
        raise PermissionDenied(_("Only the two sides or the organisers may cancel a meeting."))
    with transaction.atomic():
        locked = _locked_meeting(meeting)
        if locked.status != MeetingStatus.ACCEPTED:
            raise ValidationError(_("Only an accepted meeting can be cancelled."))
        _close_meeting(locked, MeetingStatus.CANCELLED)
    for side in (locked.requester, locked.recipient):
        _notify(user=side.user, kind=MEETING_CANCELLED, event=locked.event, meeting=locked,
                subject=_("Meeting cancelled: %(meeting)s") % {"meeting": locked},
                url=reverse("matchmaking:meeting_detail", args=[locked.pk]))
    return locked


def meeting_set_video_url(*, user: Any, meeting: Meeting, url: str) -> Meeting:
    """One of the two sides pastes their own video-room link."""
    if not meeting.involves(participant_of(user=user, event=meeting.event)):
        raise PermissionDenied(_("Only the two sides may change the room link."))
    meeting.video_url = url
    meeting.full_clean()
    meeting.sequence += 1
    meeting.save(update_fields=["video_url", "sequence", "updated_at"])
    return meeting


def meeting_set_attendance(*, user: Any, meeting: Meeting, attendance: str) -> Meeting:
    """Record that a scheduled meeting was held or was a no-show (organiser or either side)."""
    if not (meeting.involves(participant_of(user=user, event=meeting.event)) or can_change(user, meeting.event)):
        raise PermissionDenied(_("Only the two sides or the organisers may record attendance."))
    if meeting.status != MeetingStatus.ACCEPTED:
        raise ValidationError(_("Attendance is recorded only for accepted meetings."))
    if attendance not in Attendance.values:
        raise ValidationError(_("Unknown attendance value “%(value)s”.") % {"value": attendance})
    meeting.attendance = attendance
    meeting.save(update_fields=["attendance", "updated_at"])
    return meeting


def feedback_submit(
    *, user: Any, meeting: Meeting, took_place: bool, outcome: str = "", rating: int | None = None, comment: str = ""
) -> Feedback:
    """One side's feedback; "did not take place" from either side makes the meeting a no-show (as Brella does)."""
    participant = participant_of(user=user, event=meeting.event)
    if not meeting.involves(participant):
        raise PermissionDenied(_("Only the two sides may give feedback on a meeting."))
    if meeting.status != MeetingStatus.ACCEPTED:
        raise ValidationError(_("Feedback is given only on accepted meetings."))
    with transaction.atomic():
        feedback = Feedback.objects.filter(meeting=meeting, participant=participant).first() or Feedback(
            meeting=meeting, participant=participant)
        feedback.took_place, feedback.outcome, feedback.rating, feedback.comment = took_place, outcome, rating, comment
        feedback.full_clean()
        feedback.save()
        if not took_place:
            meeting.attendance = Attendance.NO_SHOW
        elif meeting.attendance == Attendance.UNKNOWN:
            meeting.attendance = Attendance.HELD
        meeting.save(update_fields=["attendance", "updated_at"])
    return feedback


# --- notifications -----------------------------------------------------------------------------------------------

def _notify(*, user: Any, kind: str, subject: str, event: Event, meeting: Meeting | None = None, body: str = "",
            url: str = "") -> None:
    """Tell one user about an event or a meeting (inbox, and e-mail as they chose), dated in the event's zone."""
    topic_key = f"matchmaking.meeting:{meeting.pk}" if meeting else f"matchmaking.event:{event.pk}"
    notifications.notification_send(user=user, kind=kind, subject=subject, body=body, url=url, topic=event.title,
                                    topic_key=topic_key, time_zone=event.time_zone)


def meeting_reminders_send(*, now: dt.datetime | None = None, ahead: dt.timedelta = dt.timedelta(minutes=30)) -> int:
    """Remind both sides of the scheduled meetings that start within `ahead` (once per schedule version: a moved
    meeting is reminded again); times in each side's own zone, with the room link. Returns how many meetings."""
    now = now or timezone.now()
    due = (Meeting.objects.select_related("event", "slot", "requester__user", "recipient__user",
                                          "requester__organisation", "recipient__organisation")
           .filter(status=MeetingStatus.ACCEPTED, slot__starts_at__gt=now, slot__starts_at__lte=now + ahead)
           .exclude(reminded_sequence=F("sequence")))
    count = 0
    for meeting in due:
        for side in (meeting.requester, meeting.recipient):
            starts = meeting.slot.starts_at.astimezone(zoneinfo.ZoneInfo(side.time_zone))
            _notify(
                user=side.user, kind=MEETING_REMINDER, event=meeting.event, meeting=meeting,
                url=meeting.video_url or reverse("matchmaking:meeting_detail", args=[meeting.pk]),
                subject=_("Reminder: meeting with %(partner)s at %(time)s (%(zone)s)") % {
                    "partner": meeting.other_side(side).organisation.name, "time": f"{starts:%H:%M}",
                    "zone": side.time_zone},
            )
        Meeting.objects.filter(pk=meeting.pk).update(reminded_sequence=meeting.sequence)
        count += 1
    return count


# --- video rooms -------------------------------------------------------------------------------------------------

def video_room_url() -> str:
    """A fresh room on the configured video server, named unguessably (empty when no server is configured)."""
    base = getattr(settings, "MATCHMAKING_VIDEO_BASE_URL", "")
    if not base:
        return ""
    return f"{base.rstrip('/')}/smartcluster-{secrets.token_urlsafe(16)}"


# --- scheduling --------------------------------------------------------------------------------------------------

def schedule_problem(*, event: Event, meetings: Sequence[Meeting]) -> scheduling.SchedulingProblem:
    """The event as the scheduler's plain data: ids are database keys, slots numbered 1.. in time order."""
    number_of = {slot.pk: slot.number for slot in event.slots.all()}
    participants = list(Participant.objects.filter(event=event, status=RegistrationStatus.APPROVED)
                        .prefetch_related("unavailable_slots"))
    return scheduling.SchedulingProblem(
        n_slots=len(number_of),
        n_tables=event.table_count,
        meetings=tuple(
            scheduling.Meeting(
                id=meeting.pk, a=meeting.requester_id, b=meeting.recipient_id,
                locked_slot=number_of.get(meeting.slot_id) if meeting.is_locked else None,
                locked_table=meeting.table if meeting.is_locked else None,
            )
            for meeting in meetings
        ),
        participants=tuple(p.pk for p in participants),
        unavailable={p.pk: frozenset(number_of[s.pk] for s in p.unavailable_slots.all()) for p in participants},
        max_meetings=event.max_meetings_per_participant,
        fairness=2,  # d = 2 as in Bofill et al. (JAIR 2022)
    )


def _accepted_meetings(event: Event, *, lock: bool = False) -> list[Meeting]:
    meetings = Meeting.objects.select_for_update(of=("self",)) if lock else Meeting.objects
    return list(meetings.select_related("requester", "recipient").filter(event=event, status=MeetingStatus.ACCEPTED)
                .order_by("answered_at", "pk"))


def _schedule_inputs(meetings: Sequence[Meeting]) -> list[tuple]:
    """What the scheduler was given about each meeting (a change meanwhile voids its answer)."""
    return [(m.pk, m.slot_id, m.table, m.is_locked) for m in meetings]


def _no_step(step: str, counts: dict) -> None:
    """The default `on_step` of event_schedule: nobody is watching."""


def event_schedule(*, user: Any, event: Event, time_limit: float = 20.0,
                   on_step: Callable[[str, dict], None] = _no_step) -> ScheduleRun:
    """Place the accepted meetings into slots and tables (confirmed ones stay put); list what could not be placed.

    Meetings that move get a new SEQUENCE (their calendar entries update) and, online, a video room. `on_step(step,
    counts)` hears "solving", "saving" and "notifying" (a background job's progress).
    """
    _require_organiser(user=user, event=event)
    slots = {slot.number: slot for slot in event.slots.all()}
    if not slots:
        raise ValidationError(_("The event has no time slots yet: add meeting sessions first."))
    meetings = _accepted_meetings(event)
    on_step("solving", {"accepted": len(meetings), "slots": len(slots), "seconds": time_limit})
    # Solve outside the transaction: the solver may take seconds, and SQLite would hold every writer meanwhile.
    result = scheduling.schedule_meetings(schedule_problem(event=event, meetings=meetings), time_limit=time_limit)
    on_step("saving", {"accepted": len(meetings), "scheduled": len(result.placements)})
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if _schedule_inputs(_accepted_meetings(event, lock=True)) != _schedule_inputs(meetings):
            raise ValidationError(_("Meetings changed while the scheduler was running; run it again."))
        by_pk = {meeting.pk: meeting for meeting in meetings}
        # Free every place first: a meeting may move into a table another one is leaving.
        Meeting.objects.filter(pk__in=list(by_pk)).update(slot=None, table=None)
        changed: set[int] = set()
        for meeting in meetings:
            placement = result.placements.get(meeting.pk)
            new_slot = slots[placement.slot] if placement else None
            new_table = placement.table if placement else None
            if (meeting.slot_id, meeting.table) != (getattr(new_slot, "pk", None), new_table):
                meeting.sequence += 1
                changed.update({meeting.requester.user_id, meeting.recipient.user_id})
            meeting.slot, meeting.table = new_slot, new_table
            if meeting.pk in result.dropped_locks:
                meeting.is_locked = False
            meeting.unscheduled_reason = (result.unscheduled.get(meeting.pk) or result.dropped_locks.get(meeting.pk)
                                          or "")[:300]
            if placement and event.is_online and not meeting.video_url:
                meeting.video_url = video_room_url()
            meeting.save(update_fields=["slot", "table", "sequence", "is_locked", "unscheduled_reason", "video_url",
                                        "updated_at"])
        run = ScheduleRun.objects.create(
            event=event, ran_by=user, accepted_count=len(meetings), scheduled_count=len(result.placements),
            upper_bound=result.weight_bound, is_optimal=result.optimal, total_breaks=result.total_breaks,
            seconds=round(result.seconds, 3),
            conflicts=[{"meeting": pk, "between": str(by_pk[pk]), "reason": reason}
                       for pk, reason in [*result.unscheduled.items(), *result.dropped_locks.items()]],
        )
    agenda_url = reverse("matchmaking:agenda", args=[event.pk])
    on_step("notifying", {"people": len(changed)})
    for user_id in changed:
        _notify(user=User.objects.get(pk=user_id), kind=AGENDA_CHANGED, event=event, url=agenda_url,
                subject=_("Your agenda for %(event)s has changed") % {"event": event.title})
    return run


def event_schedule_start(*, user: Any, event: Event, time_limit: float | None = None) -> Model:
    """Start the scheduler as a background job (event_schedule with a longer time limit); one run per event at once."""
    _require_organiser(user=user, event=event)
    if schedule_jobs_active(event_id=event.pk):
        raise ValidationError(_("The scheduler is already running for this event; wait until it finishes."))
    if not event.slots.exists():
        raise ValidationError(_("The event has no time slots yet: add meeting sessions first."))
    limit = schedule_time_limit() if time_limit is None else time_limit
    return job_start(kind=SCHEDULE_KIND, title=_("Scheduler for %(event)s") % {"event": event.title},
                     params={"event": event.pk, "user": user.pk, "time_limit": limit}, user=user)


def event_schedule_confirm(*, user: Any, event: Event) -> int:
    """Confirm (lock) every scheduled meeting so that later runs keep it where it is; returns how many."""
    _require_organiser(user=user, event=event)
    return Meeting.objects.filter(event=event, status=MeetingStatus.ACCEPTED, slot__isnull=False,
                                  is_locked=False).update(is_locked=True)


def meeting_set_lock(*, user: Any, meeting: Meeting, locked: bool) -> Meeting:
    """The organiser confirms (or releases) one scheduled meeting."""
    _require_organiser(user=user, event=meeting.event)
    if locked and not meeting.is_scheduled:
        raise ValidationError(_("Only a scheduled meeting can be confirmed."))
    meeting.is_locked = locked
    meeting.save(update_fields=["is_locked", "updated_at"])
    return meeting
