"""Peer reviews reads: the reviews a user may read, their participants by role and country (with the 2018
two-countries check), the recommendations and the host's responses, and the accepted ones for action plans."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from smartcluster.accounts.permissions import (
    can_change,
    editable_organisation_ids,
    editable_queryset,
    is_administrator,
    visible_queryset,
)
from smartcluster.events.choices import EventKind
from smartcluster.events.selectors import project_event_list
from smartcluster.learning.choices import ParticipantRole, RecommendationResponse
from smartcluster.learning.models import GoodPractice, PeerReview, PeerReviewParticipant, Recommendation
from smartcluster.organisations.selectors import person_list

__all__ = [
    "PEER_COUNTRIES_MINIMUM",
    "PeerCountryCheck",
    "peer_review_can_change",
    "peer_review_country_check",
    "peer_review_event_choices",
    "peer_review_get",
    "peer_review_host_country",
    "peer_review_list",
    "peer_review_list_for_report",
    "peer_review_participant_get",
    "peer_review_participant_list",
    "peer_review_participants_shown",
    "recommendation_accepted_list",
    "recommendation_author_choices",
    "recommendation_can_respond",
    "recommendation_get",
    "recommendation_list",
    "recommendation_practice_choices",
]

# shared/methods/evaluation.md §2: the 2018 rules wanted peers from at least two countries besides the host's.
PEER_COUNTRIES_MINIMUM = 2


def _reviews() -> QuerySet[PeerReview]:
    return PeerReview.objects.select_related(
        "event__project", "event__host__organisation__region").order_by("-event__starts_at", "pk")


def peer_review_list(*, user: Any, project: int | None = None, event: int | None = None,
                     host: int | None = None) -> QuerySet[PeerReview]:
    """Peer reviews the user may read: public ones, and internal ones to the project's partners, whose event the
    user may read too (an internal event keeps its review internal)."""
    reviews = visible_queryset(user, _reviews()).filter(event__in=project_event_list(user=user).values("pk"))
    if project is not None:
        reviews = reviews.filter(event__project_id=project)
    if event is not None:
        reviews = reviews.filter(event_id=event)
    if host is not None:
        reviews = reviews.filter(event__host_id=host)
    return reviews


def peer_review_get(*, user: Any, pk: int) -> PeerReview:
    """One peer review the user may read (404 otherwise, so an internal one does not leak)."""
    review = peer_review_list(user=user).filter(pk=pk).first()
    if review is None:
        raise Http404(_("No such peer review."))
    return review


def peer_review_can_change(*, user: Any, peer_review: PeerReview) -> bool:
    """The host partner's editors (and administrators) change a review, its participants and respond."""
    return can_change(user, peer_review)


def peer_review_event_choices(*, user: Any) -> QuerySet[Any]:
    """Events of kind peer review the user hosts (as an editor) that have no peer review yet."""
    events = project_event_list(user=user, kind=EventKind.PEER_REVIEW).filter(peer_review__isnull=True)
    return editable_queryset(user, events)


def peer_review_host_country(*, peer_review: PeerReview) -> str:
    """The host's country: the NUTS country of the host partner's organisation's region ("" when unknown)."""
    region = peer_review.event.host.organisation.region
    return region.country if region is not None else ""


def peer_review_participant_list(*, peer_review: PeerReview, role: str = "") -> QuerySet[PeerReviewParticipant]:
    """The participants, by role then organisation, with their organisation and person."""
    participants = peer_review.participants.select_related("organisation", "person")
    return participants.filter(role=role) if role else participants


def peer_review_participants_shown(*, user: Any, participants: Iterable[PeerReviewParticipant]
                                   ) -> list[PeerReviewParticipant]:
    """The participants with `person_shown`: their person only when the user may see that person (who agreed to
    be listed, or of the user's organisation: the organisations app's rule), else None."""
    participants = list(participants)
    ids = {p.person_id for p in participants if p.person_id}
    visible = set(person_list(user=user).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    for participant in participants:
        participant.person_shown = participant.person if participant.person_id in visible else None
    return participants


def peer_review_participant_get(*, user: Any, pk: int) -> PeerReviewParticipant:
    """One participant of a peer review the user may read (404 otherwise)."""
    participant = (PeerReviewParticipant.objects.select_related("organisation", "person", "peer_review")
                   .filter(pk=pk, peer_review__in=peer_review_list(user=user).values("pk")).first())
    if participant is None:
        raise Http404(_("No such peer review participant."))
    return participant


@dataclass(frozen=True)
class PeerCountryCheck:
    """The peers' countries besides the host's, and the warning when fewer than the 2018 minimum."""

    host_country: str
    peer_countries: list[str]
    warning: str


def peer_review_country_check(*, peer_review: PeerReview) -> PeerCountryCheck:
    """The one computation of the peers-from-two-countries warning (shared/methods/evaluation.md §2, 2018 rules):
    experts and local stakeholders do not count, nor peers from the host's own country."""
    host = peer_review_host_country(peer_review=peer_review)
    countries = sorted(set(peer_review.participants.filter(role=ParticipantRole.PEER)
                           .exclude(country=host).values_list("country", flat=True)))
    warning = ""
    if len(countries) < PEER_COUNTRIES_MINIMUM:
        warning = ngettext(
            "The peers come from %(count)d country besides the host's (%(host)s); the 2018 peer review rules "
            "wanted peers from at least %(minimum)d.",
            "The peers come from %(count)d countries besides the host's (%(host)s); the 2018 peer review rules "
            "wanted peers from at least %(minimum)d.",
            len(countries)) % {"count": len(countries), "host": host or _("unknown"),
                               "minimum": PEER_COUNTRIES_MINIMUM}
    return PeerCountryCheck(host_country=host, peer_countries=countries, warning=warning)


def _recommendations() -> QuerySet[Recommendation]:
    return Recommendation.objects.select_related(
        "author__organisation", "author__person", "responded_by", "peer_review__event__host__organisation",
    ).prefetch_related("practices")


def recommendation_list(*, peer_review: PeerReview, response: str = "") -> QuerySet[Recommendation]:
    """A review's recommendations in the order they were recorded, with the host's responses."""
    recommendations = _recommendations().filter(peer_review=peer_review)
    return recommendations.filter(response=response) if response else recommendations


def recommendation_get(*, user: Any, pk: int) -> Recommendation:
    """One recommendation of a peer review the user may read (404 otherwise)."""
    recommendation = _recommendations().filter(
        pk=pk, peer_review__in=peer_review_list(user=user).values("pk")).first()
    if recommendation is None:
        raise Http404(_("No such recommendation."))
    return recommendation


def recommendation_can_respond(*, user: Any, recommendation: Recommendation) -> bool:
    """Only the host's editors (and administrators) respond to a recommendation."""
    return can_change(user, recommendation.peer_review)


def recommendation_author_choices(*, user: Any, peer_review: PeerReview) -> QuerySet[PeerReviewParticipant]:
    """The participants the user may record recommendations for: their own organisation's, or every one for the
    host's editors (writing on the peer's behalf)."""
    participants = peer_review_participant_list(peer_review=peer_review)
    if is_administrator(user) or can_change(user, peer_review):
        return participants
    return participants.filter(organisation_id__in=editable_organisation_ids(user))


def recommendation_practice_choices(*, user: Any) -> QuerySet[GoodPractice]:
    """The good practices a recommendation may draw on: those the user may read."""
    return visible_queryset(user, GoodPractice.objects.all()).order_by("title", "pk")


def recommendation_accepted_list(*, partner: Any = None, project: Any = None) -> QuerySet[Recommendation]:
    """Accepted recommendations (for action plans), of the reviews `partner` hosted and/or of `project`."""
    accepted = _recommendations().filter(response=RecommendationResponse.ACCEPTED)
    if partner is not None:
        accepted = accepted.filter(peer_review__event__host=partner)
    if project is not None:
        accepted = accepted.filter(peer_review__event__project=project)
    return accepted.order_by("peer_review__event__starts_at", "created_at", "pk")


def peer_review_list_for_report(*, project: Any = None, event: Any = None, user: Any) -> list[PeerReview]:
    """The reviews the user may read, of a project or an event, with participants (`person_shown` set: see
    `peer_review_participants_shown`), recommendations and their practices loaded for a report."""
    reviews = peer_review_list(user=user)
    if project is not None:
        reviews = reviews.filter(event__project=project)
    if event is not None:
        reviews = reviews.filter(event=event)
    reviews = list(reviews.prefetch_related(
        Prefetch("participants", queryset=PeerReviewParticipant.objects.select_related("organisation", "person")),
        Prefetch("recommendations", queryset=_recommendations()),
    ))
    for review in reviews:
        peer_review_participants_shown(user=user, participants=review.participants.all())
    return reviews
