"""The landing page, and the error pages (400/403/404/500) in the site's layout, saying why and what to do."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    """The landing page: what the platform is for, and the sections that are installed."""
    return render(request, "site/home.html")


def _server_paths() -> list[str]:
    """Where the code, the data and the Python environment live on this server."""
    return [str(path) for path in (settings.BASE_DIR.parent, settings.DATA_DIR, sys.prefix)]


def hide_server_paths(text: str) -> str:
    """The text with every server location replaced by "…": a message may quote a file it could not read."""
    for path in _server_paths():
        text = text.replace(path, "…")
    return text


def _reason(exception: Exception | None) -> str:
    """The refusal's own message when it is one meant for people (never a class name, URL pattern or path)."""
    message = exception.args[0] if exception is not None and exception.args else ""
    return hide_server_paths(message) if isinstance(message, str) else ""


def _error_page(request: HttpRequest, status: int, title: str, reason: str, hint: str) -> HttpResponse:
    has_membership = request.user.is_authenticated and request.user.memberships.exists()
    context = {"status": status, "title": title, "reason": reason, "hint": hint,
               "contact_email": settings.CONTACT_EMAIL, "without_membership": request.user.is_authenticated
               and not has_membership and status == 403}
    return render(request, "site/error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400: the request itself is malformed (a bad form, a forged host name, a broken upload)."""
    return _error_page(request, 400, _("Bad request"), _reason(exception),
                       _("The platform could not read this request. Go back, check what you entered and try again."))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403: the page exists, but this account (or nobody logged in) may not see or change it."""
    hint = (_("Your account has no right to this page.") if request.user.is_authenticated
            else _("Log in with an account that may open this page."))
    return _error_page(request, 403, _("Not allowed"), _reason(exception), hint)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404: no page at this address, or a record that does not exist (or is not published)."""
    return _error_page(request, 404, _("Page not found"), _reason(exception),
                       _("There is no page at this address, or the record it names does not exist or is not "
                         "published. Check the address, or start again from the home page."))


def server_error(request: HttpRequest) -> HttpResponse:
    """500: a bug. The page says so without any detail; the error itself is in the server's log."""
    try:
        return _error_page(request, 500, _("Something went wrong"), "",
                           _("The platform met an internal error and the administrator can find it in the log. "
                             "Please try again later."))
    except Exception:  # the layout itself needs the database, which may be what failed
        logger.exception("the error page could not be drawn in the site's layout")
        return HttpResponseServerError(loader.render_to_string("site/error_plain.html"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a form sent without its CSRF token (settings.CSRF_FAILURE_VIEW): forged, or the page grew stale."""
    return _error_page(request, 403, _("Not allowed"),
                       _("This form was sent without its security token, so it was refused. If you sent it "
                         "yourself, reload the page (it may have been open too long, or cookies are blocked) and "
                         "send it again."), _("Nothing was changed."))


def service_result(form: Any, action: Callable[[], Any]) -> Any:
    """Run a service once the form is valid: its result, or None with its refusal put onto the form (field named)."""
    try:
        return action()
    except ValidationError as error:
        form_refusal(form, error)
        return None


def form_errors_text(form: Any) -> str:
    """A form's errors (its own and the services' refusals put onto it) as one message, for a page that shows no form."""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def form_refusal(form: Any, error: ValidationError) -> None:
    """A service's refusal shown on a form: under the field it names, else above the form (for every app)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)
