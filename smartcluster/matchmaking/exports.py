"""The organisers' downloads of an event: the table plan as DOCX and the statistics with the meeting list as XLSX.
The files are written by `smartcluster.reports`; the data comes from `matchmaking.selectors`."""

from __future__ import annotations

import zoneinfo

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from smartcluster.matchmaking import selectors
from smartcluster.matchmaking.models import Event
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes


def table_plan_docx(*, event: Event) -> bytes:
    """The table plan as a Word document to print or hand out: one row per slot, times in the event's zone."""
    place = _("Room %(number)d") if event.is_online else _("Table %(number)d")
    document = WordDocument(_("Table plan: %(event)s") % {"event": event.title})
    document.paragraph(_("Times in %(zone)s.") % {"zone": event.time_zone})
    columns = [_("Time (%(zone)s)") % {"zone": event.time_zone},
               *(place % {"number": number} for number in range(1, event.table_count + 1))]
    rows = [[date_format(row.starts_local, "D d M H:i"),
             *(f"{meeting.requester.organisation.name} ↔ {meeting.recipient.organisation.name}" if meeting else ""
               for meeting in row.cells)]
            for row in selectors.table_plan(event=event)]
    document.table(Table("", columns, rows))
    return document.to_bytes()


def event_statistics_workbook(*, event: Event) -> bytes:
    """The statistics and the meeting list as an XLSX workbook for the project's reporting (times in the event's
    zone, which the header names)."""
    summary = Table(_("Event"), rows=[[_("Event"), event.title], [_("Organiser"), event.organiser.name],
                                      [_("Time zone"), event.time_zone]])
    statistics = [Table(table.title, table.columns, table.rows) for table in selectors.event_statistics(event=event)]
    zone = zoneinfo.ZoneInfo(event.time_zone)
    meetings = [[str(meeting.requester), meeting.requester.country, str(meeting.recipient), meeting.recipient.country,
                 meeting.get_status_display(), meeting.slot.starts_at.astimezone(zone) if meeting.slot else None,
                 meeting.table, meeting.get_attendance_display() if meeting.attendance else ""]
                for meeting in selectors.event_meetings(event=event)]
    columns = [_("Requester"), _("Requester country"), _("Recipient"), _("Recipient country"), _("Status"),
               _("Slot start (%(zone)s)") % {"zone": event.time_zone}, _("Table or room"), _("Attendance")]
    return xlsx_bytes([summary, *statistics, Table(_("Meetings"), columns, meetings)])
