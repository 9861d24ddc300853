"""Peer reviews pages: the list, a review's page (challenge, participants by role and country with the
two-countries warning, recommendations with the host's responses), its forms and the XLSX export. Views parse
input, call one service or selector, and render."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import editable_organisation_ids
from smartcluster.events.selectors import project_event_host_choices
from smartcluster.learning.choices import ParticipantRole
from smartcluster.learning.exports.peer_reviews import peer_review_recommendations_xlsx
from smartcluster.learning.forms import peer_reviews as forms
from smartcluster.learning.models import PeerReview, Recommendation
from smartcluster.learning.selectors import peer_reviews as selectors
from smartcluster.learning.services import peer_reviews as services
from smartcluster.reports.responses import file_response
from smartcluster.site.views import service_result

ROLE_HEADINGS = {ParticipantRole.PEER: gettext_lazy("Peers"), ParticipantRole.EXPERT: gettext_lazy("Experts"),
                 ParticipantRole.LOCAL_STAKEHOLDER: gettext_lazy("Local stakeholders")}


def _changeable(request: HttpRequest, pk: int) -> PeerReview:
    review = selectors.peer_review_get(user=request.user, pk=pk)
    if not selectors.peer_review_can_change(user=request.user, peer_review=review):
        raise PermissionDenied(_("Only the host partner's editors (and administrators) may change this peer review."))
    return review


def peer_review_list(request: HttpRequest) -> HttpResponse:
    """The peer reviews the user may read, latest first."""
    reviews = Paginator(selectors.peer_review_list(user=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "learning/peer_reviews/list.html", {
        "reviews": reviews, "query": "",
        "can_create": selectors.peer_review_event_choices(user=request.user).exists(),
        "can_create_event": project_event_host_choices(user=request.user).exists(),
    })


def _recommendation_rows(request: HttpRequest, review: PeerReview, is_host: bool) -> list[Recommendation]:
    recommendations = list(selectors.recommendation_list(peer_review=review))
    editable = editable_organisation_ids(request.user)
    for recommendation in recommendations:
        recommendation.response_form = forms.ResponseForm(prefix_pk=recommendation.pk, initial={
            "response": recommendation.response if recommendation.responded_at else None,
            "reason": recommendation.response_reason}) if is_host else None
        recommendation.may_remove = recommendation.responded_at is None and (
            is_host or recommendation.author.organisation_id in editable)
    return recommendations


def peer_review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The challenge, the participants by role with the countries check, and the recommendations with responses."""
    review = selectors.peer_review_get(user=request.user, pk=pk)
    is_host = selectors.peer_review_can_change(user=request.user, peer_review=review)
    participants = selectors.peer_review_participants_shown(
        user=request.user, participants=selectors.peer_review_participant_list(peer_review=review))
    return render(request, "learning/peer_reviews/detail.html", {
        "review": review, "is_host": is_host, "participants": participants, "check": selectors.peer_review_country_check(peer_review=review),
        "roles": [(label, [p for p in participants if p.role == value]) for value, label in ROLE_HEADINGS.items()],
        "recommendations": _recommendation_rows(request, review, is_host),
        "may_recommend": request.user.is_authenticated and selectors.recommendation_author_choices(
            user=request.user, peer_review=review).exists(),
    })


@login_required
def peer_review_create(request: HttpRequest) -> HttpResponse:
    """The review of an existing event of kind peer review the user's partner hosts."""
    form = forms.PeerReviewCreateForm(request.POST or None, user=request.user)
    if not form.fields["event"].queryset.exists():
        messages.info(request, _("None of your partner's peer review events lacks its review: create the event "
                                 "and its review together."))
        return redirect("learning:peer_review_create_with_event")
    if request.method == "POST" and form.is_valid():
        review = service_result(form, lambda: services.peer_review_create(user=request.user, **form.cleaned_data))
        if review is not None:
            messages.success(request, _("Peer review created: now add its participants."))
            return redirect("learning:peer_review_detail", review.pk)
    return render(request, "learning/peer_reviews/form.html", {"form": form})


@login_required
def peer_review_create_with_event(request: HttpRequest) -> HttpResponse:
    """A new project event of kind peer review and its review in one step."""
    if not project_event_host_choices(user=request.user).exists():
        raise PermissionDenied(_("You may create peer reviews only for a partner you edit."))
    zone = request.POST.get("time_zone", "")
    # Start and end are entered in the event's own zone (as on the events' form).
    with timezone.override(zone if zone in zoneinfo.available_timezones() else settings.TIME_ZONE):
        form = forms.PeerReviewWithEventForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            review = service_result(form, lambda: services.peer_review_create_with_event(
                user=request.user, project=data["host"].project, **data))
            if review is not None:
                messages.success(request, _("Peer review and its event created: now add its participants."))
                return redirect("learning:peer_review_detail", review.pk)
    return render(request, "learning/peer_reviews/form.html", {"form": form, "with_event": True})


@login_required
def peer_review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    review = _changeable(request, pk)
    initial = {name: getattr(review, name) for name in services.PEER_REVIEW_FIELDS}
    form = forms.PeerReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.peer_review_update(
            user=request.user, peer_review=review, **form.cleaned_data)):
        messages.success(request, _("Peer review saved."))
        return redirect("learning:peer_review_detail", review.pk)
    return render(request, "learning/peer_reviews/form.html", {"form": form, "review": review})


@require_POST
@login_required
def peer_review_delete(request: HttpRequest, pk: int) -> HttpResponse:
    review = _changeable(request, pk)
    services.peer_review_delete(user=request.user, peer_review=review)
    messages.success(request, _("Peer review removed; its event stays in the calendar."))
    return redirect("learning:peer_review_list")


@login_required
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    review = _changeable(request, pk)
    form = forms.ParticipantForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.peer_review_participant_add(
            user=request.user, peer_review=review, **form.cleaned_data)):
        messages.success(request, _("Participant added."))
        return redirect("learning:peer_review_detail", review.pk)
    return render(request, "learning/peer_reviews/participant_form.html", {"form": form, "review": review})


@require_POST
@login_required
def participant_remove(request: HttpRequest, participant_id: int) -> HttpResponse:
    participant = selectors.peer_review_participant_get(user=request.user, pk=participant_id)
    try:
        services.peer_review_participant_remove(user=request.user, participant=participant)
        messages.success(request, _("Participant removed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("learning:peer_review_detail", participant.peer_review_id)


@login_required
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.peer_review_get(user=request.user, pk=pk)
    form = forms.RecommendationForm(request.POST or None, user=request.user, peer_review=review)
    if not form.fields["author"].queryset.exists():
        raise PermissionDenied(_("Only the editors of a participant's organisation, or the host's, record "
                                 "recommendations."))
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.recommendation_record(
            user=request.user, peer_review=review, **form.cleaned_data)):
        messages.success(request, _("Recommendation recorded: the host will respond to it."))
        return redirect("learning:peer_review_detail", review.pk)
    return render(request, "learning/peer_reviews/recommendation_form.html", {"form": form, "review": review})


@require_POST
@login_required
def recommendation_respond(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    """The host's response; with htmx only the recommendation is redrawn (its form with errors if refused)."""
    recommendation = selectors.recommendation_get(user=request.user, pk=recommendation_id)
    if not selectors.recommendation_can_respond(user=request.user, recommendation=recommendation):
        raise PermissionDenied(_("Only the host partner's editors respond to recommendations."))
    form = forms.ResponseForm(request.POST, prefix_pk=recommendation.pk)
    saved = form.is_valid() and service_result(form, lambda: services.recommendation_respond(
        user=request.user, recommendation=recommendation, **form.cleaned_data))
    if request.htmx:
        shown = selectors.recommendation_get(user=request.user, pk=recommendation.pk)
        shown.response_form = form if not saved else forms.ResponseForm(prefix_pk=shown.pk, initial={
            "response": shown.response, "reason": shown.response_reason})
        return render(request, "learning/peer_reviews/_recommendation.html",
                      {"recommendation": shown, "is_host": True, "saved": bool(saved)})
    if saved:
        messages.success(request, _("Response recorded."))
    else:
        messages.error(request, " ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}"
                                         for f, e in form.errors.items()))
    return redirect("learning:peer_review_detail", recommendation.peer_review_id)


@require_POST
@login_required
def recommendation_delete(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    recommendation = selectors.recommendation_get(user=request.user, pk=recommendation_id)
    try:
        services.recommendation_delete(user=request.user, recommendation=recommendation)
        messages.success(request, _("Recommendation removed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("learning:peer_review_detail", recommendation.peer_review_id)


def peer_review_recommendations_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The review's recommendations with the host's responses, and its participants, as a workbook."""
    review = selectors.peer_review_get(user=request.user, pk=pk)
    payload = peer_review_recommendations_xlsx(
        recommendations=selectors.recommendation_list(peer_review=review),
        participants=selectors.peer_review_participants_shown(
            user=request.user, participants=selectors.peer_review_participant_list(peer_review=review)))
    return file_response(payload, name=_("recommendations-%(title)s") % {"title": review.event.title},
                         extension="xlsx")


urlpatterns: list[URLPattern] = [
    path("peer-reviews/", peer_review_list, name="peer_review_list"),
    path("peer-reviews/new/", peer_review_create, name="peer_review_create"),
    path("peer-reviews/new-with-event/", peer_review_create_with_event, name="peer_review_create_with_event"),
    path("peer-reviews/<int:pk>/", peer_review_detail, name="peer_review_detail"),
    path("peer-reviews/<int:pk>/edit/", peer_review_edit, name="peer_review_edit"),
    path("peer-reviews/<int:pk>/delete/", peer_review_delete, name="peer_review_delete"),
    path("peer-reviews/<int:pk>/participants/new/", participant_add, name="peer_review_participant_add"),
    path("peer-reviews/participants/<int:participant_id>/remove/", participant_remove,
         name="peer_review_participant_remove"),
    path("peer-reviews/<int:pk>/recommendations/new/", recommendation_add, name="recommendation_add"),
    path("peer-reviews/recommendations/<int:recommendation_id>/respond/", recommendation_respond,
         name="recommendation_respond"),
    path("peer-reviews/recommendations/<int:recommendation_id>/delete/", recommendation_delete,
         name="recommendation_delete"),
    path("peer-reviews/<int:pk>/recommendations.xlsx", peer_review_recommendations_export,
         name="peer_review_recommendations_xlsx"),
]
