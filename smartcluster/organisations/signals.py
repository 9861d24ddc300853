"""What the organisations app does when other apps signal: a user who signs up gets their person record."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import user_signed_up
from django.dispatch import receiver

from smartcluster.organisations.services import person_create_for_user


@receiver(user_signed_up, dispatch_uid="organisations.person_for_signed_up_user")
def person_for_signed_up_user(sender: Any, *, user: Any, **kwargs: Any) -> None:
    """The new user's person record (accounts, the lower layer, does not know organisations)."""
    person_create_for_user(user=user)
