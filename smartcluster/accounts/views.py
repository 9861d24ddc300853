"""The user's own account pages: memberships and API tokens; the login page of a locked-out user."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from smartcluster.accounts import selectors, services
from smartcluster.accounts.forms import ApiTokenForm, LoginForm


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """My API tokens: create one (its key is shown once, on this response only) or revoke one."""
    form = ApiTokenForm(request.POST or None)
    raw_key = None
    if request.method == "POST" and form.is_valid():
        _token, raw_key = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    return render(request, "accounts/token_list.html", {
        "form": form, "raw_key": raw_key, "tokens": selectors.api_token_list(user=request.user),
        "memberships": selectors.membership_list(user=request.user),
    })

@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(selectors.api_token_list(user=request.user), pk=pk)
    services.api_token_revoke(user=request.user, token=token)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("accounts:tokens")


def login_locked_out(request: HttpRequest, response: HttpResponse | None = None,
                     credentials: dict | None = None) -> HttpResponse:
    """django-axes' answer to a login after too many failures: the login page, saying why and for how long (429)."""
    minutes = max(1, round(settings.LOGIN_COOLOFF.total_seconds() / 60))
    message = ngettext(
        "Too many failed logins for this user name or from your address. Logging in is blocked for %(minutes)s "
        "minute; try again then, or ask your project's administrator to unlock it.",
        "Too many failed logins for this user name or from your address. Logging in is blocked for %(minutes)s "
        "minutes; try again then, or ask your project's administrator to unlock it.",
        minutes,
    ) % {"minutes": minutes}
    form = LoginForm(request, initial={"username": (credentials or {}).get("username", "")})
    return render(request, "registration/login.html",
                  {"form": form, "locked_out": message, "next": request.POST.get("next", "")}, status=429)
