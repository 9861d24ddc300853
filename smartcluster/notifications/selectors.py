"""Reads of the notifications app: a user's inbox, its unread count, the kinds and the user's e-mail preferences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from smartcluster.notifications.kinds import kinds_discover
from smartcluster.notifications.models import Notification, NotificationPreference


def notification_list_for_user(*, user: Any, unread: bool | None = None) -> QuerySet[Notification]:
    """The user's own notifications, newest first (none for an anonymous user); `unread` filters by read state."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    notifications = Notification.objects.filter(user=user)
    if unread is not None:
        notifications = notifications.filter(read_at__isnull=unread)
    return notifications


def notification_get_for_user(*, user: Any, pk: int) -> Notification:
    """One of the user's own notifications; anyone else's answers 404 (its existence is not told)."""
    notification = notification_list_for_user(user=user).filter(pk=pk).first()
    if notification is None:
        raise Http404(_("No such notification."))
    return notification


def notification_unread_count(*, user: Any) -> int:
    return notification_list_for_user(user=user, unread=True).count()


def notification_kinds() -> dict[str, str | Promise]:
    """Every kind an app registered, code -> label: grouped by app, each app's in the order it registered them."""
    return dict(sorted(kinds_discover().items(), key=lambda item: item[0].partition(".")[0]))


@dataclass(frozen=True)
class Preferences:
    """A user's e-mail choice: `email` the master switch, `by_kind` the kinds chosen one by one."""

    email: bool = True
    by_kind: dict[str, bool] = field(default_factory=dict)

    def wants_email(self, kind: str) -> bool:
        """E-mail only with the master switch on; then a kind's own choice, by default yes."""
        return self.email and self.by_kind.get(kind, True)


def notification_preference_get(*, user: Any) -> Preferences:
    """The user's preferences (everything by e-mail until they choose otherwise)."""
    if not getattr(user, "is_authenticated", False):
        return Preferences()
    rows = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return Preferences(email=rows.pop("", True), by_kind=rows)
