"""A judged challenge for the ranking tests: the challenge world with its evaluation ended, three eligible teams,
three jurors (editor_b among them) who sent their scores, and helpers to write sent scores directly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from smartcluster.challenges.models import Assignment, Eligibility, Juror, Score, Submission, Team
from smartcluster.challenges.tests.world import (
    ChallengeWorld,
    build_challenge_world,
    make_juror,
    make_solver,
    make_team,
)
from smartcluster.organisations.tests.factories import make_user

# Each juror's scores (Impact 40, Excellence 35, Implementation 25) per team: totals in the docstring of the tests.
SCORES = {
    "alpha": {"editor_b": (4, 4, 4), "juror2": (5, 4, 3), "juror3": (3, 3, 3)},
    "beta": {"editor_b": (3, 3, 3), "juror2": (4, 4, 4), "juror3": (2, 2, 2)},
    "gamma": {"editor_b": (2, 2, 2), "juror2": (2, 3, 2), "juror3": (1, 1, 1)},
}


@dataclass
class RankingWorld:
    cw: ChallengeWorld
    teams: dict[str, Team]
    jurors: dict[str, Juror]

    @property
    def challenge(self) -> Any:
        return self.cw.challenge

    @property
    def users(self) -> dict[str, Any]:
        return self.cw.users


def send_scores(juror: Juror, submission: Submission, values: tuple[float, ...], comment: str = "") -> Assignment:
    """An assignment with one score per criterion (in order), sent now."""
    assignment = Assignment.objects.create(juror=juror, submission=submission, comment=comment,
                                           submitted_at=timezone.now())
    for criterion, value in zip(juror.challenge.criteria.order_by("position"), values, strict=True):
        Score.objects.create(assignment=assignment, criterion=criterion, value=Decimal(str(value)),
                             comment=f"{criterion.name} comment by {juror.user.username}")
    return assignment


def extra_juror(rw: RankingWorld, username: str) -> Juror:
    """One more juror of the judged challenge (a new user)."""
    return make_juror(rw.challenge, make_user(username))


def build_ranking_world(*, evaluation_ended: bool = True, scored: bool = True) -> RankingWorld:
    """The judged challenge: submissions closed, evaluation ended (unless told otherwise), teams eligible."""
    cw = build_challenge_world()
    now = timezone.now()
    challenge = cw.challenge
    challenge.opens_at, challenge.deadline_at = now - timedelta(days=60), now - timedelta(days=30)
    challenge.evaluation_ends_at = now - timedelta(days=1) if evaluation_ended else now + timedelta(days=5)
    challenge.results_at = now + timedelta(days=10)
    challenge.save()
    teams = {}
    for name in SCORES:
        lead = make_solver(f"lead_{name}", f"{name.title()} Robotics")
        team = make_team(challenge, lead, lead.person.organisation, name=name.title(), title=f"{name.title()} kit")
        Submission.objects.filter(team=team).update(eligibility=Eligibility.ELIGIBLE)
        teams[name] = Team.objects.get(pk=team.pk)
    users = {"editor_b": cw.users["editor_b"], "juror2": make_user("juror2"), "juror3": make_user("juror3")}
    jurors = {name: make_juror(challenge, user) for name, user in users.items()}
    if scored:
        for name, by_juror in SCORES.items():
            for juror, values in by_juror.items():
                send_scores(jurors[juror], teams[name].submission, values, comment=f"Overall by {juror}")
    return RankingWorld(cw, teams, jurors)
