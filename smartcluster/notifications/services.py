"""Writes of the notifications app: send one (inbox, and e-mail when the user wants it), mark read, preferences.

Any app calls `notification_send` with a kind it registered (`notification_kind_register`); the notification names
what it concerns by a label, a key and a link, so this app knows nothing of the senders' models.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from smartcluster.notifications.kinds import kind_register
from smartcluster.notifications.models import Notification, NotificationPreference
from smartcluster.notifications.selectors import notification_kinds, notification_preference_get


def notification_kind_register(kind: str, label: str | Promise) -> str:
    """Declare a kind (e.g. "matchmaking.meeting_requested") with the label its preference shows; returns `kind`."""
    return kind_register(kind, label)


def notification_send(
    *, user: Any, kind: str, subject: str, body: str = "", url: str = "", topic: str = "", topic_key: str = "",
    time_zone: str = "", email: bool = True,
) -> Notification:
    """Into the user's inbox; also by e-mail (Django's mail backend, once the transaction commits) when `email`,
    the user has an address and their preferences take this kind by e-mail."""
    notification = Notification(user=user, kind=kind, subject=str(subject)[:200], body=str(body), url=url,
                                topic=str(topic)[:200], topic_key=topic_key, time_zone=time_zone)
    notification.full_clean(exclude=["user"])
    notification.save()
    if email and user.email and notification_preference_get(user=user).wants_email(kind):
        text = "\n\n".join(part for part in (notification.body, url) if part)
        transaction.on_commit(lambda: send_mail(notification.subject, text, settings.DEFAULT_FROM_EMAIL,
                                                [user.email], fail_silently=True))
    return notification


def notification_email_send(*, email: str, kind: str, subject: str, body: str = "", url: str = "") -> None:
    """An e-mail of a registered kind to someone without an account (e.g. an invited external person), once the
    transaction commits; there is no inbox to put it in."""
    if kind not in notification_kinds():
        raise ValidationError(_("Unknown kind of notification: %(kinds)s.") % {"kinds": kind})
    text = "\n\n".join(part for part in (str(body), url) if part)
    transaction.on_commit(lambda: send_mail(str(subject)[:200], text, settings.DEFAULT_FROM_EMAIL, [email],
                                            fail_silently=True))


def _require_recipient(*, user: Any, notification: Notification) -> None:
    if not getattr(user, "is_authenticated", False) or notification.user_id != user.pk:
        raise PermissionDenied(_("This is not your notification."))


def notification_mark_read(*, user: Any, notification: Notification) -> Notification:
    """The recipient has read it (nobody else may say so); reading it again keeps the first time."""
    _require_recipient(user=user, notification=notification)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, user: Any) -> int:
    """Mark every unread notification of the user read; returns how many."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Log in to read your notifications."))
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def notification_preference_set(*, user: Any, email: bool, by_kind: Mapping[str, bool] | None = None) -> None:
    """The user's e-mail choice: `email` for every kind (the master switch), `by_kind` for single registered kinds."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Log in to choose your notifications."))
    by_kind = dict(by_kind or {})
    unknown = sorted(set(by_kind) - set(notification_kinds()))
    if unknown:
        raise ValidationError(_("Unknown kind of notification: %(kinds)s.") % {"kinds": ", ".join(unknown)})
    with transaction.atomic():
        for kind, wanted in {"": email, **by_kind}.items():
            NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": bool(wanted)})
