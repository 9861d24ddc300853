"""The in-app inbox (one message to one user) and each user's choice of which messages also come by e-mail."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

# "<app>.<what happened>", e.g. "matchmaking.meeting_requested": the app that sends it names it.
validate_kind = RegexValidator(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_.]*$",
                               _("A kind is written “app.what_happened” in lower case, e.g. matchmaking.meeting_requested."))


def validate_zone_name(value: str) -> None:
    """The inbox shows the message's time in this zone: one this machine's zone database knows."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone “%(zone)s”."), params={"zone": value})


class Notification(models.Model):
    """One message in one user's inbox; what it concerns is named by `topic` (shown) and `topic_key` (a record's
    "<app>.<model>:<id>"), never by a foreign key, so that any app may send one."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
                             verbose_name=_("recipient"))
    kind = models.CharField(_("kind"), max_length=80, validators=[validate_kind])
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    topic = models.CharField(_("about"), max_length=200, blank=True,
                             help_text=_("What the message concerns, as the inbox shows it (e.g. an event's title)."))
    topic_key = models.CharField(_("record"), max_length=100, blank=True,
                                 help_text=_("The record it concerns, as “app.model:id”."))
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True, validators=[validate_zone_name],
                                 help_text=_("The zone its time is shown in (e.g. its event's); empty: the site's."))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_read"),
            models.Index(fields=["user", "-created_at"], name="notification_user_latest"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(kind=""), name="notification_has_kind"),
            models.CheckConstraint(condition=~Q(subject=""), name="notification_has_subject"),
            models.CheckConstraint(condition=Q(read_at__isnull=True) | Q(read_at__gte=F("created_at")),
                                   name="notification_read_after_sent"),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """Whether a user takes e-mail copies: of everything (`kind` empty, the master switch) or of one kind."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notification_preferences")
    kind = models.CharField(_("kind"), max_length=80, blank=True, validators=[validate_kind],
                            help_text=_("Empty: every kind."))
    email = models.BooleanField(_("send by e-mail"), default=True)

    class Meta:
        ordering = ["user", "kind"]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")]

    def __str__(self) -> str:
        how = _("by e-mail too") if self.email else _("inbox only")
        return f"{self.user} · {self.kind or _('every kind')}: {how}"
