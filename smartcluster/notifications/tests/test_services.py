"""The rules of sending, reading and choosing e-mail, proved on the services against the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from smartcluster.notifications import selectors, services
from smartcluster.notifications.models import Notification, NotificationPreference
from smartcluster.notifications.tests.conftest import DIGEST, GREETING, make_user

pytestmark = pytest.mark.django_db


def _send(user: Any, kind: str = GREETING, **extra: Any) -> Notification:
    return services.notification_send(user=user, kind=kind, subject="Hello", body="Welcome aboard.",
                                      url="/somewhere/", **extra)


def test_send_puts_it_in_the_inbox_and_mails_it_once_committed(ana: Any,
                                                               django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = _send(ana, topic="Smart Industry B2B", topic_key="matchmaking.event:7")
    assert not mail.outbox  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"] and message.subject == "Hello"
    assert message.body == "Welcome aboard.\n\n/somewhere/"
    assert list(selectors.notification_list_for_user(user=ana)) == [notification]
    assert notification.topic_key == "matchmaking.event:7" and not notification.is_read


def test_a_rolled_back_send_leaves_no_message_and_no_mail(ana: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        _send(ana)
        raise RuntimeError("the sender's transaction fails")
    assert not Notification.objects.exists() and not mail.outbox


def test_in_app_only_when_asked_or_when_the_user_has_no_address(ana: Any,
                                                                django_capture_on_commit_callbacks: Any) -> None:
    nameless = make_user("nameless", email=False)
    with django_capture_on_commit_callbacks(execute=True):
        _send(ana, email=False)
        _send(nameless)
    assert Notification.objects.count() == 2 and not mail.outbox


def test_master_switch_off_stops_every_mail_but_not_the_inbox(ana: Any, registered_kinds: Any,
                                                              django_capture_on_commit_callbacks: Any) -> None:
    services.notification_preference_set(user=ana, email=False, by_kind={GREETING: True})
    with django_capture_on_commit_callbacks(execute=True):
        _send(ana, GREETING)
        _send(ana, DIGEST)
    assert not mail.outbox
    assert selectors.notification_unread_count(user=ana) == 2


def test_one_kind_switched_off_keeps_mail_for_the_others(ana: Any, ben: Any, registered_kinds: Any,
                                                         django_capture_on_commit_callbacks: Any) -> None:
    services.notification_preference_set(user=ana, email=True, by_kind={DIGEST: False})
    with django_capture_on_commit_callbacks(execute=True):
        _send(ana, GREETING)
        _send(ana, DIGEST)
        _send(ben, DIGEST)  # someone else's choice is not Ana's
    assert sorted((message.to[0], message.subject) for message in mail.outbox) == [
        ("ana@example.org", "Hello"), ("ben@example.org", "Hello")]
    assert selectors.notification_preference_get(user=ana).by_kind == {DIGEST: False}


def test_preferences_default_to_mail_and_are_changed_in_place(ana: Any, registered_kinds: Any) -> None:
    assert selectors.notification_preference_get(user=ana).wants_email(GREETING)
    services.notification_preference_set(user=ana, email=True, by_kind={GREETING: False})
    services.notification_preference_set(user=ana, email=True, by_kind={GREETING: True})
    assert NotificationPreference.objects.filter(user=ana).count() == 2  # the master switch and one kind
    assert selectors.notification_preference_get(user=ana).wants_email(GREETING)


def test_a_preference_for_an_unknown_kind_is_refused_and_changes_nothing(ana: Any, registered_kinds: Any) -> None:
    with pytest.raises(ValidationError, match="tests.unknown"):
        services.notification_preference_set(user=ana, email=False, by_kind={GREETING: False, "tests.unknown": False})
    assert not NotificationPreference.objects.exists()


def test_an_anonymous_visitor_has_no_preferences_to_set(registered_kinds: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.notification_preference_set(user=AnonymousUser(), email=False)
    assert not NotificationPreference.objects.exists()


def test_a_badly_written_kind_is_refused_and_nothing_is_stored(ana: Any) -> None:
    with pytest.raises(ValidationError, match="kind"):
        _send(ana, "Meeting Requested")
    assert not Notification.objects.exists()


def test_only_the_recipient_marks_a_notification_read_and_the_first_time_stays(ana: Any, ben: Any) -> None:
    notification = _send(ana)
    with pytest.raises(PermissionDenied):
        services.notification_mark_read(user=ben, notification=notification)
    assert Notification.objects.get(pk=notification.pk).read_at is None
    first = services.notification_mark_read(user=ana, notification=notification).read_at
    again = services.notification_mark_read(user=ana, notification=Notification.objects.get(pk=notification.pk))
    assert first is not None and again.read_at == first


def test_mark_all_read_touches_only_the_users_own_unread(ana: Any, ben: Any) -> None:
    _send(ana), _send(ana), _send(ben)
    assert services.notification_mark_all_read(user=ana) == 2
    assert selectors.notification_unread_count(user=ana) == 0
    assert selectors.notification_unread_count(user=ben) == 1


def test_the_database_refuses_a_message_without_subject_or_read_before_it_was_sent(ana: Any) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(user=ana, kind=GREETING, subject="")
    notification = _send(ana)
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.filter(pk=notification.pk).update(read_at=notification.created_at - dt.timedelta(hours=1))
    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationPreference.objects.create(user=ana, kind="")
        NotificationPreference.objects.create(user=ana, kind="")
    assert Notification.objects.get().read_at is None and not NotificationPreference.objects.exists()


def test_the_list_is_newest_first_and_filters_by_read_state(ana: Any) -> None:
    older, newer = _send(ana), _send(ana)
    Notification.objects.filter(pk=older.pk).update(created_at=timezone.now() - dt.timedelta(days=1))
    services.notification_mark_read(user=ana, notification=newer)
    assert list(selectors.notification_list_for_user(user=ana)) == [newer, older]
    assert list(selectors.notification_list_for_user(user=ana, unread=True)) == [older]
    assert list(selectors.notification_list_for_user(user=ana, unread=False)) == [newer]


def test_an_unknown_time_zone_is_refused_before_the_inbox_would_fail_to_show_it(ana: Any) -> None:
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        _send(ana, time_zone="Mars/Olympus")
    assert not Notification.objects.exists()
