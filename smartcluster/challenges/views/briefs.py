"""The briefs pages: the public list with its filters, a challenge's page (the whole brief, its criteria,
attachments and changes since publication, and what the viewer may do), the organiser's forms (brief with its
criteria, publish, cancel, attachments) and attachment downloads. Views parse input, call one service or
selector, and render."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.challenges.choices import ChallengePhase
from smartcluster.challenges.exports.briefs import challenge_brief_docx
from smartcluster.challenges.forms import briefs as forms
from smartcluster.challenges.models import Challenge, ChallengeChange
from smartcluster.challenges.selectors import briefs as selectors
from smartcluster.challenges.services import briefs as services
from smartcluster.organisations.selectors import organisation_queryset
from smartcluster.reports.responses import file_response
from smartcluster.site.views import service_result


def _managed(request: HttpRequest, pk: int) -> Challenge:
    challenge = selectors.challenge_get(user=request.user, pk=pk)
    if not selectors.challenge_can_manage(request.user, challenge):
        raise PermissionDenied(_("Only the organiser's editors (and administrators) may change this challenge."))
    return challenge


def challenge_list(request: HttpRequest) -> HttpResponse:
    """The challenges the user may read, filtered by phase, organiser, eligible region and search."""
    readable = selectors.challenge_list(user=request.user)
    form = forms.ChallengeFilterForm(request.GET or None, organisers=organisation_queryset(
        ids=readable.values("organiser_id")))
    filters = form.cleaned_data if form.is_valid() else {}
    challenges = selectors.challenge_list(
        user=request.user, phase=filters.get("phase", ""), search=filters.get("q", ""),
        organiser=filters.get("organiser"), region=filters.get("region", ""))
    page = Paginator(challenges, 25).get_page(request.GET.get("page"))
    phases = selectors.challenge_phases(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "challenges/briefs/list.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "rows": [(challenge, phases[challenge.pk]) for challenge in page.object_list],
        "can_create": request.user.is_authenticated and selectors.challenge_organiser_choices(
            user=request.user).exists(),
    })


def _change_rows(challenge: Challenge) -> list[ChallengeChange]:
    """The change log with each field's label."""
    changes = list(selectors.challenge_change_list(challenge=challenge))
    for change in changes:
        change.label = selectors.challenge_change_label(change.field)
    return changes


def challenge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole brief, its phase and the buttons for what the viewer may do."""
    challenge = selectors.challenge_get(user=request.user, pk=pk)
    phase = selectors.challenge_phase(challenge)
    can_manage = selectors.challenge_can_manage(request.user, challenge)
    return render(request, "challenges/briefs/detail.html", {
        "challenge": challenge, "phase": phase, "can_manage": can_manage,
        "criteria": challenge.criteria.all(), "regions": challenge.eligible_regions.all(),
        "attachments": challenge.attachments.all(), "changes": _change_rows(challenge),
        "may_apply": request.user.is_authenticated and phase == ChallengePhase.OPEN,
        "may_publish": can_manage and phase == ChallengePhase.DRAFT,
        "may_cancel": can_manage and phase not in (ChallengePhase.DRAFT, ChallengePhase.CANCELLED,
                                                   ChallengePhase.RESULTS),
        "may_edit": can_manage and phase != ChallengePhase.CANCELLED,
    })


def _zone_of(request: HttpRequest, shown_in: str = settings.TIME_ZONE) -> str:
    """The zone the timeline was entered in (the form's own field), so datetimes are read in it; before a POST,
    the zone the form shows the timeline in."""
    zone = request.POST.get("time_zone", "")
    return zone if zone in zoneinfo.available_timezones() else shown_in


def _brief_page(request: HttpRequest, form: forms.ChallengeForm, formset: Any, save: Any,
                challenge: Challenge | None = None) -> HttpResponse:
    """The brief's form with its criteria: on a valid POST, `save` them and show the challenge."""
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        arguments = form.service_arguments(changed_only=challenge is not None)
        saved = service_result(form, lambda: save(**arguments, criteria=forms.criteria_data(formset)))
        if saved is not None:
            messages.success(request, _("Challenge saved."))
            return redirect("challenges:challenge_detail", saved.pk)
    return render(request, "challenges/briefs/form.html", {"form": form, "formset": formset,
                                                           "challenge": challenge})


@login_required
def challenge_create(request: HttpRequest) -> HttpResponse:
    """A new draft brief of an organisation the user edits, with its criteria."""
    if not selectors.challenge_organiser_choices(user=request.user).exists():
        raise PermissionDenied(_("You may post challenges only for an organisation you edit."))
    with timezone.override(_zone_of(request)):
        form = forms.ChallengeCreateForm(request.POST or None, user=request.user)
        formset = forms.CriterionFormSet(request.POST or None, prefix="criteria")
        return _brief_page(request, form, formset, lambda **data: services.challenge_create(
            user=request.user, **data))


def _initial(challenge: Challenge) -> dict[str, Any]:
    """The brief's fields for its form, the timeline to the minute the form shows (so an untouched time is not
    a change of its seconds)."""
    initial = {name: getattr(challenge, name) for name in services.CHALLENGE_FIELDS}
    initial.update({name: getattr(challenge, name).replace(second=0, microsecond=0) for name in forms.TIMELINE})
    initial["eligible_regions"] = ", ".join(region.code for region in challenge.eligible_regions.all())
    return initial


@login_required
def challenge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the brief and its criteria; once published each change is logged and the teams told."""
    challenge = _managed(request, pk)
    criteria = [{"name": c.name, "weight": c.weight, "threshold": c.threshold, "description": c.description}
                for c in challenge.criteria.all()]
    with timezone.override(_zone_of(request, shown_in=challenge.time_zone)):
        form = forms.ChallengeForm(request.POST or None, user=request.user, initial=_initial(challenge))
        formset = forms.CriterionFormSet(request.POST or None, prefix="criteria", initial=criteria)
        return _brief_page(request, form, formset, lambda **data: services.challenge_update(
            user=request.user, challenge=challenge, **data), challenge)


def _confirmed_action(request: HttpRequest, challenge: Challenge, form: Any, action: Any, done: str,
                      template: str) -> HttpResponse:
    """A confirmation page; on POST run `action`, its refusal shown on the page."""
    if request.method == "POST" and form.is_valid() and service_result(form, action) is not None:
        messages.success(request, done)
        return redirect("challenges:challenge_detail", challenge.pk)
    return render(request, template, {"challenge": challenge, "form": form})


@login_required
def challenge_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a draft after confirmation."""
    challenge = _managed(request, pk)
    form = forms.PublishForm(request.POST or None)
    return _confirmed_action(request, challenge, form, lambda: services.challenge_publish(
        user=request.user, challenge=challenge), _("Challenge published."), "challenges/briefs/publish.html")


@login_required
def challenge_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel a published challenge, with a reason the teams read."""
    challenge = _managed(request, pk)
    form = forms.CancelForm(request.POST or None)
    return _confirmed_action(request, challenge, form, lambda: services.challenge_cancel(
        user=request.user, challenge=challenge, **form.cleaned_data), _("Challenge cancelled."),
        "challenges/briefs/cancel.html")


@require_POST
@login_required
def challenge_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a draft (a published challenge is cancelled instead: the service refuses)."""
    challenge = _managed(request, pk)
    try:
        services.challenge_delete(user=request.user, challenge=challenge)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("challenges:challenge_detail", challenge.pk)
    messages.success(request, _("Draft deleted."))
    return redirect("challenges:challenge_list")


@login_required
def challenge_attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a document to the brief (its type read from its content)."""
    challenge = _managed(request, pk)
    form = forms.AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.challenge_attachment_add(
            user=request.user, challenge=challenge, **form.cleaned_data)):
        messages.success(request, _("Attachment added."))
        return redirect("challenges:challenge_detail", challenge.pk)
    return render(request, "challenges/briefs/attachment_form.html", {"challenge": challenge, "form": form})


def challenge_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The brief as a Word document, for whoever may read the challenge."""
    challenge = selectors.challenge_get(user=request.user, pk=pk)
    payload = challenge_brief_docx(challenge, phase_label=str(selectors.challenge_phase(challenge).label),
                                   changes=selectors.challenge_change_list(challenge=challenge))
    return file_response(payload, name=f"challenge-{challenge.pk}-{challenge.title}", extension="docx")


def challenge_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """The file, for whoever may read the challenge (404 otherwise), of the type read at upload."""
    attachment = selectors.challenge_attachment_get(user=request.user, pk=pk)
    extension = attachment.file.name.rsplit(".", 1)[-1]
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, content_type=attachment.content_type,
                            filename=f"{slugify(attachment.title) or 'attachment'}.{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    if not attachment.challenge.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


urlpatterns: list[URLPattern] = [
    path("briefs/", challenge_list, name="challenge_list"),
    path("briefs/new/", challenge_create, name="challenge_create"),
    path("briefs/<int:pk>/", challenge_detail, name="challenge_detail"),
    path("briefs/<int:pk>/edit/", challenge_edit, name="challenge_edit"),
    path("briefs/<int:pk>/publish/", challenge_publish, name="challenge_publish"),
    path("briefs/<int:pk>/cancel/", challenge_cancel, name="challenge_cancel"),
    path("briefs/<int:pk>/delete/", challenge_delete, name="challenge_delete"),
    path("briefs/<int:pk>/attachments/new/", challenge_attachment_add, name="challenge_attachment_add"),
    path("briefs/<int:pk>/brief.docx", challenge_docx, name="challenge_docx"),
    path("attachments/<int:pk>/", challenge_attachment, name="challenge_attachment"),
]
