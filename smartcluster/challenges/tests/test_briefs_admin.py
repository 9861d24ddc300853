"""Briefs admin: pages open read-only (flags, criteria and change log not editable); publication goes through
the service (its refusal shown, nothing changed); a published brief cannot be deleted there, a draft can."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.challenges.models import Challenge
from smartcluster.challenges.tests.world import (
    ChallengeWorld,
    build_challenge_world,
    challenges_dump,
    make_challenge,
)
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def cw() -> ChallengeWorld:
    return build_challenge_world()


def _root() -> Client:
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    return client


def test_admin_pages_open_with_flags_criteria_and_changes_read_only(cw: ChallengeWorld) -> None:
    client = _root()
    assert client.get(reverse("admin:challenges_challenge_changelist"), secure=True).status_code == 200
    page = client.get(reverse("admin:challenges_challenge_change", args=[cw.challenge.pk]), secure=True)
    content = page.content.decode()
    assert page.status_code == 200 and "Impact" in content
    assert 'name="is_published"' not in content and 'name="criteria-0-weight"' not in content
    assert client.get(reverse("admin:challenges_challengeattachment_changelist"), secure=True).status_code == 200


def test_publishing_in_the_admin_goes_through_the_service(cw: ChallengeWorld) -> None:
    bare = Challenge.objects.create(organiser=cw.world.org_a, title="Bare", problem="P", expected_outcome="O",
                                    opens_at=cw.challenge.opens_at, deadline_at=cw.challenge.deadline_at,
                                    evaluation_ends_at=cw.challenge.evaluation_ends_at,
                                    results_at=cw.challenge.results_at)
    client = _root()
    before = challenges_dump()
    answer = client.post(reverse("admin:challenges_challenge_changelist"),
                         {"action": "publish", "_selected_action": [bare.pk]}, secure=True, follow=True)
    assert "criterion" in answer.content.decode()
    assert challenges_dump() == before


def test_a_published_brief_cannot_be_deleted_in_the_admin_a_draft_can(cw: ChallengeWorld) -> None:
    draft, _ = make_challenge(cw.world.org_a, title="Draft", published=False)
    client = _root()
    published_url = reverse("admin:challenges_challenge_delete", args=[cw.challenge.pk])
    assert client.post(published_url, {"post": "yes"}, secure=True).status_code == 403
    client.post(reverse("admin:challenges_challenge_delete", args=[draft.pk]), {"post": "yes"}, secure=True)
    assert list(Challenge.objects.values_list("pk", flat=True)) == [cw.challenge.pk]
