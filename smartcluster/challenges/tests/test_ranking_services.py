"""Ranking reads and writes on a judged challenge: the organiser's raw and calibrated ranking, the results'
confirmation (its time, its submissions, its notifications), the trusted award_load, anonymised team feedback and
the statistics by region and helix."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from smartcluster.challenges import selectors, services
from smartcluster.challenges.models import Assignment, Award, Eligibility, Score, Submission, Team
from smartcluster.challenges.tests.ranking_world import (
    RankingWorld,
    build_ranking_world,
    extra_juror,
    send_scores,
)
from smartcluster.challenges.tests.world import challenges_dump
from smartcluster.notifications.models import Notification
from smartcluster.organisations.models import OrganisationType
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def rw() -> RankingWorld:
    return build_ranking_world()


def test_the_raw_ranking_is_the_median_of_the_jurors_weighted_totals(rw: RankingWorld) -> None:
    """Alpha: totals 4.0, (5·40 + 4·35 + 3·25)/100 = 4.15, 3.0 → median 4.0; Beta 3.0, 4.0, 2.0 → 3.0;
    Gamma 2.0, (2·40 + 3·35 + 2·25)/100 = 2.35, 1.0 → 2.0."""
    table = selectors.challenge_ranking(rw.users["editor_a"], rw.challenge, calibrated=False)
    assert [(line.submission.team.name, line.rank, line.score, line.n_scores) for line in table.lines] == [
        ("Alpha", 1, 4.0, 3), ("Beta", 2, 3.0, 3), ("Gamma", 3, 2.0, 3)]
    assert table.lines[0].criteria[0][1] == 4.0  # Impact: median of 4, 5, 3


def test_calibration_is_refused_naming_the_jurors_below_the_minimum(rw: RankingWorld) -> None:
    table = selectors.challenge_ranking(rw.users["editor_a"], rw.challenge)  # minimum 5, each juror scored 3
    assert "at least 5" in table.calibration_refusal and "juror2 (3)" in table.calibration_refusal
    assert all(line.calibrated_score is None for line in table.lines)


def test_calibration_on_a_complete_design_gives_each_submissions_mean(rw: RankingWorld) -> None:
    """Every juror scored every submission, so μ + q_i is the submission's mean total: Alpha (4 + 4.15 + 3)/3."""
    rw.challenge.calibration_min_scores = 3
    rw.challenge.save()
    table = selectors.challenge_ranking(rw.users["administrator"], rw.challenge)
    assert table.calibration_refusal == ""
    assert table.lines[0].calibrated_score == pytest.approx((4 + 4.15 + 3) / 3)
    assert [line.calibrated_rank for line in table.lines] == [1, 2, 3]


def test_a_threshold_puts_a_submission_after_the_others(rw: RankingWorld) -> None:
    """Excellence threshold 3: medians Alpha 4 (4, 4, 3), Beta 3 (3, 4, 2), Gamma 2 (2, 3, 1): Gamma is flagged."""
    criterion = rw.challenge.criteria.get(name="Excellence")
    criterion.threshold = 3
    criterion.save()
    lines = selectors.challenge_ranking(rw.users["editor_a"], rw.challenge, calibrated=False).lines
    assert [(line.submission.team.name, [c.name for c in line.below_threshold]) for line in lines] == [
        ("Alpha", []), ("Beta", []), ("Gamma", ["Excellence"])]


@pytest.mark.parametrize("role", ["viewer", "participant", "editor_b"])
def test_nobody_but_the_organiser_reads_the_ranking(rw: RankingWorld, role: str) -> None:
    with pytest.raises(PermissionDenied):
        selectors.challenge_ranking(rw.users[role], rw.challenge)


def test_confirming_the_results_stores_the_awards_publishes_and_notifies(rw: RankingWorld) -> None:
    alpha = rw.teams["alpha"].submission
    services.results_confirm(user=rw.users["editor_a"], challenge=rw.challenge, awards=[(alpha, 1, "EUR 10 000")])
    rw.challenge.refresh_from_db()
    assert rw.challenge.results_published_at is not None
    assert rw.challenge.results_confirmed_by == rw.users["editor_a"]
    assert Award.objects.get().prize == "EUR 10 000"
    assert Notification.objects.filter(user__username__startswith="lead_").count() == 3
    assert selectors.challenge_results(rw.challenge)["submissions"] == 3


def test_results_are_refused_before_the_evaluation_ends_with_nothing_stored() -> None:
    rw = build_ranking_world(evaluation_ended=False)
    Assignment.objects.create(juror=extra_juror(rw, "juror4"), submission=rw.teams["beta"].submission)  # not sent
    before = challenges_dump()
    with pytest.raises(ValidationError, match="evaluation has ended"):
        services.results_confirm(user=rw.users["editor_a"], challenge=rw.challenge,
                                 awards=[(rw.teams["alpha"].submission, 1, "")])
    assert challenges_dump() == before


def test_results_may_be_confirmed_early_once_every_assignment_is_sent() -> None:
    rw = build_ranking_world(evaluation_ended=False)
    services.results_confirm(user=rw.users["editor_a"], challenge=rw.challenge,
                             awards=[(rw.teams["beta"].submission, 1, "")])
    assert Award.objects.get().submission == rw.teams["beta"].submission


@pytest.mark.parametrize("problem", ["ineligible", "twice", "none", "again"])
def test_wrong_awards_are_refused_with_nothing_stored(rw: RankingWorld, problem: str) -> None:
    alpha = rw.teams["alpha"].submission
    awards = {"ineligible": [(alpha, 1, "")], "twice": [(alpha, 1, ""), (alpha, 2, "")], "none": [],
              "again": [(alpha, 1, "")]}[problem]
    if problem == "ineligible":
        Submission.objects.filter(pk=alpha.pk).update(eligibility=Eligibility.PENDING)
        alpha.refresh_from_db()
    if problem == "again":
        services.award_load(challenge=rw.challenge, submission=rw.teams["beta"].submission, place=1)
        rw.challenge.refresh_from_db()
    before = challenges_dump()
    with pytest.raises(ValidationError):
        services.results_confirm(user=rw.users["editor_a"], challenge=rw.challenge, awards=awards)
    assert challenges_dump() == before


def test_award_load_is_idempotent_and_publishes_once(rw: RankingWorld) -> None:
    alpha = rw.teams["alpha"].submission
    services.award_load(challenge=rw.challenge, submission=alpha, place=2, prize="Mentoring")
    published = rw.challenge.results_published_at
    services.award_load(challenge=rw.challenge, submission=alpha, place=1, prize="Pilot contract")
    assert Award.objects.get().place == 1 and rw.challenge.results_published_at == published


def test_team_feedback_shows_numbered_jurors_their_scores_rank_and_award(rw: RankingWorld) -> None:
    alpha = rw.teams["alpha"]
    lead = alpha.members.get().user
    with pytest.raises(PermissionDenied):
        selectors.team_feedback(lead, alpha)  # results not published yet
    services.award_load(challenge=rw.challenge, submission=alpha.submission, place=1)
    alpha = Team.objects.get(pk=alpha.pk)
    feedback = selectors.team_feedback(lead, alpha)
    assert (feedback.rank, feedback.score, feedback.award.place) == (1, 4.0, 1)
    assert [j["label"] for j in feedback.jurors] == ["Juror 1", "Juror 2", "Juror 3"]
    assert sorted(j["comment"] for j in feedback.jurors) == ["Overall by editor_b", "Overall by juror2",
                                                            "Overall by juror3"]
    assert feedback.jurors == selectors.team_feedback(lead, alpha).jurors  # a stable order
    with pytest.raises(PermissionDenied):
        selectors.team_feedback(rw.teams["beta"].members.get().user, alpha)


def test_team_feedback_gives_the_calibrated_rank_only_where_calibration_is_allowed(rw: RankingWorld) -> None:
    """Minimum 5 scores per juror: refused (each scored 3), so no calibrated rank; at minimum 3 every juror scored
    every submission and Alpha's calibrated score is its mean total (4 + 4.15 + 3)/3."""
    alpha = rw.teams["alpha"]
    lead = alpha.members.get().user
    services.award_load(challenge=rw.challenge, submission=alpha.submission, place=1)
    alpha = Team.objects.get(pk=alpha.pk)
    assert selectors.team_feedback(lead, alpha).calibrated_rank is None
    rw.challenge.calibration_min_scores = 3
    rw.challenge.save()
    feedback = selectors.team_feedback(lead, Team.objects.get(pk=alpha.pk))
    assert (feedback.rank, feedback.calibrated_rank) == (1, 1)
    assert feedback.calibrated_score == pytest.approx((4 + 4.15 + 3) / 3)


def test_a_score_sent_late_changes_the_ranking(rw: RankingWorld) -> None:
    """A fourth juror gives Gamma 5, 5, 5: its totals 2.0, 2.35, 1.0, 5.0 → median (2.0 + 2.35)/2 = 2.175."""
    send_scores(extra_juror(rw, "juror4"), rw.teams["gamma"].submission, (5, 5, 5))
    line = selectors.challenge_ranking(rw.users["editor_a"], rw.challenge, calibrated=False).lines[2]
    assert line.score == pytest.approx(2.175) and line.n_scores == 4


def test_statistics_count_submissions_by_region_helix_status_and_team_size(rw: RankingWorld) -> None:
    """Alpha's organisation lies in DE7 and is a university (academia); the two others have no region (business)."""
    organisation = rw.teams["alpha"].organisation
    organisation.region = Region.objects.create(code="DE7", name="Hessen", level=1, country="DE", version=2021)
    organisation.type = OrganisationType.UNIVERSITY
    organisation.save()
    counts = selectors.challenge_statistics(challenge=rw.challenge)
    assert counts["total"] == 3
    assert counts["by_region"] == [("No region given", 2), (f"DE7 {organisation.region.display_name}", 1)]
    assert counts["by_country"] == [("No region given", 2), ("DE", 1)]
    assert counts["by_helix"] == [("Business", 2), ("Academia and research", 1)]
    assert counts["by_team_size"] == [(1, 3)]
    assert counts["by_eligibility"] == [("Eligible", 3)]
    rw.challenge.deadline_at = timezone.now() - timedelta(days=2)
    assert selectors.challenge_statistics(challenge=None)["total"] == 3


def test_submissions_equal_on_every_criterion_share_their_rank(rw: RankingWorld) -> None:
    """Beta's scores made equal to Alpha's (criterion by criterion): both rank 1, tied; Gamma ranks 3."""
    for alpha_score in Score.objects.filter(assignment__submission=rw.teams["alpha"].submission):
        Score.objects.filter(assignment__submission=rw.teams["beta"].submission,
                             assignment__juror=alpha_score.assignment.juror,
                             criterion=alpha_score.criterion).update(value=alpha_score.value)
    lines = selectors.challenge_ranking(rw.users["editor_a"], rw.challenge, calibrated=False).lines
    assert [(line.rank, line.tied) for line in lines] == [(1, True), (1, True), (3, False)]
    page = signed_in_page(rw)
    assert page.count("(tied)") == 2


def signed_in_page(rw: RankingWorld) -> str:
    client = Client()
    client.force_login(rw.users["editor_a"])
    return client.get(reverse("challenges:ranking", args=[rw.challenge.pk])).content.decode()
