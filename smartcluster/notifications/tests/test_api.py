"""The API gives each caller their own notifications only, through a real bearer token; anyone else's is a 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from smartcluster.accounts.services import api_token_create
from smartcluster.notifications import services
from smartcluster.notifications.tests.conftest import GREETING
from smartcluster.organisations.tests.factories import ROLES, build_world

pytestmark = pytest.mark.django_db


def _bearer(user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token_create(user=user, name='tests')[1]}"}


def _send(user: Any, subject: str) -> Any:
    return services.notification_send(user=user, kind=GREETING, subject=subject, email=False)


def test_list_shows_only_the_callers_notifications_and_filters_unread(ana: Any, ben: Any) -> None:
    read, unread = _send(ana, "Read one"), _send(ana, "Unread one")
    _send(ben, "Ben's")
    services.notification_mark_read(user=ana, notification=read)
    client, headers = Client(enforce_csrf_checks=True), _bearer(ana)
    everything = client.get("/api/notifications/", headers=headers, secure=True).json()
    assert everything["count"] == 2
    assert [item["subject"] for item in everything["items"]] == ["Unread one", "Read one"]
    only_unread = client.get("/api/notifications/", {"unread": "true"}, headers=headers, secure=True).json()
    assert [item["id"] for item in only_unread["items"]] == [unread.pk]


def test_detail_of_someone_elses_notification_answers_404(ana: Any, ben: Any) -> None:
    mine, theirs = _send(ana, "Mine"), _send(ben, "Theirs")
    headers = _bearer(ana)
    own = Client().get(f"/api/notifications/{mine.pk}", headers=headers, secure=True)
    assert own.status_code == 200 and own.json()["subject"] == "Mine" and own.json()["kind"] == GREETING
    other = Client().get(f"/api/notifications/{theirs.pk}", headers=headers, secure=True)
    assert other.status_code == 404 and "Theirs" not in other.content.decode()
    root = get_user_model().objects.create_superuser("root", "root@example.org", "a-long-root-password-42")
    # An inbox is its recipient's alone: administrators read it in the admin site, not through the API as themselves.
    assert Client().get(f"/api/notifications/{theirs.pk}", headers=_bearer(root), secure=True).status_code == 404


def test_without_a_token_the_api_asks_for_one(db: None) -> None:
    assert Client().get("/api/notifications/", secure=True).status_code == 401


# The permission matrix's roles (organisations/tests/factories.py) reading a notification addressed to editor_a: an
# inbox is its recipient's alone, whatever the organisation or role.
@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_only_its_own_notification(role: str) -> None:
    world = build_world(with_partners=False)
    notification = _send(world.users["editor_a"], "For editor A")
    headers = {} if role == "anonymous" else {"Authorization": f"Bearer {world.tokens[role]}"}
    detail = Client().get(f"/api/notifications/{notification.pk}", headers=headers, secure=True)
    listed = Client().get("/api/notifications/", headers=headers, secure=True)
    if role == "anonymous":
        assert (detail.status_code, listed.status_code) == (401, 401)
    elif role == "editor_a":
        assert detail.status_code == 200 and listed.json()["count"] == 1
    else:
        assert detail.status_code == 404 and listed.json()["count"] == 0
