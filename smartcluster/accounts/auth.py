"""API authentication: a bearer token (no CSRF token needed) or the browser's session (CSRF-checked).

A request with an `Authorization: Bearer …` header is judged by its token alone: a wrong one answers 401, and
too many wrong ones from one address answer 429 until a cool-off time has passed since the last. Only a session
cookie — which a browser sends by itself, so a forged cross-site request carries it too — needs Django's CSRF
token on writes.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from smartcluster.accounts.models import ApiToken, hash_token


class TooManyTokenFailures(HttpError):
    """Too many wrong tokens from one address: answered 429 with a Retry-After header."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        minutes = max(1, round(retry_after / 60))
        super().__init__(429, _("Too many wrong API tokens were sent from your address. Try again in %(minutes)s "
                                "minutes.") % {"minutes": minutes})


def client_address(request: HttpRequest) -> str:
    """The client's address (settings.AXES_CLIENT_IP_CALLABLE): REMOTE_ADDR, or behind PROXY_COUNT trusted proxies
    the address the outermost of them saw, read from the right of X-Forwarded-For so a client cannot forge it."""
    remote = request.META.get("REMOTE_ADDR", "")
    if settings.PROXY_COUNT <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-settings.PROXY_COUNT] if len(forwarded) >= settings.PROXY_COUNT else remote


def _failure_key(request: HttpRequest) -> str:
    return f"api-token-failures:{client_address(request) or 'unknown'}"


def token_failures_check(request: HttpRequest) -> None:
    """Refuse an address that sent too many wrong tokens within the cool-off time."""
    failures = caches[settings.API_TOKEN_FAILURE_CACHE].get(_failure_key(request), 0)
    if failures >= settings.API_TOKEN_FAILURE_LIMIT:
        raise TooManyTokenFailures(int(settings.LOGIN_COOLOFF.total_seconds()))


def token_failure_record(request: HttpRequest) -> None:
    """Count a wrong token against its address, for one cool-off time after its latest wrong token (set with an
    explicit timeout: the file cache's incr() would keep only its 5-minute default)."""
    cache = caches[settings.API_TOKEN_FAILURE_CACHE]
    key = _failure_key(request)
    cache.set(key, cache.get(key, 0) + 1, timeout=int(settings.LOGIN_COOLOFF.total_seconds()))


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`: the token's user, or 401 for a token that is not (or no longer) valid."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        token_failures_check(request)
        api_token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(token)).first()
        if api_token is None or not api_token.user.is_active:
            token_failure_record(request)
            raise AuthenticationError(message=_("This API token is not valid (revoked, mistyped or its user is "
                                                "inactive)."))
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = api_token.user
        return api_token.user


class SessionCsrfAuth(SessionAuth):
    """The logged-in browser session; its unsafe requests must carry Django's CSRF token (403 otherwise)."""

    def __init__(self) -> None:
        super().__init__(csrf=False)  # checked below, and only for a logged-in session

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not request.user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, _("CSRF check failed: a request made with the session cookie must send the "
                                   "page's CSRF token (X-CSRFToken header), or use an API token instead."))
        return request.user


def anyone(request: HttpRequest) -> bool:
    """The last resort of read endpoints: published records are readable by all (selectors filter the rest)."""
    return True


# The token comes first, so a script's token request never meets the session's CSRF check.
WRITE_AUTH = [ApiTokenAuth(), SessionCsrfAuth()]
# Reads accept a token, a session, or nobody (a wrong token still answers 401).
READ_AUTH = [*WRITE_AUTH, anyone]
