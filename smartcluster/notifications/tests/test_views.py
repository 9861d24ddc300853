"""The inbox and preferences pages as a browser meets them: own messages only, CSRF enforced, refusals change
nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.notifications import services
from smartcluster.notifications.models import Notification, NotificationPreference
from smartcluster.notifications.tests.conftest import DIGEST, GREETING
from smartcluster.site.tests.csrf import form_token

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _send(user: Any, subject: str, url: str = "/matchmaking/") -> Notification:
    return services.notification_send(user=user, kind=GREETING, subject=subject, url=url, email=False)


def test_inbox_lists_only_the_users_own_messages_and_the_header_counts_them(ana: Any, ben: Any) -> None:
    _send(ana, "For Ana"), _send(ana, "Also for Ana"), _send(ben, "For Ben")
    page = _client(ana).get(reverse("notifications:inbox")).content.decode()
    assert "For Ana" in page and "Also for Ana" in page and "For Ben" not in page
    assert '<span class="badge" aria-hidden="true">2</span>' in page and "(2 unread)" in page


def test_opening_a_message_marks_it_read_and_follows_its_link(ana: Any) -> None:
    notification = _send(ana, "Meeting request", url="/matchmaking/meetings/4/")
    client = _client(ana)
    token = form_token(client.get(reverse("notifications:inbox")).content.decode())
    response = client.post(reverse("notifications:read", args=[notification.pk]), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == "/matchmaking/meetings/4/"
    assert Notification.objects.get(pk=notification.pk).is_read


def test_someone_elses_message_answers_404_and_stays_unread(ana: Any, ben: Any) -> None:
    notification = _send(ben, "For Ben")
    client = _client(ana)
    token = form_token(client.get(reverse("notifications:inbox")).content.decode())
    response = client.post(reverse("notifications:read", args=[notification.pk]), {"csrfmiddlewaretoken": token})
    assert response.status_code == 404
    assert not Notification.objects.get(pk=notification.pk).is_read


def test_mark_all_read_without_the_csrf_token_is_refused_and_changes_nothing(ana: Any) -> None:
    _send(ana, "One"), _send(ana, "Two")
    client = _client(ana)
    assert client.post(reverse("notifications:read_all")).status_code == 403
    assert Notification.objects.filter(read_at__isnull=True).count() == 2
    token = form_token(client.get(reverse("notifications:inbox")).content.decode())
    assert client.post(reverse("notifications:read_all"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_preferences_form_saves_the_users_choice_with_its_csrf_token(ana: Any, registered_kinds: Any) -> None:
    client = _client(ana)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert 'name="kind__tests.digest"' in page and "Weekly digests" in page
    assert "Meeting requests to you" in page  # the kinds other apps register in their services
    response = client.post(reverse("notifications:preferences"), {
        "csrfmiddlewaretoken": form_token(page), "email": "on", f"kind__{GREETING}": "on"})  # the digest unticked
    assert response.status_code == 302
    chosen = NotificationPreference.objects.filter(user=ana, kind__in=["", GREETING, DIGEST])
    assert dict(chosen.values_list("kind", "email")) == {"": True, GREETING: True, DIGEST: False}


def test_a_forged_preferences_post_without_csrf_token_is_refused_and_changes_nothing(ana: Any,
                                                                                   registered_kinds: Any) -> None:
    response = _client(ana).post(reverse("notifications:preferences"), {"email": ""})
    assert response.status_code == 403
    assert not NotificationPreference.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(db: None) -> None:
    for name in ("inbox", "preferences"):
        response = Client().get(reverse(f"notifications:{name}"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
