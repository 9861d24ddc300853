"""Teams selectors: the organisations behind a submission (the jury's automatic conflicts) and who reads a team."""

from __future__ import annotations

import secrets

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from smartcluster.challenges.models import TeamMember
from smartcluster.challenges.selectors import submission_organisation_ids, team_get, team_mine
from smartcluster.challenges.tests.world import build_challenge_world, make_solver, make_team
from smartcluster.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_a_submissions_organisations_are_the_teams_and_its_accepted_members_person_records() -> None:
    cw = build_challenge_world()
    lead = make_solver("lena", "Lena Robotics")
    member = make_solver("mark", "Mark University")
    invited = make_solver("ivan", "Ivan Labs")
    team = make_team(cw.challenge, lead, Organisation.objects.get(name="Lena Robotics"))
    TeamMember.objects.create(team=team, email=member.email, user=member, invitation_token=secrets.token_hex(8),
                              accepted_at=timezone.now())
    TeamMember.objects.create(team=team, email=invited.email, invitation_token=secrets.token_hex(8))

    ids = submission_organisation_ids(team.submission)

    assert ids == set(Organisation.objects.filter(name__in=["Lena Robotics", "Mark University"])
                      .values_list("pk", flat=True))


def test_a_team_is_read_by_its_members_and_the_organiser_and_nobody_else() -> None:
    cw = build_challenge_world()
    lead = make_solver("lena", "Lena Robotics")
    team = make_team(cw.challenge, lead, Organisation.objects.get(name="Lena Robotics"))

    assert team_get(lead, team.pk) == team
    assert team_get(cw.users["editor_a"], team.pk) == team
    assert list(team_mine(lead)) == [team]
    for user in (cw.users["editor_b"], cw.users["viewer"], AnonymousUser()):
        with pytest.raises(Http404):
            team_get(user, team.pk)
