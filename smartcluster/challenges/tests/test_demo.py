"""The demo's open innovation challenges, loaded by `smartcluster setup` offline: a challenge with results whose
calibrated ranking is allowed and differs from the raw one, no juror assigned a submission they are conflicted
with, a challenge open now with two drafts and a draft brief; loaded once, removed with the demo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.challenges.choices import AwardPlace, ChallengePhase, Eligibility, SubmissionStatus
from smartcluster.challenges.models import (
    Assignment,
    Award,
    Challenge,
    ConflictOfInterest,
    Juror,
    Score,
    Submission,
    Team,
)
from smartcluster.challenges.selectors import (
    challenge_phase,
    challenge_ranking,
    juror_conflicted_submission_ids,
    team_feedback,
)
from smartcluster.demo import challenges_content as content
from smartcluster.demo.selectors import demo_record_get
from smartcluster.demo.tests import conftest as demo_fixtures

pytestmark = pytest.mark.django_db
reference_data, setup = demo_fixtures.reference_data, demo_fixtures.setup  # the demo tests' fixtures
MODELS = (Challenge, Team, Submission, Juror, ConflictOfInterest, Assignment, Score, Award)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_loads_the_challenges_once_offline_and_a_reload_adds_nothing(setup: Callable) -> None:
    output = setup().output
    loaded = counts()

    again = setup("--demo").output

    assert counts() == loaded
    assert "Left out" not in output and "Left out" not in again
    assert loaded == {"Challenge": 3, "Team": len(content.TEAMS), "Submission": len(content.TEAMS),
                      "Juror": 5, "ConflictOfInterest": 1, "Assignment": 27, "Score": 81, "Award": 3}


def test_the_demo_challenges_are_in_results_open_and_draft_phases(setup: Callable) -> None:
    setup()

    phases = {key: challenge_phase(demo_record_get(key=key)) for key in
              (content.PREDICTIVE, content.ENERGY, content.CIRCULAR)}

    assert phases == {content.PREDICTIVE: ChallengePhase.RESULTS, content.ENERGY: ChallengePhase.OPEN,
                      content.CIRCULAR: ChallengePhase.DRAFT}
    open_challenge = demo_record_get(key=content.ENERGY)
    assert sorted(Submission.objects.filter(team__challenge=open_challenge).values_list("status", flat=True)) == [
        SubmissionStatus.DRAFT, SubmissionStatus.DRAFT]
    ineligible = Submission.objects.get(eligibility=Eligibility.INELIGIBLE)
    assert ineligible.eligibility_reason and not ineligible.assignments.exists()


def test_the_calibrated_ranking_of_the_demo_is_allowed_and_differs_from_the_raw_one(setup: Callable) -> None:
    setup()
    challenge = demo_record_get(key=content.PREDICTIVE)

    table = challenge_ranking(challenge.created_by, challenge)

    assert table.calibration_refusal == ""
    raw = [line.submission.team.name for line in sorted(table.lines, key=lambda line: line.rank)]
    calibrated = [line.submission.team.name for line in sorted(table.lines, key=lambda line: line.calibrated_rank)]
    assert raw[:4] == ["TwinGuard", "VisionWear", "Fulda VibeSense", "Kassel Cobot Care"]
    assert calibrated[:4] == ["TwinGuard", "Fulda VibeSense", "Kassel Cobot Care", "VisionWear"]
    biases = {juror.user.last_name: bias for juror, bias in table.biases}
    assert biases["Nagy"] > 0.5 and biases["Sánchez"] < -0.5  # the lenient and the harsh juror, found
    awarded = list(Award.objects.filter(challenge=challenge).order_by("place").values_list(
        "submission__team__name", flat=True))
    assert awarded == calibrated[:3]


def test_no_demo_juror_is_assigned_a_submission_they_are_conflicted_with(setup: Callable) -> None:
    setup()
    challenge = demo_record_get(key=content.PREDICTIVE)
    alexiou, byrne = demo_record_get(key="juror:pm-alexiou"), demo_record_get(key="juror:pm-byrne")

    conflicted = {juror.pk: juror_conflicted_submission_ids(juror) for juror in challenge.jurors.all()}

    assert demo_record_get(key="team:pm-competence").submission.pk in conflicted[alexiou.pk]  # her own centre
    assert not ConflictOfInterest.objects.filter(juror=alexiou).exists()  # automatic, not declared
    assert demo_record_get(key="team:pm-cobot-care").submission.pk in conflicted[byrne.pk]  # declared
    for assignment in Assignment.objects.filter(juror__challenge=challenge):
        assert assignment.submission_id not in conflicted[assignment.juror_id]
        assert assignment.submitted_at is not None and assignment.scores.count() == 3


def test_the_demo_winner_reads_its_feedback_and_the_public_results_name_it(setup: Callable) -> None:
    setup()
    challenge = demo_record_get(key=content.PREDICTIVE)
    team = demo_record_get(key="team:pm-twinguard")
    lead = team.members.get(role="lead").user

    feedback = team_feedback(lead, team)
    page = Client().get(reverse("challenges:results", args=[challenge.pk]))

    assert [juror["comment"] for juror in feedback.jurors] == [content.ASSIGNMENTS[0].comment] * 3
    assert (feedback.rank, feedback.award.place) == (1, AwardPlace.WINNER)
    assert page.status_code == 200 and "TwinGuard" in page.content.decode()


def test_removing_the_demo_removes_its_challenges(setup: Callable) -> None:
    setup()

    setup("--remove-demo")

    assert counts() == dict.fromkeys(counts(), 0)


def test_the_finished_challenge_tells_its_history_within_its_timeline(setup: Callable) -> None:
    setup()
    challenge = demo_record_get(key=content.PREDICTIVE)

    submissions = Submission.objects.filter(team__challenge=challenge, status=SubmissionStatus.SUBMITTED)
    assert submissions and all(challenge.opens_at < s.submitted_at < challenge.deadline_at for s in submissions)
    assert all(challenge.deadline_at < s.eligibility_checked_at < challenge.evaluation_ends_at
               for s in submissions.exclude(eligibility=Eligibility.PENDING))
    sent = Assignment.objects.filter(juror__challenge=challenge)
    assert all(challenge.deadline_at < a.submitted_at < challenge.evaluation_ends_at for a in sent)
    assert all(challenge.deadline_at < s.scored_at < challenge.evaluation_ends_at
               for s in Score.objects.filter(assignment__juror__challenge=challenge))
    assert challenge.results_published_at == challenge.results_at
    assert {a.confirmed_at for a in Award.objects.filter(challenge=challenge)} == {challenge.results_at}
