"""Reads of memberships and API tokens."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from smartcluster.accounts.models import ApiToken, Membership


def api_token_list(*, user: Any) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first."""
    return ApiToken.objects.filter(user=user)


def membership_list(*, user: Any) -> QuerySet[Membership]:
    """The organisations the user belongs to, with the role in each."""
    return Membership.objects.filter(user=user).select_related("organisation")
