"""Times in the zone each page, e-mail and file names: an event in Athens, a participant in New York, an organiser
reading in Brussels (the server's zone). Expected strings are written out by hand, not computed."""

from __future__ import annotations

import datetime as dt
import io
import re
import zoneinfo
from typing import Any

import icalendar
import openpyxl
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from docx import Document

from smartcluster.matchmaking import forms, services
from smartcluster.matchmaking.models import Event, Meeting
from smartcluster.matchmaking.tests.conftest import create_event, make_user, register

pytestmark = pytest.mark.django_db

ATHENS = zoneinfo.ZoneInfo("Europe/Athens")
# Thursday 14 March 2030: Athens is UTC+2 (summer time starts 31 March), New York UTC-4 (since 10 March).
MEETING_DAY = dt.date(2030, 3, 14)


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def athens(organiser_user: Any, settings: Any) -> tuple[Event, Meeting]:
    """The Athens event with one meeting scheduled at 10:00 Athens between a New York and an Athens participant."""
    settings.TIME_ZONE = "Europe/Brussels"  # the organiser's (and server's) zone differs from the event's
    event = create_event(organiser_user, title="Athens B2B", time_zone="Europe/Athens", mode="on_site",
                         registration_closes_at=dt.datetime(2030, 3, 1, 18, 0, tzinfo=ATHENS),
                         requests_close_at=dt.datetime(2030, 3, 10, 12, 0, tzinfo=ATHENS))
    event.sessions.all().delete()
    services.session_add(user=organiser_user, event=event, date=MEETING_DAY, starts=dt.time(10), ends=dt.time(10, 30))
    asta = register(event, "asta", time_zone="America/New_York")
    nikos = register(event, "nikos", time_zone="Europe/Athens")
    meeting = services.meeting_request(user=asta.user, requester=asta, recipient=nikos)
    services.meeting_accept(user=nikos.user, meeting=meeting)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    return event, Meeting.objects.get(pk=meeting.pk)


def _text(response: Any) -> str:
    """The page's visible text on one line (tags dropped, spaces collapsed)."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_agenda_shows_the_participants_own_time_and_the_partners(athens: tuple[Event, Meeting]) -> None:
    event, meeting = athens
    text = _text(client_for(meeting.requester.user).get(reverse("matchmaking:agenda", args=[event.pk])))
    assert "Times in your time zone, America/New_York." in text
    assert "Thu 14 Mar 2030 04:00–04:25" in text
    assert "10:00 (Europe/Athens)" in text


def test_table_plan_shows_event_times_and_names_the_zone(athens: tuple[Event, Meeting], organiser_user: Any) -> None:
    event, _meeting = athens
    text = _text(client_for(organiser_user).get(reverse("matchmaking:table_plan", args=[event.pk])))
    assert "Times in Europe/Athens." in text
    assert "Time (Europe/Athens)" in text
    assert "Thu 14 Mar 10:00 Asta Ltd ↔ Nikos Ltd" in text
    assert "09:00" not in text  # the slot in Brussels time, as the page showed it before


def test_manage_page_shows_slots_and_the_last_run_in_the_event_zone(athens: tuple[Event, Meeting],
                                                                   organiser_user: Any) -> None:
    event, _meeting = athens
    text = _text(client_for(organiser_user).get(reverse("matchmaking:event_manage", args=[event.pk])))
    assert "Slot (Europe/Athens)" in text and "Thu 14 Mar 10:00" in text
    assert re.search(r"Last run \w+\.? \d+, 20\d\d, [\w:. ]+ \(Europe/Athens\): 1 of 1 accepted meetings scheduled", text)


def test_event_list_and_event_page_agree_on_the_deadline_and_name_its_zone(athens: tuple[Event, Meeting],
                                                                          organiser_user: Any) -> None:
    event, _meeting = athens
    listed = _text(Client().get(reverse("matchmaking:event_list")))
    page = _text(Client().get(reverse("matchmaking:event_detail", args=[event.pk])))
    assert "March 1, 2030, 6 p.m. (Europe/Athens)" in listed
    assert "– March 1, 2030, 6 p.m. (Europe/Athens)" in page
    assert "March 10, 2030, noon (Europe/Athens)" in page
    assert "10:00–10:30 (Europe/Athens)" in page


def test_greek_event_list_writes_the_deadline_the_greek_way(athens: tuple[Event, Meeting]) -> None:
    with translation.override("el"):  # and back to English afterwards: the middleware leaves Greek active
        listed = _text(Client().get(reverse("matchmaking:event_list"), HTTP_ACCEPT_LANGUAGE="el"))
    assert "01/03/2030 6 μμ. (Europe/Athens)" in listed


def test_reminder_email_gives_the_time_in_the_recipients_zone(athens: tuple[Event, Meeting],
                                                              django_capture_on_commit_callbacks: Any) -> None:
    _event, meeting = athens
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_reminders_send(now=dt.datetime(2030, 3, 14, 9, 50, tzinfo=ATHENS))
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == ["Reminder: meeting with Asta Ltd at 10:00 (Europe/Athens)",
                        "Reminder: meeting with Nikos Ltd at 04:00 (America/New_York)"]


def test_calendar_file_carries_the_participants_zone(athens: tuple[Event, Meeting]) -> None:
    event, meeting = athens
    ics = client_for(meeting.requester.user).get(reverse("matchmaking:agenda_ics", args=[event.pk])).content
    assert b"DTSTART;TZID=America/New_York:20300314T040000" in ics
    assert [zone["TZID"] for zone in icalendar.Calendar.from_ical(ics).walk("VTIMEZONE")] == ["America/New_York"]


def test_statistics_workbook_gives_slot_starts_in_the_event_zone(athens: tuple[Event, Meeting],
                                                                 organiser_user: Any) -> None:
    event, _meeting = athens
    response = client_for(organiser_user).get(reverse("matchmaking:event_statistics_xlsx", args=[event.pk]))
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content))["Meetings"].iter_rows(values_only=True))
    assert rows[0][5] == "Slot start (Europe/Athens)"
    assert rows[1][5] == dt.datetime(2030, 3, 14, 10, 0)


def test_table_plan_document_gives_event_times_and_names_the_zone(athens: tuple[Event, Meeting],
                                                                 organiser_user: Any) -> None:
    event, _meeting = athens
    response = client_for(organiser_user).get(reverse("matchmaking:table_plan_docx", args=[event.pk]))
    document = Document(io.BytesIO(response.content))
    assert "Times in Europe/Athens." in [paragraph.text for paragraph in document.paragraphs]
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0][:2] == ["Time (Europe/Athens)", "Table 1"]
    assert rows[1][0] == "Thu 14 Mar 10:00" and "Asta Ltd ↔ Nikos Ltd" in rows[1]


def test_table_plan_document_is_for_the_events_organisers_only(athens: tuple[Event, Meeting],
                                                               other_organiser: Any) -> None:
    event, meeting = athens
    url = reverse("matchmaking:table_plan_docx", args=[event.pk])
    assert client_for(other_organiser).get(url).status_code == 403
    assert client_for(meeting.requester.user).get(url).status_code == 403


def test_new_participant_zone_defaults_to_the_events_and_lists_no_legacy_alias(
        athens: tuple[Event, Meeting]) -> None:
    event, _meeting = athens
    page = client_for(make_user("newcomer")).get(reverse("matchmaking:register", args=[event.pk])).content.decode()
    assert '<option value="Europe/Athens" selected>Athens</option>' in page
    assert '<optgroup label="America">' in page and '<optgroup label="Europe">' in page
    for alias in ("US/Eastern", "Etc/GMT+1", "GB", "UTC", "Asia/Calcutta", "Europe/Kiev"):
        assert f'value="{alias}"' not in page
    assert 'value="Asia/Kolkata"' in page and 'value="Europe/Kyiv"' in page and 'value="Europe/Oslo"' in page


def test_a_stored_legacy_zone_stays_selectable_when_the_profile_is_edited(athens: tuple[Event, Meeting]) -> None:
    event, _meeting = athens
    form = forms.ProfileForm(event=event, initial={"time_zone": "US/Eastern"})
    assert 'value="US/Eastern" selected' in str(form["time_zone"])
