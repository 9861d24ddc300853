"""iCalendar (RFC 5545 / RFC 5546) files of meetings: invitations, cancellations and a subscription feed.

Rules (methods file, "Time and calendars"): a stable UID per meeting, SEQUENCE raised on each material change,
METHOD:REQUEST for invitations and updates, METHOD:CANCEL for cancellations (a REQUEST with STATUS:CANCELLED stays
in calendars), VTIMEZONE included, no attendee e-mails in feeds and never the other side's e-mail.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from smartcluster.matchmaking.models import Meeting, MeetingStatus, Participant
from smartcluster.matchmaking.selectors import meeting_location
from smartcluster.reports.calendars import ical_bytes, ical_calendar

PRODID = "-//smartcluster//matchmaking//EN"


def _vevent(meeting: Meeting, participant: Participant, *, with_attendees: bool) -> icalendar.Event:
    """One meeting as this participant sees it: times in her zone (with a VTIMEZONE), partner and room."""
    zone = zoneinfo.ZoneInfo(participant.time_zone)
    partner = meeting.other_side(participant)
    vevent = icalendar.Event()
    vevent.add("uid", f"{meeting.uid}@smartcluster")
    vevent.add("sequence", meeting.sequence)
    vevent.add("dtstamp", meeting.updated_at)
    vevent.add("dtstart", meeting.slot.starts_at.astimezone(zone))
    vevent.add("dtend", meeting.slot.ends_at.astimezone(zone))
    vevent.add("summary", _("B2B meeting with %(partner)s") % {"partner": partner})
    location = meeting_location(meeting)
    if meeting.video_url:
        vevent.add("url", meeting.video_url)
        location = meeting.video_url
    if location:
        vevent.add("location", location)
    vevent.add("description", "\n".join(
        line for line in (meeting.event.title, partner.organisation.name, meeting.message) if line))
    cancelled = meeting.status != MeetingStatus.ACCEPTED
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if with_attendees:
        # RFC 5546 iTIP: REQUEST and CANCEL name an organizer; the platform sends on behalf of the event.
        vevent.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL}", parameters={"CN": meeting.event.title})
        # Only the participant's own address: registration promises the e-mail is never shown to others.
        if participant.person.email:
            vevent.add("attendee", f"mailto:{participant.person.email}",
                       parameters={"CN": participant.person.name, "ROLE": "REQ-PARTICIPANT"})
    return vevent


def meeting_ics(meeting: Meeting, participant: Participant) -> bytes:
    """The invitation (METHOD:REQUEST) of a scheduled meeting, or its cancellation (METHOD:CANCEL)."""
    if meeting.slot is None:
        raise ValueError("an unscheduled meeting has no calendar entry")
    cancelled = meeting.status != MeetingStatus.ACCEPTED
    calendar = ical_calendar(prodid=PRODID, name=meeting.event.title, method="CANCEL" if cancelled else "REQUEST")
    calendar.add_component(_vevent(meeting, participant, with_attendees=True))
    return ical_bytes(calendar)


def agenda_ics(meetings: Iterable[Meeting], participant: Participant, *, feed: bool) -> bytes:
    """All scheduled meetings of a participant: a download (METHOD:REQUEST, with attendees) or a subscription
    feed (no METHOD, no e-mails; cancelled meetings are left out, so subscribed calendars drop them)."""
    calendar = ical_calendar(prodid=PRODID, name=participant.event.title, method=None if feed else "REQUEST")
    for meeting in meetings:
        if meeting.slot is not None and meeting.status == MeetingStatus.ACCEPTED:
            calendar.add_component(_vevent(meeting, participant, with_attendees=not feed))
    return ical_bytes(calendar)
