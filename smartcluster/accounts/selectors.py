"""Reads of memberships, API tokens and e-mail confirmations."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest

from smartcluster.accounts.models import ApiToken, Membership
from smartcluster.accounts.permissions import EDITOR_ROLES


def api_token_list(*, user: Any) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first."""
    return ApiToken.objects.filter(user=user)


def membership_list(*, user: Any) -> QuerySet[Membership]:
    """The organisations the user belongs to, with the role in each."""
    return Membership.objects.filter(user=user).select_related("organisation")


def organisation_editor_list(*, organisation_id: int) -> QuerySet[Any]:
    """The users who edit the organisation (a membership with an editor role), oldest account first."""
    return get_user_model().objects.filter(
        memberships__organisation_id=organisation_id, memberships__role__in=EDITOR_ROLES
    ).order_by("pk")


def membership_exists(*, user: Any, organisation_id: int) -> bool:
    """Does the user hold a membership (any role) of the organisation?"""
    return Membership.objects.filter(user=user, organisation_id=organisation_id).exists()


def membership_organisation_ids(*, user: Any) -> QuerySet[Any]:
    """The ids of the organisations the user holds a membership of (any role), for filters."""
    return Membership.objects.filter(user=user).values("organisation_id")


def email_unconfirmed(*, user: Any) -> bool:
    """Did the user sign up and not confirm their e-mail address yet? Sign-up records the address as primary;
    allauth copies the address of an account an administrator made as a non-primary record (when its user asks
    for a password reset, say), which therefore counts as confirmed."""
    flags = set(EmailAddress.objects.filter(user=user).values_list("primary", "verified"))
    return (True, False) in flags and not any(verified for _primary, verified in flags)


def login_name(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str | None:
    """The name django-axes counts login failures under (AXES_USERNAME_CALLABLE): the account's user name also when
    the form was given its e-mail address, in any case, so that every spelling shares one lock-out counter."""
    given = (credentials or request.POST).get("username")
    if not given:
        return given
    names = list(get_user_model().objects.filter(email__iexact=given).values_list("username", flat=True)[:2])
    return names[0] if len(names) == 1 else given
