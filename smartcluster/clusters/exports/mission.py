"""Downloads of the clusters app (composed with smartcluster.reports): a mission's commitments and progress as
XLSX and DOCX."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from smartcluster.clusters.models import Commitment, Mission
from smartcluster.clusters.selectors.mission import CommitmentStatus, IndicatorTotal
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table, yes_no
from smartcluster.reports.workbooks import xlsx_bytes

Statuses = Sequence[tuple[Commitment, CommitmentStatus]]


def totals_table(totals: Sequence[IndicatorTotal]) -> Table:
    columns = [_("Indicator"), _("Unit"), _("Commitments"), _("Committed"), _("Achieved"), _("Share of the committed")]
    rows = [[total.indicator.title, total.indicator.unit, total.commitments, total.target, total.achieved,
             None if total.percent is None else round(total.percent, 1)] for total in totals]
    return Table(_("Totals per indicator"), columns, rows)


def commitments_table(statuses: Statuses) -> Table:
    columns = [_("Cluster"), _("Indicator"), _("Unit"), _("Commitment"), _("Target"), _("By year"), _("Achieved"),
               _("Share of the target"), _("On the path up to"), _("Path value"), _("On track")]
    rows = [[str(c.profile), c.indicator.title, c.indicator.unit, c.text, c.target, c.target_year, s.achieved,
             round(s.percent, 1), s.as_of_year, round(s.expected, 2), yes_no(s.on_track)] for c, s in statuses]
    return Table(_("Commitments"), columns, rows)


def progress_table(statuses: Statuses) -> Table:
    columns = [_("Cluster"), _("Indicator"), _("Year"), _("Achieved in the year"), _("Evidence (link)"),
               _("Evidence")]
    rows = [[str(c.profile), c.indicator.title, row.year, row.value, row.evidence_url, row.evidence_note]
            for c, _s in statuses for row in c.progress.all()]
    return Table(_("Progress per year"), columns, rows)


def _about(mission: Mission) -> Table:
    return Table(_("Mission"), [], [[_("Mission"), mission.title], [_("Run by"), str(mission.organisation)],
                                    [_("Goal"), mission.goal], [_("Target date"), mission.target_date]])


def mission_workbook(mission: Mission, statuses: Statuses, totals: Sequence[IndicatorTotal]) -> bytes:
    """The mission, its totals, every commitment with its status, and every yearly report, one sheet each."""
    return xlsx_bytes([_about(mission), totals_table(totals), commitments_table(statuses), progress_table(statuses)])


def mission_docx(mission: Mission, statuses: Statuses, totals: Sequence[IndicatorTotal]) -> bytes:
    """The same as a Word document."""
    document = WordDocument(mission.title)
    document.paragraph(mission.goal)
    document.paragraph(_("Run by %(organisation)s; target date %(date)s.") % {
        "organisation": mission.organisation, "date": mission.target_date.isoformat()})
    document.paragraph(_("On track: the cumulative value reported is at least a straight line from 0 at the start "
                         "of the commitment's first year to its target at the end of its target year, read at the "
                         "end of the last year assessed (our rule)."))
    for table in (totals_table(totals), commitments_table(statuses), progress_table(statuses)):
        document.table(table)
    return document.to_bytes()
