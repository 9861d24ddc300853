"""The ranking's downloads, through `smartcluster.reports`: the organiser's XLSX of every sent score for the jury
meeting, and the DOCX results report (the organiser's with the full ranking; the public one with the winners)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from smartcluster.challenges.models import Challenge, Score
from smartcluster.challenges.selectors.ranking import (
    ChallengeRankingTable,
    challenge_results,
    challenge_statistics,
)
from smartcluster.judging import ranking as judging
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _ranking_table(table: ChallengeRankingTable, title: str) -> Table:
    columns = [_("Rank"), _("Tied"), _("Submission"), _("Team"), _("Raw score"), _("Number of scores"),
               *[c.name for c in table.criteria], _("Below threshold on"), _("Calibrated rank"),
               _("Calibrated score")]
    rows = [[line.rank, line.tied, line.submission.title, line.submission.team.name, _number(line.score),
             line.n_scores, *[_number(value) for _c, value in line.criteria],
             ", ".join(c.name for c in line.below_threshold), line.calibrated_rank, _number(line.calibrated_score)]
            for line in table.lines]
    return Table(title, columns, rows)


def _totals_table(table: ChallengeRankingTable, scores: list[Score]) -> Table:
    """Each juror's weighted total per submission (judging.ranking.juror_total), the raw score's inputs."""
    criteria = [judging.Criterion(c.pk, float(c.weight)) for c in table.criteria]
    by_assignment: dict[Any, dict[int, float]] = {}
    for score in scores:
        by_assignment.setdefault(score.assignment, {})[score.criterion_id] = float(score.value)
    rows = [[a.submission.title, a.submission.team.name, str(a.juror), _number(judging.juror_total(values, criteria))]
            for a, values in by_assignment.items() if len(values) == len(criteria)]
    return Table(_("Totals"), [_("Submission"), _("Team"), _("Juror"), _("Weighted total")], rows)


def scores_xlsx(table: ChallengeRankingTable) -> bytes:
    """Every sent score (submission × juror × criterion, with comments), then the ranking with raw and calibrated
    scores, then the notes (tie-break rule, calibration refusal or jurors' biases)."""
    zone = table.challenge.time_zone
    scores = (Score.objects.filter(assignment__juror__challenge=table.challenge,
                                   assignment__submitted_at__isnull=False)
              .select_related("assignment__submission__team", "assignment__juror__user", "criterion")
              .order_by("assignment__submission__team__name", "assignment__juror__user__username",
                        "criterion__position"))
    scores = list(scores)
    sent = Table(_("Scores"), [_("Submission"), _("Team"), _("Juror"), _("Criterion"), _("Weight"), _("Score"),
                               _("Comment"), _("Sent (%(zone)s)") % {"zone": zone}],
                 [[s.assignment.submission.title, s.assignment.submission.team.name, str(s.assignment.juror),
                   s.criterion.name, s.criterion.weight, s.value, s.comment,
                   s.assignment.submitted_at.astimezone(ZoneInfo(zone))] for s in scores])
    notes = [[str(table.tie_break_rule)], [table.calibration_refusal or _("Calibrated: jurors' biases below.")],
             *[[f"{juror}: {bias:+.2f}"] for juror, bias in table.biases]]
    return xlsx_bytes([sent, _totals_table(table, scores), _ranking_table(table, _("Ranking")),
                       Table(_("Notes"), [], notes)])


def results_docx(challenge: Challenge, table: ChallengeRankingTable | None) -> bytes:
    """The results report: the winners once published, the submissions' counts by region and helix, and, for the
    organiser (`table` given), the full ranking with the tie-break rule and the calibration."""
    document = WordDocument(_("Results: %(title)s") % {"title": challenge.title})
    results = challenge_results(challenge)
    if results is None:
        document.paragraph(_("The results are not published yet."))
    else:
        document.paragraph(_("%(n)s submissions were received.") % {"n": results["submissions"]})
        document.table(Table(_("Winners"), [_("Place"), _("Submission"), _("Team"), _("Organisation"), _("Prize")],
                             [[a.get_place_display(), a.submission.title, a.submission.team.name,
                               a.submission.team.organisation.name, a.prize] for a in results["awards"]]))
    statistics = challenge_statistics(challenge=challenge)
    document.table(Table(_("Submissions by region"), [_("Region"), _("Submissions")], statistics["by_region"]))
    document.table(Table(_("Submissions by helix"), [_("Helix"), _("Submissions")], statistics["by_helix"]))
    if table is not None:
        document.table(_ranking_table(table, _("Ranking")))
        document.paragraph(str(table.tie_break_rule))
        document.paragraph(table.calibration_refusal or _("Calibrated scores remove each juror's average "
                                                          "harshness or leniency (additive model)."))
    return document.to_bytes()
