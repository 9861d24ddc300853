"""The good-practice report as a Word document (composed with smartcluster.reports), the same content as the print
view: a summary, each practice with its Interreg Europe fields, topics and journey, then the peer reviews."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from smartcluster.learning.selectors.reports import LearningReport, ReportPractice, ReportReview
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table


def _date(value: object) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _practice(document: WordDocument, item: ReportPractice) -> None:
    practice = item.practice
    document.heading(practice.title, level=2)
    marks = [practice.get_status_display()]
    if not practice.is_successful:
        marks.append(_("Did not succeed: kept for its lessons"))
    document.paragraph(" · ".join(marks))
    document.table(Table("", [_("Field"), _("Content")], [list(row) for row in item.fields]))
    if item.journey.transfers:
        document.paragraph(_("Where it travelled:"))
        for transfer in item.journey.transfers:
            regions = ", ".join(region.code for region in transfer.partner.regions.all())
            document.bullet(_("%(partner)s (%(regions)s): %(stage)s on %(date)s. %(description)s") % {
                "partner": transfer.partner.organisation.name, "regions": regions,
                "stage": transfer.get_stage_display(), "date": _date(transfer.stage_on),
                "description": transfer.description})


def _review(document: WordDocument, item: ReportReview) -> None:
    review = item.review
    document.heading(review.event.title, level=2)  # under "Peer reviews and recommendations"
    document.paragraph(_("Hosted by %(host)s. Policy challenge: %(challenge)s") % {
        "host": review.event.host.organisation.name, "challenge": review.policy_challenge})
    document.table(Table("", [_("Participant"), _("Role"), _("Country")], [
        [participant.organisation.name, participant.get_role_display(), participant.country]
        for participant in item.participants]))
    rows = [[rec.text, rec.rationale, rec.author.organisation.name,
             ", ".join(practice.title for practice in rec.report_practices), rec.get_response_display(),
             rec.response_reason] for rec in item.recommendations]
    document.table(Table("", [_("Recommendation"), _("Rationale"), _("Recommended by"), _("Good practices drawn on"),
                              _("Host's response"), _("Reason")], rows))


def learning_report_docx(report: LearningReport) -> bytes:
    document = WordDocument(report.title)
    document.paragraph(_("Generated from the platform's records on %(date)s.") % {"date": _date(report.generated_on)})
    document.table(Table(_("Summary"), [_("Item"), _("Number")], report.counts))
    document.heading(_("Good practices"))
    for item in report.practices:
        _practice(document, item)
    if not report.practices:
        document.paragraph(_("No good practices recorded."))
    document.heading(_("Peer reviews and recommendations"))
    for item in report.reviews:
        _review(document, item)
    if not report.reviews:
        document.paragraph(_("No peer reviews recorded."))
    return document.to_bytes()
