"""iCalendar files: stable UID, SEQUENCE, METHOD REQUEST/CANCEL, VTIMEZONE, no e-mails in the feed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest

from smartcluster.matchmaking import calendar, selectors, services
from smartcluster.matchmaking.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(event: Any, organiser_user: Any, participant_factory: Any) -> Meeting:
    a = participant_factory("ana", time_zone="America/New_York")
    b = participant_factory("ben", time_zone="Asia/Tokyo")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b, message="Let us talk")
    services.meeting_accept(user=b.user, meeting=meeting)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    return Meeting.objects.get(pk=meeting.pk)


def _only_event(ics: bytes) -> icalendar.Event:
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_invitation_is_a_request_with_a_stable_uid_in_the_participants_zone(scheduled: Meeting) -> None:
    ics = calendar.meeting_ics(scheduled, scheduled.requester)
    parsed = icalendar.Calendar.from_ical(ics)
    assert parsed["METHOD"] == "REQUEST"
    assert [zone["TZID"] for zone in parsed.walk("VTIMEZONE")] == ["America/New_York"]
    vevent = _only_event(ics)
    assert vevent["UID"] == f"{scheduled.uid}@smartcluster"
    assert vevent.decoded("DTSTART") == scheduled.slot.starts_at
    assert str(vevent.decoded("DTSTART").tzinfo) == "America/New_York"
    assert vevent["STATUS"] == "CONFIRMED"
    # Her own address only: the other side's e-mail is "never shown to others" (issue 13, defect 4).
    assert str(vevent.get("ATTENDEE")) == "mailto:ana@example.org"
    assert "ben@example.org" not in ics.decode()
    assert "Ben Ltd" in str(vevent["SUMMARY"])
    # The other side's file names the same meeting: same UID, same moment, her own zone.
    other = _only_event(calendar.meeting_ics(scheduled, scheduled.recipient))
    assert other["UID"] == vevent["UID"] and other.decoded("DTSTART") == vevent.decoded("DTSTART")
    assert str(other.decoded("DTSTART").tzinfo) == "Asia/Tokyo"


def test_cancellation_is_a_cancel_with_the_same_uid_and_a_higher_sequence(scheduled: Meeting) -> None:
    before = _only_event(calendar.meeting_ics(scheduled, scheduled.requester))
    services.meeting_cancel(user=scheduled.recipient.user, meeting=scheduled)
    scheduled.refresh_from_db()
    ics = calendar.meeting_ics(scheduled, scheduled.requester)
    assert icalendar.Calendar.from_ical(ics)["METHOD"] == "CANCEL"
    after = _only_event(ics)
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after["STATUS"] == "CANCELLED"


def test_feed_has_no_method_no_emails_and_drops_cancelled_meetings(scheduled: Meeting) -> None:
    participant = scheduled.requester
    feed = calendar.agenda_ics([scheduled], participant, feed=True)
    parsed = icalendar.Calendar.from_ical(feed)
    assert "METHOD" not in parsed
    assert b"example.org" not in feed
    assert len(parsed.walk("VEVENT")) == 1 and parsed.walk("VTIMEZONE")
    services.meeting_cancel(user=participant.user, meeting=scheduled)
    scheduled.refresh_from_db()
    assert icalendar.Calendar.from_ical(calendar.agenda_ics([scheduled], participant, feed=True)).walk("VEVENT") == []


def test_agenda_shows_each_side_its_own_time_and_the_partners(scheduled: Meeting) -> None:
    # 09:00 Vilnius on 14 March 2030 (UTC+2) is 07:00 UTC = 03:00 New York (EDT, UTC-4) = 16:00 Tokyo (UTC+9).
    (mine,) = selectors.agenda(participant=scheduled.requester)
    (theirs,) = selectors.agenda(participant=scheduled.recipient)
    assert mine.meeting == theirs.meeting
    assert mine.starts == theirs.starts == mine.partner_starts
    offset = (mine.meeting.slot.starts_at - dt.datetime(2030, 3, 14, 7, tzinfo=dt.UTC)).total_seconds()
    assert offset % 1800 == 0  # every slot starts on the half hour
    assert mine.starts.utcoffset() == dt.timedelta(hours=-4)
    assert theirs.starts.utcoffset() == dt.timedelta(hours=9)
    assert mine.partner_starts.utcoffset() == dt.timedelta(hours=9)
    assert (theirs.starts.hour - mine.starts.hour) % 24 == 13
