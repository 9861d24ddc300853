"""Downloads of the events app (composed with smartcluster.reports): outcomes — a brainstorm's ranked result
(XLSX, DOCX) and the event report (DOCX)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from smartcluster.events.selectors.outcomes import BrainstormResult, EventReport
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes

PHOTO_WIDTH_CM = 12.0  # fits an A4 page's text width with default margins
EMBEDDABLE_PHOTOS = {"image/png", "image/jpeg", "image/gif"}  # the image types python-docx reads


def brainstorm_result_tables(result: BrainstormResult) -> list[Table]:
    """The ranked ideas and themes as tables."""
    ideas = Table(_("Ideas"), [_("Rank"), _("Idea"), _("Theme"), _("Votes"), _("Posted")],
                  [[i.rank, i.text, i.theme, i.votes, i.posted_at] for i in result.ideas])
    themes = Table(_("Themes"), [_("Rank"), _("Theme"), _("Votes"), _("Ideas")],
                   [[t.rank, t.title, t.votes, t.idea_count] for t in result.themes])
    return [ideas, themes]


def _ranking_rule() -> str:
    return _("Ranked by votes; ties go to the idea posted first (themes: to the theme whose first idea was posted "
             "first).")


def brainstorm_result_xlsx(result: BrainstormResult) -> bytes:
    return xlsx_bytes(brainstorm_result_tables(result))


def brainstorm_result_docx(result: BrainstormResult) -> bytes:
    document = WordDocument(_("Brainstorm result: %(title)s") % {"title": result.event.title})
    document.paragraph(_("%(votes)s votes by %(voters)s participants.") % {"votes": result.votes,
                                                                          "voters": result.voters})
    document.paragraph(_ranking_rule())
    for table in brainstorm_result_tables(result):
        document.table(table)
    return document.to_bytes()


def _local(value: object, time_zone: str) -> str:
    return formats.date_format(timezone.localtime(value, ZoneInfo(time_zone)), "DATETIME_FORMAT")


def event_report_docx(report: EventReport) -> bytes:
    """The event report: programme, participants by partner and helix, decisions, actions, feedback and photos."""
    event = report.event
    document = WordDocument(_("Event report: %(title)s") % {"title": event.title})
    document.paragraph(_("%(kind)s hosted by %(host)s, %(start)s (%(zone)s). %(place)s") % {
        "kind": event.get_kind_display(), "host": event.host.organisation.name,
        "start": _local(event.starts_at, event.time_zone), "zone": event.time_zone,
        "place": event.venue or event.online_url})
    document.table(Table(_("Programme"), [_("Starts"), _("Session"), _("Speakers")],
                         [[_local(s.starts_at, event.time_zone), s.title, s.speakers] for s in report.sessions]))
    document.table(Table(_("Participants"), [_("Name"), _("Organisation"), _("Partner")],
                         [[r.person.name, r.person.organisation.name if r.person.organisation else "",
                           r.partner.organisation.name if r.partner else ""] for r in report.participants]))
    document.table(Table(_("Participants by partner"), [_("Partner"), _("Participants")],
                         report.attendance.by_partner))
    document.table(Table(_("Participants by helix"), [_("Helix"), _("Participants")], report.attendance.by_helix))
    if event.minutes:
        document.heading(_("Minutes"))
        document.paragraph(event.minutes)
    document.table(Table(_("Decisions"), [_("Number"), _("Decision")],
                         [[d.number, d.text] for d in report.decisions]))
    document.table(Table(_("Actions"), [_("Action"), _("Owner"), _("Due on"), _("Status")],
                         [[a.title, a.owner.name, a.due_on, a.get_status_display()] for a in report.actions]))
    _feedback(document, report)
    _photos(document, report)
    return document.to_bytes()


def _feedback(document: WordDocument, report: EventReport) -> None:
    feedback = report.feedback
    if not feedback.responses:
        document.heading(_("Feedback"))
        document.paragraph(_("No feedback received."))
        return
    rows = [[scale.label, scale.answers, scale.mean] for scale in feedback.scales]
    if feedback.increased_capacity is not None:
        rows.append([_("Participants reporting increased capacity"), feedback.increased_capacity, None])
    document.table(Table(_("Feedback (%(count)s responses)") % {"count": feedback.responses},
                         [_("Question"), _("Answers"), _("Mean (1–5)")], rows))
    for comment in [*feedback.most_useful, *feedback.to_improve]:
        document.bullet(comment)


def _photos(document: WordDocument, report: EventReport) -> None:
    photos = [photo for photo in report.photos if photo.content_type in EMBEDDABLE_PHOTOS]
    if not photos:
        return
    document.heading(_("Photos"))
    for photo in photos:
        with photo.file.open("rb") as handle:
            document.image(handle.read(), width_cm=PHOTO_WIDTH_CM)
        document.paragraph(photo.title)
