"""How django-allauth behaves here: as shipped, except that the confirmation link remembers where the user was going."""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailConfirmation
from allauth.account.utils import get_next_redirect_url
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def get_email_confirmation_url(self, request: HttpRequest | None, emailconfirmation: EmailConfirmation) -> str:
        """The link of the confirmation e-mail, carrying the sign-up's (or login's) safe `next`: confirming in
        another browser still leads to the page the user signed up from (a matchmaking registration form)."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = get_next_redirect_url(request) if request is not None else None
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url
