"""The ranking API (/api/challenges/): the organiser's ranking (raw and calibrated) and confirmation of the winners,
the public results once published, a team's anonymised feedback, and the public statistics. Private records answer
404 to whoever may not read them (a juror included)."""

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.challenges import selectors, services
from smartcluster.challenges.models import Challenge
from smartcluster.site.api import answers_refusals

router = Router()


class ChallengeRankingCriterion(Schema):
    criterion_id: int
    name: str
    aggregate: float | None
    below_threshold: bool


class ChallengeRankingLine(Schema):
    submission_id: int
    title: str
    team: str
    eligibility: str
    rank: int | None
    tied: bool
    score: float | None
    n_scores: int
    criteria: list[ChallengeRankingCriterion]
    calibrated_rank: int | None
    calibrated_tied: bool
    calibrated_score: float | None


class ChallengeRankingBias(Schema):
    juror_id: int
    juror: str
    bias: float


class ChallengeRankingOut(Schema):
    challenge_id: int
    aggregate: str
    tie_break_rule: str
    calibration_refusal: str
    lines: list[ChallengeRankingLine]
    biases: list[ChallengeRankingBias]


class ChallengeResultAwardIn(Schema):
    submission: int = Field(..., description="Id of a submitted, eligible submission of the challenge")
    place: int = Field(..., description="1 winner, 2 second, 3 third, 9 honourable mention")
    prize: str = ""


class ChallengeResultConfirmIn(Schema):
    awards: list[ChallengeResultAwardIn]


class ChallengeResultAward(Schema):
    place: int
    place_label: str
    submission_id: int
    title: str
    team: str
    organisation: str
    prize: str


class ChallengeResultOut(Schema):
    challenge_id: int
    published_at: str
    submissions: int
    awards: list[ChallengeResultAward]


class ChallengeFeedbackScore(Schema):
    criterion: str
    value: float
    comment: str


class ChallengeFeedbackJuror(Schema):
    label: str
    comment: str
    scores: list[ChallengeFeedbackScore]


class ChallengeFeedbackOut(Schema):
    team_id: int
    rank: int | None
    tied: bool
    score: float | None
    calibrated_rank: int | None
    calibrated_score: float | None
    award: str | None
    jurors: list[ChallengeFeedbackJuror]


class ChallengeStatisticsCount(Schema):
    label: str
    count: int


class ChallengeStatisticsOut(Schema):
    total: int
    by_region: list[ChallengeStatisticsCount]
    by_country: list[ChallengeStatisticsCount]
    by_helix: list[ChallengeStatisticsCount]
    by_team_size: list[ChallengeStatisticsCount]
    by_status: list[ChallengeStatisticsCount]
    by_eligibility: list[ChallengeStatisticsCount]


class ChallengeStatisticsFilters(Schema):
    challenge: int | None = Field(None, description="Id of one published challenge")
    project: int | None = Field(None, description="Id of a project: its challenges only")


def _ranking(table: selectors.ChallengeRankingTable) -> dict[str, Any]:
    lines = [{
        "submission_id": line.submission.pk, "title": line.submission.title, "team": line.submission.team.name,
        "eligibility": line.submission.eligibility, "rank": line.rank, "tied": line.tied, "score": line.score,
        "n_scores": line.n_scores, "calibrated_rank": line.calibrated_rank, "calibrated_tied": line.calibrated_tied,
        "calibrated_score": line.calibrated_score,
        "criteria": [{"criterion_id": c.pk, "name": c.name, "aggregate": value,
                      "below_threshold": c in line.below_threshold} for c, value in line.criteria]}
        for line in table.lines]
    return {"challenge_id": table.challenge.pk, "aggregate": table.challenge.aggregate,
            "tie_break_rule": table.tie_break_rule, "calibration_refusal": table.calibration_refusal,
            "lines": lines, "biases": [{"juror_id": juror.pk, "juror": str(juror), "bias": bias}
                                       for juror, bias in table.biases]}


def _results(published: dict[str, Any]) -> dict[str, Any]:
    return {"challenge_id": published["challenge"].pk,
            "published_at": published["challenge"].results_published_at.isoformat(),
            "submissions": published["submissions"],
            "awards": [{"place": a.place, "place_label": str(a.get_place_display()), "submission_id": a.submission_id,
                        "title": a.submission.title, "team": a.submission.team.name,
                        "organisation": a.submission.team.organisation.name, "prize": a.prize}
                       for a in published["awards"]]}


@router.get("/briefs/{challenge_id}/ranking", response=ChallengeRankingOut, auth=READ_AUTH)
def ranking(request: HttpRequest, challenge_id: int, calibrated: bool = True) -> dict[str, Any]:
    """The organiser's ranking: raw (and calibrated, or the reason it is refused). 404 for anyone else."""
    challenge = selectors.challenge_managed_get(request.user, challenge_id)
    return _ranking(selectors.challenge_ranking(request.user, challenge, calibrated=calibrated))


@router.post("/briefs/{challenge_id}/results", response={201: ChallengeResultOut})
@answers_refusals
def results_confirm(request: HttpRequest, challenge_id: int, payload: ChallengeResultConfirmIn) -> Status[Any]:
    """Confirm the winners and publish the results (the organiser, once the evaluation ended or all is sent)."""
    challenge = selectors.challenge_managed_get(request.user, challenge_id)
    submissions = selectors.challenge_submissions_by_id(challenge, [a.submission for a in payload.awards])
    missing = [a.submission for a in payload.awards if a.submission not in submissions]
    if missing:
        raise Http404(f"No submission {missing[0]} in this challenge.")
    services.results_confirm(user=request.user, challenge=challenge,
                             awards=[(submissions[a.submission], a.place, a.prize) for a in payload.awards])
    challenge.refresh_from_db()
    return Status(201, _results(selectors.challenge_results(challenge)))


@router.get("/briefs/{challenge_id}/results", response=ChallengeResultOut, auth=READ_AUTH)
def results(request: HttpRequest, challenge_id: int) -> dict[str, Any]:
    """The published results (404 before they are published)."""
    return _results(selectors.challenge_results_get(challenge_id))


@router.get("/teams/{team_id}/feedback", response=ChallengeFeedbackOut, auth=READ_AUTH)
def feedback(request: HttpRequest, team_id: int) -> dict[str, Any]:
    """A team's feedback: its members only, once results are published (404 otherwise)."""
    data = selectors.team_feedback_get(request.user, team_id)
    return {"team_id": data.team.pk, "rank": data.rank, "tied": data.tied, "score": data.score,
            "calibrated_rank": data.calibrated_rank, "calibrated_score": data.calibrated_score,
            "award": str(data.award.get_place_display()) if data.award else None,
            "jurors": [{"label": j["label"], "comment": j["comment"],
                        "scores": [{"criterion": s.criterion.name, "value": float(s.value), "comment": s.comment}
                                   for s in j["scores"]]} for j in data.jurors]}


@router.get("/statistics/", response=ChallengeStatisticsOut, auth=READ_AUTH)
def statistics(request: HttpRequest, filters: Query[ChallengeStatisticsFilters]) -> dict[str, Any]:
    """Public counts of submissions (drafts excluded) of published challenges, by region, helix, size, status."""
    challenge = (get_object_or_404(Challenge, pk=filters.challenge, is_published=True)
                 if filters.challenge is not None else None)
    counts = selectors.challenge_statistics(challenge=challenge, project=filters.project)
    return {key: value if key == "total" else [{"label": str(label), "count": n} for label, n in value]
            for key, value in counts.items()}
