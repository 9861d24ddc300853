"""Downloads of the events app (composed with smartcluster.reports): participation — the attendance and feedback
workbooks for the host, a participant's certificate of attendance."""

from __future__ import annotations

import zoneinfo

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from smartcluster.events import selectors
from smartcluster.events.models import FeedbackResponse, ProjectEvent, Registration
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes


def _event_summary(event: ProjectEvent) -> Table:
    zone = zoneinfo.ZoneInfo(event.time_zone)
    return Table(_("Event"), rows=[
        [_("Event"), event.title], [_("Kind"), event.get_kind_display()], [_("Host"), event.host.organisation.name],
        [_("Starts (%(zone)s)") % {"zone": event.time_zone}, event.starts_at.astimezone(zone).replace(tzinfo=None)],
        [_("Place"), event.venue or event.online_url]])


def attendance_workbook(*, event: ProjectEvent) -> bytes:
    """Every invitation and registration with its needs and attendance, and who came by partner and by helix."""
    registrations = Registration.objects.filter(event=event).select_related(
        "person__organisation", "partner__organisation").order_by("person__name", "pk")
    rows = [[r.person.name, r.person.organisation.name if r.person.organisation else "", r.get_group_display(),
             r.partner.organisation.name if r.partner else "", r.get_status_display(), r.dietary_needs,
             r.accessibility_needs, r.attended] for r in registrations]
    columns = [_("Name"), _("Organisation"), _("Comes as"), _("With partner"), _("Status"), _("Dietary needs"),
               _("Accessibility needs"), _("Attended")]
    counts = selectors.attendance_counts(event=event)
    return xlsx_bytes([
        _event_summary(event), Table(_("Participants"), columns, rows),
        Table(_("Attended by partner"), [_("Partner"), _("Attended")], counts.by_partner),
        Table(_("Attended by helix"), [_("Helix"), _("Attended")], counts.by_helix)])


def feedback_workbook(*, event: ProjectEvent) -> bytes:
    """The survey's results (means and distribution per question, the increased-capacity count for webinars) and
    every answer, anonymous (no names: the survey's answers are reported, not who gave them)."""
    results = selectors.feedback_results(event=event)
    summary = [[_("Responses"), results.responses]]
    if results.increased_capacity is not None:
        summary.append([_("Participants reporting increased capacity"), results.increased_capacity])
    scales = [[scale.label, scale.answers, scale.mean, *(count for _value, count in scale.distribution)]
              for scale in results.scales]
    responses = [[r.satisfaction, r.learning, r.capacity_before, r.capacity_after, r.most_useful, r.to_improve]
                 for r in FeedbackResponse.objects.filter(registration__event=event).order_by("submitted_at", "pk")]
    columns = [_("Satisfaction"), _("Learning"), _("Capacity before"), _("Capacity after"), _("Most useful"),
               _("To improve")]
    return xlsx_bytes([
        _event_summary(event), Table(_("Summary"), rows=summary),
        Table(_("Questions"), [_("Question"), _("Answers"), _("Mean"), "1", "2", "3", "4", "5"], scales),
        Table(_("Answers"), columns, responses)])


def certificate_docx(*, registration: Registration) -> bytes:
    """A certificate that the person attended the event (the caller checked they did)."""
    event = registration.event
    zone = zoneinfo.ZoneInfo(event.time_zone)
    starts, ends = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    document = WordDocument(_("Certificate of attendance"))
    organisation = registration.person.organisation
    document.paragraph(_("This certifies that %(name)s%(of)s attended “%(event)s” (%(kind)s), hosted by %(host)s "
                         "within the project %(project)s.") % {
        "name": registration.person.name, "of": f" ({organisation.name})" if organisation else "",
        "event": event.title, "kind": event.get_kind_display().lower(), "host": event.host.organisation.name,
        "project": event.project.acronym})
    document.paragraph(_("Date: %(start)s – %(end)s (%(zone)s).") % {
        "start": date_format(starts, "j F Y H:i"), "end": date_format(ends, "j F Y H:i"), "zone": event.time_zone})
    if event.venue or event.online_url:
        document.paragraph(_("Place: %(place)s") % {"place": event.venue or event.online_url})
    if event.thematic_focus:
        document.paragraph(_("Thematic focus: %(focus)s") % {"focus": event.thematic_focus})
    return document.to_bytes()
