"""Downloads of the events app: calendar — the iCalendar feed (RFC 5545) of project events.

Same rules as matchmaking's meeting feeds (methods file, "Time and calendars"), the calendar itself from
`smartcluster.reports.calendars`: a stable UID per event, times in the event's own zone with its VTIMEZONE, no
METHOD in a subscription feed, no attendee e-mails.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable

import icalendar
from django.utils.translation import gettext as _

from smartcluster.events.models import ProjectEvent
from smartcluster.reports.calendars import ical_bytes, ical_calendar

PRODID = "-//smartcluster//events//EN"


def _vevent(event: ProjectEvent, url: str) -> icalendar.Event:
    zone = zoneinfo.ZoneInfo(event.time_zone)
    vevent = icalendar.Event()
    vevent.add("uid", f"project-event-{event.pk}@smartcluster")
    vevent.add("dtstamp", event.updated_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("dtstart", event.starts_at.astimezone(zone))
    vevent.add("dtend", event.ends_at.astimezone(zone))
    vevent.add("summary", event.title)
    vevent.add("location", event.venue or event.online_url)
    vevent.add("url", event.online_url or url)
    vevent.add("categories", [event.get_kind_display()])
    vevent.add("class", "PUBLIC" if event.is_published else "PRIVATE")
    lines = [_("Hosted by %(host)s") % {"host": event.host.organisation.name}, event.thematic_focus,
             event.description, url]
    vevent.add("description", "\n".join(line for line in lines if line))
    return vevent


def project_events_ics(events: Iterable[tuple[ProjectEvent, str]], *, name: str) -> bytes:
    """A subscription feed of these (event, page address) pairs: no METHOD, so calendars follow its changes."""
    calendar = ical_calendar(prodid=PRODID, name=name)
    for event, url in events:
        calendar.add_component(_vevent(event, url))
    return ical_bytes(calendar)
