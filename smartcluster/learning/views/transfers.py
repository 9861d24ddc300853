"""Transfers pages: the list with filters, a transfer, and the inspired partner's forms to record, change and
remove one. Views parse input, call one service or selector, and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change
from smartcluster.learning import selectors, services
from smartcluster.learning.forms import transfers as forms
from smartcluster.learning.services.transfers import TRANSFER_FIELDS
from smartcluster.site.views import service_result


def transfer_list(request: HttpRequest) -> HttpResponse:
    """Which partner was inspired by which practice, and how far it took it, filtered."""
    filters = forms.TransferFilterForm(request.GET or None)
    transfers = selectors.practice_transfer_list(user=request.user, **filters.selector_arguments())
    page = Paginator(transfers, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "learning/transfers/transfer_list.html", {
        "filters": filters, "transfers": page, "query": query.urlencode(),
        "can_create": selectors.transfer_partner_choices(user=request.user).exists()})


def transfer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = selectors.practice_transfer_get(user=request.user, transfer_id=pk)
    return render(request, "learning/transfers/transfer_detail.html", {
        "transfer": transfer, "can_change": can_change(request.user, transfer)})


@login_required
def transfer_create(request: HttpRequest) -> HttpResponse:
    """Record a transfer for one of the user's partners (the practice may be preset: ?practice=<id>)."""
    initial = {"practice": request.GET.get("practice")} if request.GET.get("practice") else None
    form = forms.TransferForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        practice, partner = data.pop("practice"), data.pop("partner")
        transfer = service_result(form, lambda: services.practice_transfer_create(
            user=request.user, practice=practice, partner=partner, **data))
        if transfer is not None:
            messages.success(request, _("Transfer recorded."))
            return redirect("learning:transfer_detail", transfer.pk)
    return render(request, "learning/transfers/transfer_form.html", {"form": form, "transfer": None})


def _changeable(request: HttpRequest, pk: int) -> Any:
    transfer = selectors.practice_transfer_get(user=request.user, transfer_id=pk)
    if not can_change(request.user, transfer):
        raise PermissionDenied(_("Only the inspired partner's editors (and administrators) change its transfers."))
    return transfer


@login_required
def transfer_update(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = _changeable(request, pk)
    initial = {name: getattr(transfer, name) for name in TRANSFER_FIELDS}
    form = forms.TransferForm(request.POST or None, user=request.user, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.practice_transfer_update(
            user=request.user, transfer=transfer, **form.cleaned_data)) is not None:
        messages.success(request, _("Transfer saved."))
        return redirect("learning:transfer_detail", transfer.pk)
    return render(request, "learning/transfers/transfer_form.html", {"form": form, "transfer": transfer})


@require_POST
@login_required
def transfer_delete(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = _changeable(request, pk)
    services.practice_transfer_delete(user=request.user, transfer=transfer)
    messages.success(request, _("Transfer removed."))
    return redirect(reverse("learning:transfer_list"))


urlpatterns: list[URLPattern] = [
    path("transfers/", transfer_list, name="transfer_list"),
    path("transfers/new/", transfer_create, name="transfer_create"),
    path("transfers/<int:pk>/", transfer_detail, name="transfer_detail"),
    path("transfers/<int:pk>/edit/", transfer_update, name="transfer_update"),
    path("transfers/<int:pk>/delete/", transfer_delete, name="transfer_delete"),
]
