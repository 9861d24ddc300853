"""Who a user is in the platform: memberships of organisations with a role, and API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipRole(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    PARTNER_EDITOR = "partner_editor", _("Partner editor")
    VIEWER = "viewer", _("Viewer")
    PARTICIPANT = "participant", _("Participant")


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)

    class Meta:
        ordering = ["user", "organisation"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_once")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


def hash_token(raw: str) -> str:
    """Tokens are stored hashed, so a leaked database does not leak working credentials."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @staticmethod
    def new_raw_key() -> str:
        return secrets.token_urlsafe(32)
