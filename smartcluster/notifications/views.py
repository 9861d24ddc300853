"""Pages of the notifications app: the signed-in user's inbox and e-mail preferences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from smartcluster.notifications import selectors, services
from smartcluster.notifications.forms import PreferencesForm


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """The user's notifications, newest first, unread ones marked."""
    notifications = selectors.notification_list_for_user(user=request.user)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {
        "page": page, "unread": selectors.notification_unread_count(user=request.user)})


@login_required
@require_POST
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one read and follow its link (written by the sending app: a page here, or a meeting's video room)."""
    notification = selectors.notification_get_for_user(user=request.user, pk=notification_id)
    services.notification_mark_read(user=request.user, notification=notification)
    return redirect(notification.url or "notifications:inbox")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = services.notification_mark_all_read(user=request.user)
    messages.success(request, ngettext("%(count)d notification marked read.", "%(count)d notifications marked read.",
                                       count) % {"count": count})
    return redirect("notifications:inbox")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """Which notifications also come by e-mail."""
    form = PreferencesForm(request.POST or None, kinds=selectors.notification_kinds(),
                           preferences=selectors.notification_preference_get(user=request.user))
    if request.method == "POST" and form.is_valid():
        services.notification_preference_set(user=request.user, email=form.cleaned_data["email"],
                                             by_kind=form.by_kind())
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
