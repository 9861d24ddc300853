"""Writes of memberships, API tokens and e-mail confirmations."""

from __future__ import annotations

from typing import Any

from allauth.account.internal.flows.email_verification import send_verification_email_for_user
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from smartcluster.accounts.models import ApiToken, Membership, MembershipRole, hash_token
from smartcluster.accounts.permissions import is_administrator


def membership_create(*, user: Any, member: Any, organisation: Any, role: str) -> Membership:
    """Give a user a role in an organisation (administrators only)."""
    if not is_administrator(user):
        raise PermissionDenied(_("Only administrators manage memberships."))
    if Membership.objects.filter(user=member, organisation=organisation).exists():
        raise ValidationError(
            _("%(user)s is already a member of %(organisation)s.")
            % {"user": member.get_username(), "organisation": organisation.name}
        )
    membership = Membership(user=member, organisation=organisation, role=role)
    membership.full_clean()
    membership.save()
    return membership


def membership_load(
    *, member: Any, organisation: Any, role: str = MembershipRole.PARTNER_EDITOR
) -> Membership | None:
    """A membership written by a trusted loader (the demo) acting as the platform: the new membership (an editor's
    by default), or None when the user already belongs to the organisation (in whatever role)."""
    if Membership.objects.filter(user=member, organisation=organisation).exists():
        return None
    membership = Membership(user=member, organisation=organisation, role=role)
    membership.full_clean()
    membership.save()
    return membership


def membership_delete(*, user: Any, membership: Membership) -> None:
    if not is_administrator(user):
        raise PermissionDenied(_("Only administrators manage memberships."))
    membership.delete()


def api_token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """A new token for the user and its raw key, which is shown once and never stored."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Log in to create an API token."))
    raw = ApiToken.new_raw_key()
    token = ApiToken(user=user, name=name.strip(), key_hash=hash_token(raw))
    token.full_clean()
    token.save()
    return token, raw


def api_token_revoke(*, user: Any, token: ApiToken) -> None:
    """Revoke one of the user's own tokens (administrators: anyone's)."""
    if token.user_id != getattr(user, "pk", None) and not is_administrator(user):
        raise PermissionDenied(_("This token is not yours."))
    token.delete()


def email_confirmation_resend(*, request: HttpRequest | None, user: Any) -> bool:
    """Send the user's e-mail confirmation link again; False when allauth's rate limit (one per address every few
    minutes) holds it back, so that nobody can flood an inbox by logging in again and again."""
    return send_verification_email_for_user(request, user)
