"""API authentication by bearer token."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from smartcluster.accounts.models import ApiToken, hash_token


class ApiTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):  # noqa: ANN201 - ninja's contract
        api_token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(token)).first()
        if api_token is None or not api_token.user.is_active:
            return None
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = api_token.user
        return api_token.user


def anyone(request: HttpRequest) -> bool:
    """The last resort of read endpoints: published records are readable by all (selectors filter the rest)."""
    return True


# Reads accept a session, a token, or nobody; writes use the API's default (a session or a token).
READ_AUTH = [SessionAuth(csrf=True), ApiTokenAuth(), anyone]
