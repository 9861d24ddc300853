"""The rules of events, registrations, meeting requests, scheduling and feedback, proved on the services."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from smartcluster.matchmaking import services
from smartcluster.matchmaking.models import (
    Attendance,
    Event,
    Meeting,
    MeetingStatus,
    RegistrationStatus,
)
from smartcluster.matchmaking.tests.conftest import EVENT_DAY, create_event, make_user, register
from smartcluster.notifications import services as notification_services
from smartcluster.notifications.models import Notification
from smartcluster.organisations.models import Organisation, OrganisationType, Person

pytestmark = pytest.mark.django_db

UTC = dt.UTC


# --- events and slots --------------------------------------------------------------------------------------------

def test_event_create_refused_for_an_organisation_the_user_does_not_edit(organiser_user, other_organiser):
    foreign = Organisation.objects.get(name="Agencia Murcia")
    with pytest.raises(PermissionDenied):
        services.event_create(
            user=organiser_user, organiser=foreign, title="Forged", time_zone="UTC",
            registration_opens_at=timezone.now(), registration_closes_at=timezone.now() + dt.timedelta(days=1),
            requests_close_at=timezone.now() + dt.timedelta(days=1),
        )
    assert not Event.objects.filter(title="Forged").exists()


def test_session_is_cut_into_slots_of_meeting_plus_break_in_the_event_time_zone(event):
    # 09:00–11:00 Vilnius (UTC+2 in March 2030, before DST): 25-minute meetings every 30 minutes → 4 slots,
    # 10:30–10:55 the last one (10:55 ≤ 11:00).
    slots = list(event.slots.order_by("starts_at"))
    assert [slot.number for slot in slots] == [1, 2, 3, 4]
    assert slots[0].starts_at == dt.datetime(2030, 3, 14, 7, 0, tzinfo=UTC)
    assert slots[3].starts_at == dt.datetime(2030, 3, 14, 8, 30, tzinfo=UTC)
    assert slots[3].ends_at == dt.datetime(2030, 3, 14, 8, 55, tzinfo=UTC)


def test_second_session_numbers_slots_straight_through(event, organiser_user):
    services.session_add(user=organiser_user, event=event, date=EVENT_DAY, starts=dt.time(14), ends=dt.time(15))
    assert list(event.slots.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_event_update_by_another_organiser_is_forbidden_and_changes_nothing(event, other_organiser):
    with pytest.raises(PermissionDenied):
        services.event_update(user=other_organiser, event=event, title="Taken over")
    event.refresh_from_db()
    assert event.title == "Smart Industry B2B"


def test_meeting_length_change_regenerates_slots(event, organiser_user):
    services.event_update(user=organiser_user, event=event, meeting_minutes=55, break_minutes=5)
    assert event.slots.count() == 2


def test_longer_meetings_raise_the_calendar_sequence_of_scheduled_ones(event, organiser_user, participant_factory):
    a, b = participant_factory("abel"), participant_factory("bart")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    services.meeting_accept(user=b.user, meeting=meeting)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    before = Meeting.objects.get(pk=meeting.pk).sequence
    services.event_update(user=organiser_user, event=event, meeting_minutes=28, break_minutes=2)
    after = Meeting.objects.get(pk=meeting.pk)
    assert after.sequence == before + 1
    assert after.slot.ends_at - after.slot.starts_at == dt.timedelta(minutes=28)


def test_zero_meeting_limit_is_refused(organiser_user):
    with pytest.raises(ValidationError):
        create_event(organiser_user, max_meetings_per_participant=0)


def test_removing_a_session_that_holds_scheduled_meetings_is_refused(event, organiser_user, participant_factory):
    a, b = participant_factory("anna"), participant_factory("bert")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    services.meeting_accept(user=b.user, meeting=meeting)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    with pytest.raises(ValidationError, match="scheduled meetings"):
        services.session_delete(user=organiser_user, session=event.sessions.get())
    assert event.slots.count() == 4


# --- registration ------------------------------------------------------------------------------------------------

def test_registration_waits_for_approval_and_creates_shared_organisation_and_person(event):
    participant = register(event, "carla", approve=False, technologies=["Machine vision", "machine vision"],
                           opportunities=[{"kind": "offer", "title": "Vision inspection", "keywords": "AI, QA"}])
    assert participant.status == RegistrationStatus.PENDING
    assert participant.organisation.name == "Carla Ltd"
    # Consent to a public listing is not the consent given here (issue 13, defect 4).
    assert participant.person.user == participant.user and not participant.person.consent_to_list
    assert participant.person.organisation == participant.organisation and not participant.organisation.is_published
    assert [tag.name for tag in participant.technologies.all()] == ["Machine vision"]
    assert participant.opportunities.get().keyword_list == ["AI", "QA"]
    assert Notification.objects.filter(user=event.created_by, subject__contains="New registration").exists()


def test_registration_reuses_an_existing_organisation_case_insensitively_for_its_members(event):
    existing = Organisation.objects.create(name="DORA LTD", type=OrganisationType.SME)
    Person.objects.create(name="Dora", user=make_user("dora"), organisation=existing)
    participant = services.participant_register(
        user=get_user_model().objects.get(username="dora"), event=event, organisation_name="Dora Ltd",
        participant_type="sme", country="LT", person_name="Dora", email="dora@example.org", time_zone="UTC",
        consent_to_publish=True)
    assert participant.organisation == existing


def test_registration_after_the_window_is_refused(organiser_user):
    closed = create_event(organiser_user, registration_opens_at=timezone.now() - dt.timedelta(days=5),
                          registration_closes_at=timezone.now() - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="Registration closed"):
        register(closed, "late", approve=False)


def test_registration_of_a_type_not_allowed_is_refused(organiser_user):
    universities_only = create_event(organiser_user, allowed_types=["university"])
    with pytest.raises(ValidationError, match="not open"):
        register(universities_only, "firm", approve=False, participant_type="sme")


def test_registration_without_consent_is_refused(event):
    with pytest.raises(ValidationError, match="consent"):
        services.participant_register(
            user=make_user("shy"), event=event, organisation_name="Shy", participant_type="sme", country="LT",
            person_name="Shy", email="", time_zone="UTC", consent_to_publish=False,
        )


def test_registering_twice_is_refused(event):
    participant = register(event, "ema", approve=False)
    with pytest.raises(ValidationError, match="already registered"):
        services.participant_register(
            user=participant.user, event=event, organisation_name="Ema Ltd", participant_type="sme", country="LT",
            person_name="Ema", email="", time_zone="UTC", consent_to_publish=True,
        )


def test_availability_keeps_only_ticked_slots(event):
    slots = list(event.slots.order_by("starts_at"))
    participant = register(event, "fay", available_slots=slots[:2])
    assert set(participant.unavailable_slots.all()) == set(slots[2:])


def test_only_organisers_decide_registrations(event, other_organiser):
    participant = register(event, "gus", approve=False)
    with pytest.raises(PermissionDenied):
        services.participant_decide(user=other_organiser, participant=participant, approve=True)
    with pytest.raises(PermissionDenied):
        services.participant_decide(user=participant.user, participant=participant, approve=True)
    participant.refresh_from_db()
    assert participant.status == RegistrationStatus.PENDING


def test_rejecting_a_participant_cancels_their_meetings_and_tells_them(event, organiser_user, participant_factory):
    a, b = participant_factory("hana"), participant_factory("ivo")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    services.participant_decide(user=organiser_user, participant=b, approve=False, note="Out of scope")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert Notification.objects.filter(user=b.user, subject__contains="not accepted").exists()


# --- meeting requests --------------------------------------------------------------------------------------------

def test_request_then_accept_notifies_by_inbox_and_mail(participant_factory, django_capture_on_commit_callbacks):
    a, b = participant_factory("jan"), participant_factory("kim")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_request(user=a.user, requester=a, recipient=b, message="Sensors for your line?")
    assert meeting.status == MeetingStatus.PENDING
    assert Notification.objects.get(user=b.user, topic_key=f"matchmaking.meeting:{meeting.pk}").body == "Sensors for your line?"
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_accept(user=b.user, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ACCEPTED
    assert Notification.objects.filter(user=a.user, topic_key=f"matchmaking.meeting:{meeting.pk}",
                                       subject__contains="accepted").exists()
    assert {message.to[0] for message in mail.outbox} == {a.user.email, b.user.email}


def test_request_to_oneself_is_refused(participant_factory):
    a = participant_factory("lea")
    with pytest.raises(ValidationError, match="yourself"):
        services.meeting_request(user=a.user, requester=a, recipient=a)
    assert not Meeting.objects.exists()


def test_database_also_refuses_a_meeting_with_oneself(participant_factory):
    a = participant_factory("leo")
    with pytest.raises(IntegrityError):
        Meeting.objects.create(event=a.event, requester=a, recipient=a)


def test_request_to_a_rejected_participant_is_refused(event, organiser_user, participant_factory):
    a, b = participant_factory("max"), participant_factory("nia")
    services.participant_decide(user=organiser_user, participant=b, approve=False)
    b.refresh_from_db()
    with pytest.raises(ValidationError, match="not .*approved"):
        services.meeting_request(user=a.user, requester=a, recipient=b)


def test_request_from_a_participant_not_yet_approved_is_refused(event, participant_factory):
    a, b = register(event, "ola", approve=False), participant_factory("pia")
    with pytest.raises(ValidationError, match="not been approved"):
        services.meeting_request(user=a.user, requester=a, recipient=b)


def test_request_after_the_deadline_is_refused(event, participant_factory):
    a, b = participant_factory("quin"), participant_factory("rosa")
    Event.objects.filter(pk=event.pk).update(requests_close_at=timezone.now() - dt.timedelta(minutes=1))
    a.event.refresh_from_db()
    with pytest.raises(ValidationError, match="closed"):
        services.meeting_request(user=a.user, requester=a, recipient=b)


def test_accept_after_the_deadline_is_refused(event, participant_factory):
    a, b = participant_factory("sam"), participant_factory("tea")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    Event.objects.filter(pk=event.pk).update(requests_close_at=timezone.now() - dt.timedelta(minutes=1))
    meeting = Meeting.objects.get(pk=meeting.pk)
    with pytest.raises(ValidationError, match="closed"):
        services.meeting_accept(user=b.user, meeting=meeting)


def test_request_sent_in_someone_elses_name_is_forbidden(participant_factory):
    a, b, c = participant_factory("uma"), participant_factory("vic"), participant_factory("wes")
    with pytest.raises(PermissionDenied):
        services.meeting_request(user=c.user, requester=a, recipient=b)
    assert not Meeting.objects.exists()


def test_second_request_between_the_same_pair_is_refused_in_either_direction(participant_factory):
    a, b = participant_factory("xia"), participant_factory("yan")
    services.meeting_request(user=a.user, requester=a, recipient=b)
    with pytest.raises(ValidationError, match="already"):
        services.meeting_request(user=b.user, requester=b, recipient=a)


def test_accept_beyond_the_limit_is_refused(event, participant_factory):
    # Limit 3: the hub accepts three, the fourth acceptance is refused and the request stays open.
    hub = participant_factory("hub")
    others = [participant_factory(f"guest{i}") for i in range(4)]
    requests = [services.meeting_request(user=o.user, requester=o, recipient=hub) for o in others]
    for meeting in requests[:3]:
        services.meeting_accept(user=hub.user, meeting=meeting)
    with pytest.raises(ValidationError, match="maximum of 3"):
        services.meeting_accept(user=hub.user, meeting=requests[3])
    assert Meeting.objects.get(pk=requests[3].pk).status == MeetingStatus.PENDING
    assert services.accepted_count(participant=hub) == 3


def test_request_beyond_the_limit_is_refused(organiser_user):
    no_acceptance = create_event(organiser_user, requires_acceptance=False, max_meetings_per_participant=1)
    a, b, c = (register(no_acceptance, name) for name in ("zed", "abe", "bea"))
    assert services.meeting_request(user=a.user, requester=a, recipient=b).status == MeetingStatus.ACCEPTED
    with pytest.raises(ValidationError, match="maximum of 1"):
        services.meeting_request(user=a.user, requester=a, recipient=c)


def test_only_the_recipient_accepts_or_declines(participant_factory):
    a, b = participant_factory("cal"), participant_factory("dee")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    with pytest.raises(PermissionDenied):
        services.meeting_accept(user=a.user, meeting=meeting)
    services.meeting_decline(user=b.user, meeting=meeting)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.DECLINED
    with pytest.raises(ValidationError):
        services.meeting_accept(user=b.user, meeting=meeting)


def test_withdrawing_a_scheduled_meeting_cancels_it_and_raises_its_calendar_sequence(
    event, organiser_user, participant_factory
):
    a, b = participant_factory("eli"), participant_factory("fin")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    services.meeting_accept(user=b.user, meeting=meeting)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    meeting.refresh_from_db()
    sequence = meeting.sequence
    services.meeting_withdraw(user=a.user, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED and meeting.sequence == sequence + 1
    assert meeting.slot is not None  # kept so the cancellation names the same event in calendars


def test_a_stranger_cannot_cancel_a_meeting(participant_factory):
    a, b, c = participant_factory("gil"), participant_factory("hal"), participant_factory("ike")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    services.meeting_accept(user=b.user, meeting=meeting)
    with pytest.raises(PermissionDenied):
        services.meeting_cancel(user=c.user, meeting=meeting)


# --- scheduling --------------------------------------------------------------------------------------------------

def _accepted(a, b):
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    return services.meeting_accept(user=b.user, meeting=meeting)


def test_scheduler_places_every_meeting_without_double_booking(event, organiser_user, participant_factory):
    a, b, c = participant_factory("ada"), participant_factory("bob"), participant_factory("cyd")
    meetings = [_accepted(a, b), _accepted(a, c), _accepted(b, c)]
    run = services.event_schedule(user=organiser_user, event=event, time_limit=5)
    assert (run.scheduled_count, run.accepted_count, run.conflicts) == (3, 3, [])
    placed = [Meeting.objects.get(pk=m.pk) for m in meetings]
    # A triangle needs three different slots: every pair shares a participant.
    assert len({m.slot_id for m in placed}) == 3
    assert all(m.table is not None and m.video_url for m in placed)


def test_scheduler_lists_meetings_it_cannot_place_with_a_reason(organiser_user):
    tight = create_event(organiser_user, table_count=1)
    a, b, c, d, e = (register(tight, name) for name in ("ann", "ben", "col", "dan", "eve"))
    # Five accepted meetings, 4 slots, 1 table: one cannot be placed.
    for x, y in [(a, b), (c, d), (a, e), (b, c), (d, e)]:
        _accepted(x, y)
    run = services.event_schedule(user=organiser_user, event=tight, time_limit=5)
    assert run.scheduled_count == 4 and run.upper_bound == 4
    assert len(run.conflicts) == 1 and run.conflicts[0]["reason"]
    unscheduled = Meeting.objects.get(pk=run.conflicts[0]["meeting"])
    assert unscheduled.slot is None and unscheduled.unscheduled_reason


def test_scheduler_respects_unavailability(event, organiser_user, participant_factory):
    slots = list(event.slots.order_by("starts_at"))
    a = participant_factory("fox", available_slots=[slots[3]])
    b = participant_factory("gia")
    meeting = _accepted(a, b)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    assert Meeting.objects.get(pk=meeting.pk).slot == slots[3]


def test_rerun_keeps_confirmed_meetings_where_they_are(event, organiser_user, participant_factory):
    a, b, c = participant_factory("hop"), participant_factory("ivy"), participant_factory("jem")
    first = _accepted(a, b)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    assert services.event_schedule_confirm(user=organiser_user, event=event) == 1
    first.refresh_from_db()
    kept = (first.slot_id, first.table, first.sequence, first.video_url)
    second = _accepted(a, c)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    first.refresh_from_db()
    assert (first.slot_id, first.table, first.sequence, first.video_url) == kept
    assert Meeting.objects.get(pk=second.pk).slot_id not in (None, first.slot_id)


def test_a_run_is_refused_when_meetings_change_while_the_solver_works(event, organiser_user, participant_factory,
                                                                     monkeypatch):
    a, b, c = participant_factory("kit"), participant_factory("lia"), participant_factory("moe")
    _accepted(a, b)
    late = services.meeting_request(user=a.user, requester=a, recipient=c)
    solve = services.scheduling.schedule_meetings

    def solve_while_someone_accepts(*args, **kwargs):
        result = solve(*args, **kwargs)
        services.meeting_accept(user=c.user, meeting=late)
        return result

    monkeypatch.setattr(services.scheduling, "schedule_meetings", solve_while_someone_accepts)
    with pytest.raises(ValidationError, match="run it again"):
        services.event_schedule(user=organiser_user, event=event, time_limit=5)
    assert not Meeting.objects.filter(slot__isnull=False).exists() and not event.schedule_runs.exists()


def test_only_organisers_run_the_scheduler(event, other_organiser):
    with pytest.raises(PermissionDenied):
        services.event_schedule(user=other_organiser, event=event)


def test_video_rooms_are_unguessable_and_distinct(event, organiser_user, participant_factory, settings):
    settings.MATCHMAKING_VIDEO_BASE_URL = "https://video.example.org/"
    a, b, c = participant_factory("kai"), participant_factory("lou"), participant_factory("mia")
    _accepted(a, b), _accepted(a, c)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    urls = list(Meeting.objects.values_list("video_url", flat=True))
    assert len(set(urls)) == 2
    assert all(url.startswith("https://video.example.org/smartcluster-") and len(url) > 50 for url in urls)


def test_on_site_events_get_tables_and_no_video_rooms(organiser_user):
    on_site = create_event(organiser_user, mode="on_site")
    a, b = register(on_site, "ned"), register(on_site, "oz")
    meeting = _accepted(a, b)
    services.event_schedule(user=organiser_user, event=on_site, time_limit=5)
    meeting.refresh_from_db()
    assert meeting.table == 1 and meeting.video_url == ""


def test_a_participant_may_paste_their_own_room_link_but_a_stranger_may_not(participant_factory):
    a, b, c = participant_factory("pam"), participant_factory("quy"), participant_factory("rex")
    meeting = _accepted(a, b)
    services.meeting_set_video_url(user=b.user, meeting=meeting, url="https://meet.example.org/our-room")
    with pytest.raises(PermissionDenied):
        services.meeting_set_video_url(user=c.user, meeting=meeting, url="https://evil.example.org/")
    assert Meeting.objects.get(pk=meeting.pk).video_url == "https://meet.example.org/our-room"


# --- during and after --------------------------------------------------------------------------------------------

def test_feedback_that_the_meeting_did_not_happen_makes_it_a_no_show(participant_factory):
    a, b = participant_factory("sol"), participant_factory("tim")
    meeting = _accepted(a, b)
    services.feedback_submit(user=a.user, meeting=meeting, took_place=True, outcome="follow_up", rating=4)
    assert Meeting.objects.get(pk=meeting.pk).attendance == Attendance.HELD
    services.feedback_submit(user=b.user, meeting=meeting, took_place=False)
    assert Meeting.objects.get(pk=meeting.pk).attendance == Attendance.NO_SHOW
    assert meeting.feedback.count() == 2


def test_feedback_from_a_stranger_is_forbidden(participant_factory):
    a, b, c = participant_factory("una"), participant_factory("val"), participant_factory("wyn")
    with pytest.raises(PermissionDenied):
        services.feedback_submit(user=c.user, meeting=_accepted(a, b), took_place=True)


def test_organiser_records_attendance_but_another_organiser_cannot(event, organiser_user, other_organiser,
                                                                  participant_factory):
    meeting = _accepted(participant_factory("xan"), participant_factory("yul"))
    services.meeting_set_attendance(user=organiser_user, meeting=meeting, attendance="held")
    with pytest.raises(PermissionDenied):
        services.meeting_set_attendance(user=other_organiser, meeting=meeting, attendance="no_show")
    assert Meeting.objects.get(pk=meeting.pk).attendance == "held"


def test_notification_read_by_another_user_is_forbidden(participant_factory):
    a, b = participant_factory("zia"), participant_factory("amy")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    notification = Notification.objects.get(user=b.user, topic_key=f"matchmaking.meeting:{meeting.pk}")
    with pytest.raises(PermissionDenied):
        notification_services.notification_mark_read(user=a.user, notification=notification)
    notification_services.notification_mark_read(user=b.user, notification=notification)
    assert Notification.objects.get(pk=notification.pk).read_at is not None


def test_reminders_go_once_per_schedule_version_in_each_sides_zone(event, organiser_user, participant_factory):
    a = participant_factory("ria", time_zone="America/New_York")
    b = participant_factory("sid", time_zone="Asia/Tokyo")
    meeting = _accepted(a, b)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    meeting.refresh_from_db()
    before = meeting.slot.starts_at - dt.timedelta(minutes=20)
    assert services.meeting_reminders_send(now=before - dt.timedelta(hours=2)) == 0  # too early
    assert services.meeting_reminders_send(now=before) == 1
    assert services.meeting_reminders_send(now=before) == 0  # once only
    new_york = meeting.slot.starts_at.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    reminder = Notification.objects.get(user=a.user, subject__startswith="Reminder")
    assert reminder.subject == f"Reminder: meeting with Sid Ltd at {new_york:%H:%M} (America/New_York)"
    assert reminder.url == meeting.video_url
    Meeting.objects.filter(pk=meeting.pk).update(sequence=meeting.sequence + 1)  # moved: remind again
    assert services.meeting_reminders_send(now=before) == 1


def test_remind_command_reports_how_many(event):
    out = io.StringIO()
    call_command("matchmaking_remind", "--minutes", "15", stdout=out)
    assert out.getvalue().strip() == "0 meeting(s) reminded"
