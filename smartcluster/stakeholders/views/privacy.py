"""Privacy pages (whole app): the people whose data the user may handle, one person's data held by the platform
with its JSON export, and their erasure on request."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.stakeholders import selectors, services


@login_required
def privacy_index(request: HttpRequest) -> HttpResponse:
    """The people whose data the user may export or erase: themself, their organisations' people (editors),
    everybody (administrators, by search)."""
    search = request.GET.get("q", "").strip()
    return render(request, "stakeholders/privacy/index.html", {
        "people": selectors.privacy_person_list(user=request.user, search=search), "search": search})


@login_required
def privacy_person(request: HttpRequest, person_id: int) -> HttpResponse:
    """What the platform holds on a person (the export's content, summarised) and the erasure form."""
    person = selectors.privacy_person_get(user=request.user, person_id=person_id)
    held = selectors.person_data_export(person=person)
    return render(request, "stakeholders/privacy/person.html", {
        "person": person, "held": held, "counts": {name: len(rows) for name, rows in held["stakeholders"].items()}})


@login_required
def privacy_export(request: HttpRequest, person_id: int) -> HttpResponse:
    """Everything held on the person as a JSON file (the right of access)."""
    person = selectors.privacy_person_get(user=request.user, person_id=person_id)
    payload = json.dumps(selectors.person_data_export(person=person), cls=DjangoJSONEncoder, ensure_ascii=False,
                         indent=2)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


@login_required
@require_POST
def privacy_erase(request: HttpRequest, person_id: int) -> HttpResponse:
    """Erase the person (after the confirmation box is ticked); counts and theme totals stay."""
    person = selectors.privacy_person_get(user=request.user, person_id=person_id)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm the erasure: nothing was changed."))
        return redirect("stakeholders:privacy_person", person_id=person.pk)
    services.person_data_erase(user=request.user, person=person)
    messages.success(request, _("The person's name and e-mail were erased from the platform."))
    return redirect("stakeholders:privacy_index")


urlpatterns: list[URLPattern] = [
    path("privacy/", privacy_index, name="privacy_index"),
    path("privacy/people/<int:person_id>/", privacy_person, name="privacy_person"),
    path("privacy/people/<int:person_id>/export.json", privacy_export, name="privacy_export"),
    path("privacy/people/<int:person_id>/erase/", privacy_erase, name="privacy_erase"),
]
