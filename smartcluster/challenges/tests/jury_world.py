"""A jury world for the jury tests: the challenge world's challenge past its deadline, three eligible submitted
submissions of teams from three firms, three jurors from their own organisations and an insider (a juror whose
person record is in the first team's organisation: conflicted without declaring)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from smartcluster.challenges.models import (
    Challenge,
    ChallengeCriterion,
    Eligibility,
    Juror,
    Submission,
)
from smartcluster.challenges.tests.world import (
    ChallengeWorld,
    build_challenge_world,
    make_juror,
    make_solver,
    make_team,
)
from smartcluster.organisations.models import Organisation


@dataclass
class JuryWorld:
    base: ChallengeWorld
    challenge: Challenge
    criteria: list[ChallengeCriterion]
    submissions: list[Submission]
    jurors: dict[str, Juror]

    @property
    def users(self) -> dict[str, Any]:
        return self.base.users

    @property
    def tokens(self) -> dict[str, str]:
        return self.base.tokens


def build_jury_world(*, declared: bool = True) -> JuryWorld:
    """The challenge closed yesterday; submissions eligible; jurors j1..j3 and insider accepted (and declared)."""
    base = build_challenge_world()
    now = timezone.now()
    Challenge.objects.filter(pk=base.challenge.pk).update(opens_at=now - timedelta(days=30),
                                                          deadline_at=now - timedelta(days=1))
    base.challenge.refresh_from_db()
    submissions = []
    for number, firm in enumerate(["Sensorik GmbH", "Plantwise Ltd", "Retrofit SA"], start=1):
        lead = make_solver(f"solver{number}", firm)
        team = make_team(base.challenge, lead, Organisation.objects.get(name=firm), title=f"Solution {number}")
        Submission.objects.filter(team=team).update(eligibility=Eligibility.ELIGIBLE)
        submissions.append(Submission.objects.select_related("team").get(team=team))
    jurors = {}
    for name, organisation in [("j1", "Lab One"), ("j2", "Lab Two"), ("j3", "Lab Three"),
                               ("insider", "Sensorik GmbH")]:
        user = make_solver(name, organisation)
        jurors[name] = make_juror(base.challenge, user, None, declared=declared)
    return JuryWorld(base, base.challenge, base.criteria, submissions, jurors)
