"""A challenge's brief as a Word document (composed with smartcluster.reports): the same content as its page,
the timeline in the challenge's own time zone, the criteria with weights and thresholds, the changes since
publication."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.challenges.models import Challenge
from smartcluster.challenges.selectors.briefs import challenge_change_label
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table


def _sections(document: WordDocument, sections: Iterable[tuple[str, str]]) -> None:
    for heading, text in sections:
        if text:
            document.heading(heading, level=2)
            document.paragraph(text)


def challenge_brief_docx(challenge: Challenge, *, phase_label: str, changes: Iterable[Any]) -> bytes:
    """The brief: who posts it, the problem and terms, the timeline, the criteria and the change log."""
    zone = zoneinfo.ZoneInfo(challenge.time_zone)

    def when(value: Any) -> str:
        return timezone.localtime(value, zone).strftime("%Y-%m-%d %H:%M")

    document = WordDocument(challenge.title)
    posted = _("Posted by %(organiser)s. Phase: %(phase)s.") % {"organiser": challenge.organiser.name,
                                                                "phase": phase_label}
    if challenge.on_behalf_of:
        posted += " " + _("On behalf of %(name)s.") % {"name": challenge.on_behalf_of.name}
    document.paragraph(posted)
    regions = ", ".join(f"{r.code} {r.display_name}" for r in challenge.eligible_regions.all()) or _("Any region.")
    _sections(document, [(_("Problem"), challenge.problem), (_("Context"), challenge.context),
                         (_("Expected outcome"), challenge.expected_outcome),
                         (_("Who may apply"), challenge.eligibility), (_("Eligible regions"), regions)])
    document.table(Table(_("Timeline (%(zone)s)") % {"zone": challenge.time_zone}, [_("Step"), _("When")], [
        [_("Opens"), when(challenge.opens_at)], [_("Submission deadline"), when(challenge.deadline_at)],
        [_("Evaluation ends"), when(challenge.evaluation_ends_at)],
        [_("Results announced"), when(challenge.results_at)]]))
    _sections(document, [(_("Prizes and follow-up"), challenge.prizes),
                         (_("Intellectual property"), challenge.ip_terms),
                         (_("Confidentiality"), challenge.confidentiality)])
    document.table(Table(_("Evaluation criteria"), [_("Order"), _("Criterion"), _("Weight"), _("Threshold"),
                                                    _("What the jury looks for")],
                         [[c.position, c.name, c.weight, c.threshold, c.description]
                          for c in challenge.criteria.all()]))
    document.paragraph(_("Each juror scores every criterion from 0 to %(top)s; the jurors' scores are combined as "
                         "“%(aggregate)s”.") % {"top": challenge.score_max,
                                               "aggregate": challenge.get_aggregate_display()})
    rows = [[when(c.changed_at), challenge_change_label(c.field), c.before, c.after] for c in changes]
    if rows:
        document.table(Table(_("Changes since publication"), [_("When"), _("What"), _("Before"), _("After")], rows))
    return document.to_bytes()
