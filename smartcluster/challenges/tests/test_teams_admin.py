"""Teams admin: the pages open; a team shows its members (invited and accepted)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.challenges.tests.world import TeamWorld, build_team_world
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def root() -> tuple[Client, TeamWorld]:
    tw = build_team_world()
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    return client, tw


def test_admin_pages_open_and_a_team_shows_its_members(root: tuple) -> None:
    client, tw = root
    submission = tw.team.submission
    for name, args in [("team_changelist", []), ("team_change", [tw.team.pk]), ("submission_changelist", []),
                       ("submission_change", [submission.pk])]:
        assert client.get(reverse(f"admin:challenges_{name}", args=args), secure=True).status_code == 200
    page = client.get(reverse("admin:challenges_team_change", args=[tw.team.pk]), secure=True).content.decode()
    assert "mark@example.org" in page and "lena@example.org" in page
    assert client.get(reverse("admin:challenges_team_add"), secure=True).status_code == 403

