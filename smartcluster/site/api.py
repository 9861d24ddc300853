"""The JSON API: one django-ninja router per domain app (`<app>/api.py` defining `router`)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError

from smartcluster.accounts.auth import WRITE_AUTH, TooManyTokenFailures
from smartcluster.site.views import hide_server_paths

logger = logging.getLogger(__name__)


def refusal_message(error: ValidationError | PermissionDenied) -> str:
    """Every problem of a refused change, each after the field it is about ("name: This field cannot be blank.");
    a PermissionDenied's own message (services write it for users, never a server detail)."""
    if isinstance(error, PermissionDenied):
        return str(error)
    if not hasattr(error, "error_dict"):
        return "; ".join(error.messages)
    return "; ".join(message if field == NON_FIELD_ERRORS else f"{field}: {message}"
                     for field, messages in error.message_dict.items() for message in messages)


# Defined before the app routers are registered below: their modules import it while this one loads.
def answers_refusals(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """Refusals of the services as JSON answers: 403 for a forbidden change, 400 naming invalid data."""

    @functools.wraps(endpoint)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return endpoint(*args, **kwargs)
        except PermissionDenied as error:
            raise HttpError(403, str(error) or "You may not make this change.") from error
        except ValidationError as error:
            raise HttpError(400, refusal_message(error)) from error

    return wrapper

api = NinjaAPI(
    title="smartcluster API",
    version="1",
    description="Read (and, with rights, write) the platform's records. Authenticate with an "
    "`Authorization: Bearer <token>` header (no CSRF token needed) or, from the platform's own pages, with the "
    "session cookie and the page's CSRF token; lists are paginated and filterable.",
    urls_namespace="api",
    auth=WRITE_AUTH,
)


@api.exception_handler(TooManyTokenFailures)
def _too_many_token_failures(request: HttpRequest, error: TooManyTokenFailures) -> HttpResponse:
    response = api.create_response(request, {"detail": error.message}, status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


@api.exception_handler(HttpError)
def _refused(request: HttpRequest, error: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": hide_server_paths(str(error))}, status=error.status_code)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    # ninja's own refusal of a request without credentials says only "Unauthorized": say what to send.
    detail = error.message if error.message != AuthenticationError().message else _(
        "Authentication required: send an API token (Authorization: Bearer <token>; create one under your user "
        "name → API tokens) or log in.")
    return api.create_response(request, {"detail": detail}, status=401)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    # Our selectors' 404 messages name what is missing; Django's own are generic ("No X matches the given query.").
    return api.create_response(request, {"detail": hide_server_paths(str(error)) or _("Not found.")}, status=404)


@api.exception_handler(OverflowError)
def _number_too_large(request: HttpRequest, error: OverflowError) -> HttpResponse:
    # An id or filter beyond the database's 64-bit integers (SQLite raises instead of matching nothing).
    return api.create_response(
        request, {"detail": _("A number in this request is too large: ids and numbers stop at %(largest)s.")
                  % {"largest": 2**63 - 1}}, status=400,
    )


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, error: Exception) -> HttpResponse:
    """A bug: logged in full for the administrator, answered without any detail (no server path, no trace)."""
    logger.exception("API error on %s %s", request.method, request.path)
    return api.create_response(
        request, {"detail": _("Internal error: the administrator has been told. Please try again later.")},
        status=500,
    )


def _register_app_routers() -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("smartcluster."):
            continue
        try:
            module = import_module(f"{config.name}.api")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.api":
                raise
            continue
        router = getattr(module, "router", None)
        if router is not None:
            api.add_router(f"/{config.label}/", router)


_register_app_routers()
