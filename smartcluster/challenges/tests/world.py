"""A challenge world for the tests of this app: the organisations world of `organisations.tests.factories`, a
published challenge of organisation A (editor_a organises) open for submissions, solvers with their teams and
submissions, and jurors. Records are written directly (the services are what the tests prove)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core import serializers
from django.utils import timezone

from smartcluster.accounts.services import api_token_create
from smartcluster.challenges.models import (
    Assignment,
    Award,
    Challenge,
    ChallengeAttachment,
    ChallengeChange,
    ChallengeCriterion,
    ConflictOfInterest,
    Juror,
    Score,
    Submission,
    SubmissionAttachment,
    SubmissionStatus,
    Team,
    TeamMember,
    TeamRole,
)
from smartcluster.organisations.models import Organisation, OrganisationType, Person
from smartcluster.organisations.tests.factories import (  # noqa: F401 - signed_in, post: re-exported for this app
    World,
    build_world,
    database_dump,
    make_user,
    post,
    signed_in,
)

# Criteria in tie-break order: (name, weight)
CRITERIA = [("Impact", Decimal("40")), ("Excellence", Decimal("35")), ("Implementation", Decimal("25"))]


@dataclass
class ChallengeWorld:
    world: World
    challenge: Challenge
    criteria: list[ChallengeCriterion]
    solvers: dict[str, Any] = field(default_factory=dict)

    @property
    def users(self) -> dict[str, Any]:
        return self.world.users

    @property
    def tokens(self) -> dict[str, str]:
        return self.world.tokens


def make_challenge(organiser: Organisation, *, title: str = "Predictive maintenance for small plants",
                   published: bool = True, opens_in_days: int = -10, deadline_in_days: int = 10,
                   **fields: Any) -> tuple[Challenge, list[ChallengeCriterion]]:
    """A challenge of `organiser` with the three criteria of CRITERIA; open now unless told otherwise."""
    now = timezone.now()
    challenge = Challenge.objects.create(
        organiser=organiser, title=title, problem="Unplanned stops cost small plants a tenth of their output.",
        expected_outcome="A retrofit sensor kit and a model that warns a week ahead.",
        opens_at=now + timedelta(days=opens_in_days), deadline_at=now + timedelta(days=deadline_in_days),
        evaluation_ends_at=now + timedelta(days=deadline_in_days + 20),
        results_at=now + timedelta(days=deadline_in_days + 30),
        is_published=published, published_at=now if published else None, **fields)
    criteria = [ChallengeCriterion.objects.create(challenge=challenge, position=index, name=name, weight=weight)
                for index, (name, weight) in enumerate(CRITERIA, start=1)]
    return challenge, criteria


def make_solver(username: str, organisation_name: str, *,
                organisation_type: str = OrganisationType.SME) -> Any:
    """A user with a listed person record in an organisation of their own (created if missing)."""
    organisation, _ = Organisation.objects.get_or_create(name=organisation_name,
                                                         defaults={"type": organisation_type})
    user = make_user(username, email=f"{username}@example.org")
    Person.objects.create(name=username.title(), email=user.email, organisation=organisation, user=user)
    return user


def make_team(challenge: Challenge, lead: Any, organisation: Organisation, *, name: str = "",
              submitted: bool = True, title: str = "") -> Team:
    """A team led by `lead` with a submission, submitted (now) unless told otherwise."""
    team = Team.objects.create(challenge=challenge, name=name or f"Team {lead.username}", organisation=organisation,
                               created_by=lead)
    TeamMember.objects.create(team=team, email=lead.email or f"{lead.username}@example.org", user=lead,
                              role=TeamRole.LEAD, invitation_token=secrets.token_hex(16),
                              accepted_at=timezone.now())
    Submission.objects.create(
        team=team, title=title or f"Solution of {team.name}", summary="A retrofit kit with a cloud model.",
        status=SubmissionStatus.SUBMITTED if submitted else SubmissionStatus.DRAFT,
        submitted_at=timezone.now() if submitted else None)
    return team


def make_juror(challenge: Challenge, user: Any, organisation: Organisation | None = None, *,
               declared: bool = True) -> Juror:
    """A juror who accepted and (unless told otherwise) declared their conflicts."""
    now = timezone.now()
    return Juror.objects.create(challenge=challenge, user=user, organisation=organisation, accepted_at=now,
                                conflicts_declared_at=now if declared else None)


def build_challenge_world() -> ChallengeWorld:
    """The organisations world plus a published, open challenge of organisation A with three weighted criteria."""
    world = build_world()
    challenge, criteria = make_challenge(world.org_a)
    return ChallengeWorld(world, challenge, criteria)


def challenges_dump() -> str:
    """Every row of this app plus organisations and accounts, to prove a refused write changed nothing."""
    models = [Challenge, ChallengeCriterion, ChallengeChange, ChallengeAttachment, Team, TeamMember, Submission,
              SubmissionAttachment, Juror, ConflictOfInterest, Assignment, Score, Award]
    rows = [serializers.serialize("json", model.objects.order_by("pk")) for model in models]
    return database_dump() + "\n" + "\n".join(rows)


def make_member(team: Team, user: Any, *, accepted: bool = True) -> TeamMember:
    """A member of `team` (accepted unless told otherwise: then an open invitation to the user's address)."""
    return TeamMember.objects.create(team=team, email=user.email, user=user if accepted else None,
                                     role=TeamRole.MEMBER, invitation_token=secrets.token_hex(16),
                                     accepted_at=timezone.now() if accepted else None)


@dataclass
class TeamWorld:
    cw: ChallengeWorld
    team: Team
    other_team: Team

    @property
    def users(self) -> dict[str, Any]:
        """The organisations world's roles plus team_lead, team_member and other_solver (another team's lead)."""
        return self.cw.users


def build_team_world(*, submitted: bool = False) -> TeamWorld:
    """The challenge world plus a team of Lena Robotics (lead lena, accepted member mark of Mark University) with a
    draft (or submitted) submission, and another solver's team with a submitted one; their users and API tokens
    are added to the world's as team_lead, team_member and other_solver."""
    cw = build_challenge_world()
    lead, member, other = (make_solver("lena", "Lena Robotics"), make_solver("mark", "Mark University"),
                           make_solver("otto", "Otto Systems"))
    team = make_team(cw.challenge, lead, Organisation.objects.get(name="Lena Robotics"), submitted=submitted)
    make_member(team, member)
    other_team = make_team(cw.challenge, other, Organisation.objects.get(name="Otto Systems"))
    for role, user in (("team_lead", lead), ("team_member", member), ("other_solver", other)):
        cw.users[role] = user
        cw.tokens[role] = api_token_create(user=user, name="tests")[1]
    return TeamWorld(cw, team, other_team)
