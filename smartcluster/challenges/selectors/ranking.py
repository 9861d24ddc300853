"""Reads of the ranking: the organiser's raw and calibrated ranking (judging.ranking), the public results, a team's
anonymised feedback once results are out, and the public statistics of submissions for the project's reports."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.challenges.models import (
    Assignment,
    Award,
    Challenge,
    ChallengeCriterion,
    Eligibility,
    Submission,
    SubmissionStatus,
    Team,
)
from smartcluster.challenges.selectors.briefs import challenge_can_manage
from smartcluster.challenges.selectors.jury import score_matrix
from smartcluster.judging import ranking as judging
from smartcluster.organisations.choices import HelixRole

__all__ = [
    "TIE_BREAK_RULE",
    "ChallengeRankingTable",
    "RankingLine",
    "TeamFeedback",
    "challenge_ranking",
    "challenge_results",
    "challenge_results_get",
    "challenge_statistics_choices",
    "challenge_submissions_by_id",
    "challenge_statistics",
    "ranking_submissions",
    "team_feedback_get",
    "team_feedback",
    "team_feedback_readable",
]

TIE_BREAK_RULE = gettext_lazy(
    "Ties: equal scores are ordered by the jurors' aggregate on each criterion in its declared order (criterion 1 "
    "first, then 2…); submissions still equal on every criterion share the same rank and are shown as tied. A "
    "submission below a criterion's threshold ranks after every submission above all thresholds.")


@dataclass
class RankingLine:
    """One submission on the organiser's ranking: raw and calibrated rank and score, criteria and thresholds."""

    submission: Submission
    rank: int | None
    tied: bool
    score: float | None
    n_scores: int
    criteria: list[tuple[ChallengeCriterion, float | None]]
    below_threshold: list[ChallengeCriterion]
    calibrated_rank: int | None = None
    calibrated_tied: bool = False
    calibrated_score: float | None = None


@dataclass
class ChallengeRankingTable:
    """The ranking of a challenge: its lines in raw rank order, the calibration's refusal or the jurors' biases."""

    challenge: Challenge
    criteria: list[ChallengeCriterion]
    lines: list[RankingLine]
    calibrated: bool
    calibration_refusal: str = ""
    biases: list[tuple[Any, float]] = field(default_factory=list)
    tie_break_rule: str = ""


def _criteria(challenge: Challenge) -> list[ChallengeCriterion]:
    return list(challenge.criteria.order_by("position"))


def _library_criteria(criteria: list[ChallengeCriterion]) -> list[judging.Criterion]:
    return [judging.Criterion(c.pk, float(c.weight), None if c.threshold is None else float(c.threshold))
            for c in criteria]


def _sent_score_rows(challenge: Challenge) -> list[judging.ScoreRow]:
    """The sent scores of the challenge (the jury's `score_matrix`), as the library's rows."""
    return [judging.ScoreRow(c.submission_id, c.juror_id, c.criterion_id, float(c.value))
            for c in score_matrix(challenge)]


def ranking_submissions(challenge: Challenge) -> QuerySet[Submission]:
    """The submissions that are ranked: submitted and not found ineligible."""
    return (Submission.objects.filter(team__challenge=challenge, status=SubmissionStatus.SUBMITTED)
            .exclude(eligibility=Eligibility.INELIGIBLE).select_related("team__organisation"))


def _raw_entries(challenge: Challenge, criteria: list[ChallengeCriterion],
                 submissions: dict[int, Submission]) -> list[judging.RankedSubmission]:
    rows = [row for row in _sent_score_rows(challenge) if row.submission in submissions]
    return judging.raw_scores(rows, _library_criteria(criteria), challenge.aggregate, submissions)


def _calibration_refusal(challenge: Challenge, fit: judging.Calibration, jurors: dict[int, Any]) -> str:
    """The calibration's refusal in the reader's language, naming the jurors concerned."""
    if fit.too_few:
        return _("Calibration refused: each juror needs at least %(n)s scored submissions; fewer: %(who)s.") % {
            "n": challenge.calibration_min_scores,
            "who": ", ".join(f"{jurors[j]} ({n})" for j, n in fit.too_few.items())}
    if fit.parts:
        return _("Calibration refused: the jurors fall into groups that scored no submission in common, so a "
                 "juror's bias cannot be told from the quality of what they scored: %(parts)s.") % {
            "parts": "; ".join("{" + ", ".join(str(jurors[j]) for j in part) + "}" for part in fit.parts)}
    return _("Calibration refused: there are no sent scores yet.")


def challenge_ranking(user: Any, challenge: Challenge, calibrated: bool = True) -> ChallengeRankingTable:
    """The organiser's ranking (PermissionDenied for anyone else, jurors included): raw rank by TIE_BREAK_RULE
    and, if asked, the calibrated rank or the reason it is refused."""
    if not challenge_can_manage(user, challenge):
        raise PermissionDenied(_("Only the organiser reads the ranking."))
    return _ranking_table(challenge, calibrated)


def _ranking_table(challenge: Challenge, calibrated: bool) -> ChallengeRankingTable:
    """The ranking of `challenge_ranking`, for whoever the caller decided may read (part of) it."""
    criteria = _criteria(challenge)
    library = _library_criteria(criteria)
    submissions = {s.pk: s for s in ranking_submissions(challenge)}
    entries = _raw_entries(challenge, criteria, submissions)
    table = ChallengeRankingTable(challenge, criteria, [], calibrated, tie_break_rule=str(TIE_BREAK_RULE))
    calibrated_by: dict[Any, judging.RankedSubmission] = {}
    if calibrated:
        totals = judging.juror_totals([r for r in _sent_score_rows(challenge) if r.submission in submissions],
                                      library)
        fit = judging.calibrate(totals, challenge.calibration_min_scores)
        jurors = {j.pk: j for j in challenge.jurors.select_related("user")}
        if fit.refusal:
            table.calibration_refusal = _calibration_refusal(challenge, fit, jurors)
        else:
            calibrated_by = {e.submission: e for e in judging.rank(entries, library, scores=fit.scores)}
            table.biases = [(jurors[j], b) for j, b in fit.biases.items()]
    by_key = {c.pk: c for c in criteria}
    for entry in judging.rank(entries, library):
        line = RankingLine(submissions[entry.submission], entry.rank, entry.tied, entry.score, entry.n_scores,
                           [(c, entry.criteria.get(c.pk)) for c in criteria],
                           [by_key[k] for k in entry.below_threshold])
        if entry.submission in calibrated_by:
            other = calibrated_by[entry.submission]
            line.calibrated_rank, line.calibrated_tied = other.rank, other.tied
            line.calibrated_score = fit.scores.get(entry.submission)
        table.lines.append(line)
    return table


def challenge_results(challenge: Challenge) -> dict[str, Any] | None:
    """The public results once published (None before): the awards in place order and the number of submissions."""
    if challenge.results_published_at is None or not challenge.is_published:
        return None
    awards = list(Award.objects.filter(challenge=challenge).select_related("submission__team__organisation")
                  .order_by("place", "submission__team__name"))
    count = Submission.objects.filter(team__challenge=challenge).exclude(status=SubmissionStatus.DRAFT).count()
    return {"challenge": challenge, "awards": awards, "submissions": count}


def challenge_results_get(pk: int) -> dict[str, Any]:
    """The published results of challenge `pk` (Http404 when there is none, or none published yet)."""
    published = challenge_results(get_object_or_404(Challenge, pk=pk))
    if published is None:
        raise Http404(_("The results of this challenge are not published."))
    return published


def challenge_statistics_choices() -> QuerySet[Challenge]:
    """The challenges the public statistics can be narrowed to: the published ones, latest deadline first."""
    return Challenge.objects.filter(is_published=True).order_by("-deadline_at", "title")


def challenge_submissions_by_id(challenge: Challenge, ids: Iterable[int]) -> dict[int, Submission]:
    """The challenge's submissions among `ids`, by id (an id of another challenge is simply absent)."""
    return {s.pk: s for s in Submission.objects.filter(team__challenge=challenge, pk__in=list(ids))
            .select_related("team")}


@dataclass
class TeamFeedback:
    """What a team reads once results are out: each juror's scores and comments under "Juror n", its rank and
    score, and its award if any."""

    team: Team
    rank: int | None
    tied: bool
    score: float | None
    jurors: list[dict[str, Any]]
    award: Award | None
    calibrated_rank: int | None = None
    calibrated_score: float | None = None


def team_feedback_readable(user: Any, team: Team) -> bool:
    """May this user read the team's feedback (an accepted member, once the challenge's results are out)?"""
    return (bool(getattr(user, "is_authenticated", False))
            and team.challenge.results_published_at is not None
            and team.members.filter(user=user, accepted_at__isnull=False).exists())


def _anonymous_order(team: Team, assignment: Assignment) -> str:
    """A stable order of the jurors per team that reveals neither name, invitation nor assignment order."""
    return hashlib.sha256(f"{team.challenge_id}:{team.pk}:{assignment.juror_id}".encode()).hexdigest()


def team_feedback_get(user: Any, pk: int) -> TeamFeedback:
    """Team `pk`'s feedback for this user (Http404 unless `team_feedback_readable`: never a hint it exists)."""
    team = get_object_or_404(Team.objects.select_related("challenge"), pk=pk)
    if not team_feedback_readable(user, team):
        raise Http404(_("No feedback to read here."))
    return team_feedback(user, team)


def team_feedback(user: Any, team: Team) -> TeamFeedback:
    """The team's feedback (PermissionDenied unless `team_feedback_readable`): sent scores and comments of each
    juror as "Juror 1, 2, 3…", the team's rank and score, raw and (where calibration is allowed) calibrated."""
    if not team_feedback_readable(user, team):
        raise PermissionDenied(_("Only the team's members read its feedback, once the results are published."))
    challenge = team.challenge
    assignments = sorted(Assignment.objects.filter(submission__team=team, submitted_at__isnull=False)
                         .prefetch_related("scores__criterion"), key=lambda a: _anonymous_order(team, a))
    jurors = [{"label": _("Juror %(n)s") % {"n": n}, "comment": a.comment,
               "scores": sorted(a.scores.all(), key=lambda s: s.criterion.position)}
              for n, a in enumerate(assignments, start=1)]
    submission_id = getattr(getattr(team, "submission", None), "pk", None)
    mine = next((line for line in _ranking_table(challenge, calibrated=True).lines
                 if line.submission.pk == submission_id), None)
    award = Award.objects.filter(submission__team=team).first()
    if mine is None:
        return TeamFeedback(team, None, False, None, jurors, award)
    return TeamFeedback(team, mine.rank, mine.tied, mine.score, jurors, award, mine.calibrated_rank,
                        mine.calibrated_score)


def _counts(values: list[str]) -> list[tuple[str, int]]:
    return sorted(Counter(values).items(), key=lambda p: (-p[1], p[0]))


def challenge_statistics(challenge: Challenge | None = None, project: Any = None) -> dict[str, Any]:
    """Public counts of the submissions (drafts excluded) of published challenges, optionally of one challenge or
    one project: by NUTS region of the team's organisation, helix, team size, status and eligibility."""
    submissions = (Submission.objects.filter(team__challenge__is_published=True)
                   .exclude(status=SubmissionStatus.DRAFT)
                   .select_related("team__organisation__region")
                   .annotate(size=Count("team__members", filter=Q(team__members__accepted_at__isnull=False))))
    if challenge is not None:
        submissions = submissions.filter(team__challenge=challenge)
    if project is not None:
        submissions = submissions.filter(team__challenge__project=project)
    rows = list(submissions)
    unknown = _("No region given")
    helix = {str(value): str(label) for value, label in HelixRole.choices}
    return {
        "total": len(rows),
        "by_region": _counts([f"{s.team.organisation.region.code} {s.team.organisation.region.display_name}"
                              if s.team.organisation.region else unknown for s in rows]),
        "by_country": _counts([s.team.organisation.region.country if s.team.organisation.region else unknown
                               for s in rows]),
        "by_helix": _counts([helix[s.team.organisation.helix_role] for s in rows]),
        "by_team_size": sorted(Counter(s.size for s in rows).items()),
        "by_status": _counts([str(s.get_status_display()) for s in rows]),
        "by_eligibility": _counts([str(s.get_eligibility_display()) for s in rows]),
    }
