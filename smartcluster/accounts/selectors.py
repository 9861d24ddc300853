"""Reads of memberships, API tokens and e-mail confirmations."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.db.models import QuerySet

from smartcluster.accounts.models import ApiToken, Membership


def api_token_list(*, user: Any) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first."""
    return ApiToken.objects.filter(user=user)


def membership_list(*, user: Any) -> QuerySet[Membership]:
    """The organisations the user belongs to, with the role in each."""
    return Membership.objects.filter(user=user).select_related("organisation")


def email_unconfirmed(*, user: Any) -> bool:
    """Did the user sign up and not confirm their e-mail address yet? Sign-up records the address as primary;
    allauth copies the address of an account an administrator made as a non-primary record (when its user asks
    for a password reset, say), which therefore counts as confirmed."""
    flags = set(EmailAddress.objects.filter(user=user).values_list("primary", "verified"))
    return (True, False) in flags and not any(verified for _primary, verified in flags)
