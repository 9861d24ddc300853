"""Briefs rows of the permission matrix: every role × list, detail, create, edit and publish, on a draft and on a
published challenge of organisation A. The organiser (A's editors) and administrators write; a draft is seen by
them only (404 to everyone else); a refused write raises PermissionDenied and leaves every table unchanged."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from smartcluster.challenges import selectors, services
from smartcluster.challenges.tests.world import build_challenge_world, challenges_dump, make_challenge

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "viewer", "participant", "editor_a", "editor_b", "administrator"]
MANAGERS = {"editor_a", "administrator"}
POSTERS = {*MANAGERS, "editor_b"}  # the create page opens to any organisation's editors (for their own)


def _user(users: dict[str, Any], role: str) -> Any:
    return AnonymousUser() if role == "anonymous" else users[role]


def _client(users: dict[str, Any], role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    return client


def _refused_unchanged(call: Any) -> None:
    before = challenges_dump()
    with pytest.raises(PermissionDenied):
        call()
    assert challenges_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_pages_follow_the_matrix(role: str) -> None:
    cw = build_challenge_world()
    draft, _ = make_challenge(cw.world.org_a, title="Draft brief", published=False, opens_in_days=2)
    client = _client(cw.users, role)
    manages = role in MANAGERS
    listing = client.get(reverse("challenges:challenge_list")).content.decode()
    assert cw.challenge.title in listing and ("Draft brief" in listing) is manages
    assert client.get(reverse("challenges:challenge_detail", args=[cw.challenge.pk])).status_code == 200
    assert client.get(reverse("challenges:challenge_detail", args=[draft.pk])).status_code == (
        200 if manages else 404)
    create = client.get(reverse("challenges:challenge_create"))
    edit_published = client.get(reverse("challenges:challenge_edit", args=[cw.challenge.pk]))
    edit_draft = client.get(reverse("challenges:challenge_edit", args=[draft.pk]))
    publish_draft = client.get(reverse("challenges:challenge_publish", args=[draft.pk]))
    if role == "anonymous":
        assert {create.status_code, edit_published.status_code, edit_draft.status_code} == {302}
    else:
        assert create.status_code == (200 if role in POSTERS else 403)
        assert edit_published.status_code == (200 if manages else 403)
        assert edit_draft.status_code == publish_draft.status_code == (200 if manages else 404)


@pytest.mark.parametrize("role", ROLES)
def test_writes_follow_the_matrix(role: str) -> None:
    cw = build_challenge_world()
    draft, _ = make_challenge(cw.world.org_a, title="Draft brief", published=False, opens_in_days=2)
    user = _user(cw.users, role)
    now = timezone.now()
    calls = {
        "create": lambda: services.challenge_create(
            user=user, organiser=cw.world.org_a, title="New", problem="P", expected_outcome="O",
            opens_at=now + timedelta(days=1), deadline_at=now + timedelta(days=9),
            evaluation_ends_at=now + timedelta(days=19), results_at=now + timedelta(days=29),
            criteria=[("Impact", 1)]),
        "edit the draft": lambda: services.challenge_update(user=user, challenge=draft, title="Renamed draft"),
        "edit the published": lambda: services.challenge_update(user=user, challenge=cw.challenge,
                                                                prizes="A pilot contract"),
        "publish the draft": lambda: services.challenge_publish(user=user, challenge=draft),
    }
    for name, call in calls.items():
        if role in MANAGERS:
            before = challenges_dump()
            call()
            assert challenges_dump() != before, name
        else:
            _refused_unchanged(call)

    def published_again() -> None:
        services.challenge_publish(user=user, challenge=cw.challenge)

    if role in MANAGERS:
        with pytest.raises(ValidationError, match="already published"):
            published_again()
    else:
        _refused_unchanged(published_again)
    assert selectors.challenge_can_manage(user, cw.challenge) is (role in MANAGERS)
