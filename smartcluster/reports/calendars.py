"""iCalendar files (RFC 5545) for every app: the calendar around the events an app adds, with the time zones its
events use (methods file, "Time and calendars": VTIMEZONE included, no METHOD in a subscription feed)."""

from __future__ import annotations

import icalendar


def ical_calendar(*, prodid: str, name: str, method: str | None = None) -> icalendar.Calendar:
    """An empty calendar named `name`; `method` (REQUEST, CANCEL) for an invitation, None for a feed."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    return calendar


def ical_bytes(calendar: icalendar.Calendar) -> bytes:
    """The file: the calendar with a VTIMEZONE for every zone its events use."""
    calendar.add_missing_timezones()
    return calendar.to_ical()
