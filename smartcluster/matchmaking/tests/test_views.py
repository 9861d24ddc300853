"""Pages: forged and cross-organiser writes answer 403 and change nothing; rules refused with a message."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.matchmaking import services
from smartcluster.matchmaking.models import Event, Meeting, MeetingStatus, Participant, RegistrationStatus
from smartcluster.matchmaking.tests.conftest import make_user

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _accepted(a: Participant, b: Participant) -> Meeting:
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    return services.meeting_accept(user=b.user, meeting=meeting)


def test_event_pages_answer(event: Event, organiser_user: Any) -> None:
    client = client_for(organiser_user)
    for name in ("event_detail", "event_edit", "event_manage", "table_plan", "event_statistics", "catalogue"):
        response = client.get(reverse(f"matchmaking:{name}", args=[event.pk]))
        assert response.status_code == 200, name
    assert Client().get(reverse("matchmaking:event_list")).status_code == 200


def test_organiser_creates_an_event_and_adds_a_session_through_the_pages(organiser_user: Any) -> None:
    client = client_for(organiser_user)
    organiser = organiser_user.memberships.get().organisation
    response = client.post(reverse("matchmaking:event_create"), {
        "organiser": organiser.pk, "title": "Twin transition B2B", "time_zone": "Europe/Athens",
        "registration_opens_at": "2026-01-01T09:00", "registration_closes_at": "2030-01-01T09:00",
        "requests_close_at": "2030-01-01T09:00", "meeting_minutes": 20, "break_minutes": 10, "mode": "online",
        "table_count": 4, "max_meetings_per_participant": 6, "requires_acceptance": "on", "is_published": "on",
    })
    event = Event.objects.get(title="Twin transition B2B")
    assert response.status_code == 302
    client.post(reverse("matchmaking:event_edit", args=[event.pk]), {
        "add_session": "1", "session-date": "2030-06-02", "session-starts": "10:00", "session-ends": "12:00"})
    assert event.slots.count() == 4


def test_another_organiser_cannot_approve_registrations(event: Event, other_organiser: Any) -> None:
    participant = services.participant_register(
        user=make_user("applicant"), event=event, organisation_name="Applicant Oy", participant_type="sme",
        country="FI", person_name="Aino", email="", time_zone="Europe/Helsinki", consent_to_publish=True)
    url = reverse("matchmaking:participant_decide", args=[event.pk, participant.pk])
    response = client_for(other_organiser).post(url, {"decision": "approve"})
    assert response.status_code == 403
    assert Participant.objects.get(pk=participant.pk).status == RegistrationStatus.PENDING


def test_another_organiser_cannot_run_the_scheduler_or_open_the_statistics(event: Event, other_organiser: Any) -> None:
    client = client_for(other_organiser)
    assert client.post(reverse("matchmaking:event_schedule", args=[event.pk])).status_code == 403
    assert client.get(reverse("matchmaking:event_statistics_xlsx", args=[event.pk])).status_code == 403
    assert not event.schedule_runs.exists()


def test_forged_accept_by_the_requester_answers_403(participant_factory: Any) -> None:
    a, b = participant_factory("amos"), participant_factory("bela")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    response = client_for(a.user).post(reverse("matchmaking:meeting_action", args=[meeting.pk, "accept"]))
    assert response.status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PENDING


def test_request_to_oneself_through_the_page_is_refused_with_a_message(event: Event, participant_factory: Any) -> None:
    a = participant_factory("cleo")
    url = reverse("matchmaking:participant_detail", args=[event.pk, a.pk])
    response = client_for(a.user).post(url, {"message": "hi me"}, follow=True)
    assert "cannot request a meeting with yourself" in response.content.decode()
    assert not Meeting.objects.exists()


def test_meeting_page_with_its_room_link_is_shown_only_to_the_two_sides(participant_factory: Any) -> None:
    a, b, c = participant_factory("dina"), participant_factory("egon"), participant_factory("fritz")
    meeting = _accepted(a, b)
    services.meeting_set_video_url(user=a.user, meeting=meeting, url="https://meet.example.org/secret-room")
    url = reverse("matchmaking:meeting_detail", args=[meeting.pk])
    assert "secret-room" in client_for(b.user).get(url).content.decode()
    assert client_for(c.user).get(url).status_code == 404
    catalogue = client_for(c.user).get(reverse("matchmaking:catalogue", args=[meeting.event_id])).content.decode()
    assert "secret-room" not in catalogue


def test_registration_form_registers_with_opportunities(event: Event) -> None:
    user = make_user("gerda")
    response = client_for(user).post(reverse("matchmaking:register", args=[event.pk]), {
        "organisation_name": "Gerda GmbH", "participant_type": "sme", "person_name": "Gerda", "email": "g@example.org",
        "country": "de", "time_zone": "Europe/Berlin", "description": "Robotics integrator",
        "technologies": "robotics, machine vision", "available_slots": list(event.slots.values_list("pk", flat=True)),
        "consent_to_publish": "on",
        "opp-TOTAL_FORMS": "2", "opp-INITIAL_FORMS": "0", "opp-MIN_NUM_FORMS": "0", "opp-MAX_NUM_FORMS": "10",
        "opp-0-kind": "offer", "opp-0-title": "Robot cell integration", "opp-0-keywords": "robots",
        "opp-1-kind": "request", "opp-1-title": "",
    })
    assert response.status_code == 302
    participant = Participant.objects.get(user=user)
    assert participant.country == "DE" and participant.opportunities.count() == 1
    assert participant.unavailable_slots.count() == 0


def test_registration_form_without_consent_names_the_problem(event: Event) -> None:
    response = client_for(make_user("hugo")).post(reverse("matchmaking:register", args=[event.pk]), {
        "organisation_name": "Hugo", "participant_type": "sme", "person_name": "Hugo", "email": "h@example.org",
        "country": "FR", "time_zone": "Europe/Paris", "opp-TOTAL_FORMS": "0", "opp-INITIAL_FORMS": "0"})
    assert response.status_code == 200
    assert "needs your consent" in response.content.decode()
    assert not Participant.objects.exists()


def test_catalogue_filters_by_country_and_opportunity_text(event: Event, participant_factory: Any) -> None:
    participant_factory("ines", country="ES", opportunities=[{"kind": "offer", "title": "Predictive maintenance"}])
    jonas = participant_factory("jonas", country="LT")
    client = client_for(jonas.user)  # the catalogue is for the event's approved participants
    url = reverse("matchmaking:catalogue", args=[event.pk])
    spanish = client.get(url, {"country": "es"}).content.decode()
    assert "Ines Ltd" in spanish and "Jonas Ltd" not in spanish
    found = client.get(url, {"q": "predictive"}).content.decode()
    assert "Ines Ltd" in found and "Jonas Ltd" not in found


def test_agenda_download_and_feed_parse(event: Event, organiser_user: Any, participant_factory: Any) -> None:
    a, b = participant_factory("kora"), participant_factory("lars")
    _accepted(a, b)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    download = client_for(a.user).get(reverse("matchmaking:agenda_ics", args=[event.pk]))
    assert download["Content-Type"].startswith("text/calendar")
    assert len(icalendar.Calendar.from_ical(download.content).walk("VEVENT")) == 1
    feed = Client().get(reverse("matchmaking:agenda_feed", args=[a.feed_token]))
    assert len(icalendar.Calendar.from_ical(feed.content).walk("VEVENT")) == 1
    assert Client().get(reverse("matchmaking:agenda_feed", args=["guessed-token"])).status_code == 404


def test_statistics_workbook_counts_registrations_and_meetings(event: Event, organiser_user: Any,
                                                               participant_factory: Any, tmp_path: Any) -> None:
    a, b = participant_factory("mona", country="EL"), participant_factory("nils", country="SE")
    meeting = _accepted(a, b)
    services.meeting_set_attendance(user=organiser_user, meeting=meeting, attendance="no_show")
    response = client_for(organiser_user).get(reverse("matchmaking:event_statistics_xlsx", args=[event.pk]))
    path = tmp_path / "stats.xlsx"
    path.write_bytes(response.content)
    workbook = openpyxl.load_workbook(path)
    countries = [row for row in workbook["Registrations by country"].iter_rows(values_only=True)]
    assert countries == [("Country", "Registrations"), ("EL", 1), ("SE", 1)]
    attendance = dict(workbook["Meetings held and no-shows"].iter_rows(values_only=True))
    assert (attendance["Accepted"], attendance["No-show"], attendance["No-show rate (% of recorded)"]) == (1, 1, 100)
    assert len(list(workbook["Meetings"].iter_rows())) == 2


def test_participant_pages_answer(event: Event, organiser_user: Any, participant_factory: Any) -> None:
    a = participant_factory("olga", opportunities=[{"kind": "request", "title": "Cobot integration"}])
    b = participant_factory("paul", opportunities=[{"kind": "offer", "title": "Cobot integration"}])
    meeting = _accepted(a, b)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    client = client_for(a.user)
    pages = [reverse(f"matchmaking:{name}", args=[event.pk])
             for name in ("suggestions", "inbox", "agenda", "profile_edit", "catalogue")]
    pages += [reverse("matchmaking:meeting_detail", args=[meeting.pk]), reverse("notifications:inbox"),
              reverse("matchmaking:meeting_ics", args=[meeting.pk])]
    for url in pages:
        assert client.get(url).status_code == 200, url
    suggestions = client.get(reverse("matchmaking:suggestions", args=[event.pk])).content.decode()
    assert "Paul Ltd" in suggestions and "matches your request" in suggestions


def test_feedback_form_records_a_no_show(participant_factory: Any) -> None:
    a, b = participant_factory("quentin"), participant_factory("rita")
    meeting = _accepted(a, b)
    client_for(b.user).post(reverse("matchmaking:meeting_feedback", args=[meeting.pk]),
                            {"took_place": "no", "outcome": "", "rating": "", "comment": "Nobody came"})
    assert Meeting.objects.get(pk=meeting.pk).attendance == "no_show"


def test_event_settings_saved_by_the_organiser_and_refused_to_another(event: Event, organiser_user: Any,
                                                                       other_organiser: Any) -> None:
    url = reverse("matchmaking:event_edit", args=[event.pk])
    data = {"event-title": "Renamed B2B", "event-time_zone": "Europe/Vilnius",
            "event-registration_opens_at": "2026-01-01T09:00", "event-registration_closes_at": "2030-01-01T09:00",
            "event-requests_close_at": "2030-01-01T09:00", "event-meeting_minutes": 25, "event-break_minutes": 5,
            "event-mode": "online", "event-table_count": 5, "event-max_meetings_per_participant": 3,
            "event-is_published": "on"}
    assert client_for(other_organiser).post(url, data).status_code == 403
    assert Event.objects.get(pk=event.pk).title == "Smart Industry B2B"
    assert client_for(organiser_user).post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.title == "Renamed B2B" and event.requires_acceptance is False and event.slots.count() == 4
    # Written in the event's zone: 09:00 in Vilnius on 1 January (UTC+2) is 07:00 UTC.
    assert (event.registration_opens_at.hour, event.registration_opens_at.utcoffset()) == (7, dt.timedelta(0))


def test_redirect_after_an_action_stays_on_the_site(participant_factory: Any) -> None:
    a, b = participant_factory("sven"), participant_factory("tara")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    response = client_for(b.user).post(reverse("matchmaking:meeting_action", args=[meeting.pk, "decline"]),
                                       {"next": "https://evil.example.org/phish"})
    assert response["Location"] == reverse("matchmaking:meeting_detail", args=[meeting.pk])
