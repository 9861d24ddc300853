"""Peer reviews writes: permission check, validation, then save.

The host partner's editors (and administrators) create a review, change it and its participants, and respond to
recommendations; a participant's organisation's editors, or the host's on the peer's behalf, record them. Each
service raises PermissionDenied (nothing changed) or ValidationError naming the field, inside one transaction.
The `_load` writers are for the demo: no rights check, the same validation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.accounts.permissions import (
    can_change,
    can_create_for,
    editable_organisation_ids,
    visible_queryset,
)
from smartcluster.events.choices import EventKind
from smartcluster.events.services import project_event_create
from smartcluster.learning.choices import ParticipantRole, RecommendationResponse
from smartcluster.learning.models import GoodPractice, PeerReview, PeerReviewParticipant, Recommendation
from smartcluster.organisations.selectors import organisation_with_name
from smartcluster.organisations.services import organisation_get_or_create, person_get_or_create_by_email

__all__ = [
    "PEER_REVIEW_FIELDS",
    "peer_review_create",
    "peer_review_create_with_event",
    "peer_review_delete",
    "peer_review_load",
    "peer_review_participant_add",
    "peer_review_participant_load",
    "peer_review_participant_remove",
    "peer_review_update",
    "recommendation_delete",
    "recommendation_load",
    "recommendation_record",
    "recommendation_respond",
]

PEER_REVIEW_FIELDS = ("policy_challenge", "policy_instrument", "is_published")
HOST_ONLY = gettext_lazy("Only the host partner's editors (and administrators) may do this for a peer review.")


def _require_host_editor(user: Any, peer_review: PeerReview) -> None:
    if not can_change(user, peer_review):
        raise PermissionDenied(HOST_ONLY)


# --- the review ---------------------------------------------------------------------------------------------------

def _review_save(review: PeerReview) -> PeerReview:
    """The review's rules, each naming its field, then the model's."""
    if review.event.kind != EventKind.PEER_REVIEW:
        raise ValidationError({"event": _("A peer review belongs to a project event of kind “peer review”.")})
    if not (review.policy_challenge or "").strip():
        raise ValidationError({"policy_challenge": _("Set out the host's policy challenge.")})
    if review._state.adding and PeerReview.objects.filter(event=review.event).exists():
        raise ValidationError({"event": _("This event already has its peer review.")})
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def peer_review_load(*, event: Any, policy_challenge: str, policy_instrument: str = "",
                     is_published: bool = False) -> PeerReview:
    """A peer review for an event of kind peer review, checked but with nobody's rights (the demo's writer)."""
    return _review_save(PeerReview(event=event, policy_challenge=policy_challenge,
                                   policy_instrument=policy_instrument, is_published=is_published))


def peer_review_create(*, user: Any, event: Any, policy_challenge: str, policy_instrument: str = "",
                       is_published: bool = False) -> PeerReview:
    """The peer review of an existing event of kind peer review: its host's editors (and administrators)."""
    if not can_change(user, event):
        raise PermissionDenied(HOST_ONLY)
    return peer_review_load(event=event, policy_challenge=policy_challenge, policy_instrument=policy_instrument,
                            is_published=is_published)


@transaction.atomic
def peer_review_create_with_event(*, user: Any, project: Any, policy_challenge: str, policy_instrument: str = "",
                                  **event_fields: Any) -> PeerReview:
    """The event (through the events services, kind peer review) and its review in one step; the review is public
    exactly when the event is. Either both are saved or neither."""
    event = project_event_create(user=user, project=project, **{**event_fields, "kind": EventKind.PEER_REVIEW})
    return peer_review_load(event=event, policy_challenge=policy_challenge, policy_instrument=policy_instrument,
                            is_published=event.is_published)


@transaction.atomic
def peer_review_update(*, user: Any, peer_review: PeerReview, **fields: Any) -> PeerReview:
    """Change the challenge, instrument or publication (the host's editors)."""
    _require_host_editor(user, peer_review)
    unknown = set(fields) - set(PEER_REVIEW_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    review = PeerReview.objects.select_for_update().select_related("event").get(pk=peer_review.pk)
    for name, value in fields.items():
        setattr(review, name, value)
    return _review_save(review)


def peer_review_delete(*, user: Any, peer_review: PeerReview) -> None:
    """Remove a review with its participants and recommendations (the host's editors); the event stays."""
    _require_host_editor(user, peer_review)
    with transaction.atomic():
        Recommendation.objects.filter(peer_review=peer_review).delete()
        peer_review.delete()


# --- participants ---------------------------------------------------------------------------------------------------

# NUTS writes two countries unlike ISO 3166 (Eurostat, NUTS country codes): read the ISO codes as NUTS ones, so
# that a Greek peer entered as GR is not counted as a country besides an EL host.
ISO_TO_NUTS = {"GR": "EL", "GB": "UK"}


def _country(organisation: Any, country: str) -> str:
    """The country given (upper-cased, as NUTS writes it), else the NUTS country of the organisation's region."""
    country = (country or "").strip().upper()
    country = ISO_TO_NUTS.get(country, country)
    if not country and organisation is not None and organisation.region_id:
        country = organisation.region.country
    return country


@transaction.atomic
def peer_review_participant_load(*, peer_review: PeerReview, organisation: Any, role: str, country: str,
                                 person: Any = None) -> PeerReviewParticipant:
    """A participant (peer, expert or local stakeholder) with the country they come from; checked, no rights."""
    participant = PeerReviewParticipant(peer_review=peer_review, organisation=organisation, person=person,
                                        role=role, country=_country(organisation, country))
    if not participant.country:
        raise ValidationError({"country": _("Give the country the participant comes from (two letters, as in "
                                            "NUTS: EL for Greece).")})
    if person is not None and person.organisation_id not in (None, organisation.pk):
        raise ValidationError({"person": _("This person belongs to another organisation.")})
    if PeerReviewParticipant.objects.filter(peer_review=peer_review, organisation=organisation, role=role).exists():
        raise ValidationError({"organisation": _("This organisation already takes part in this role.")})
    participant.full_clean()
    participant.save()
    return participant


@transaction.atomic
def peer_review_participant_add(*, user: Any, peer_review: PeerReview, role: str, country: str = "",
                                organisation: Any = None, organisation_name: str = "", organisation_type: str = "",
                                person: Any = None, person_name: str = "",
                                person_email: str = "") -> PeerReviewParticipant:
    """Add a participant to a review (the host's editors). The organisation is an existing record or, named, found
    or registered through the organisations services; a person named with an e-mail likewise (never a copy)."""
    _require_host_editor(user, peer_review)
    if organisation is None:
        organisation = _named_organisation(user, organisation_name, organisation_type)
    if person is None and (person_email or "").strip():
        if not (person_name or "").strip():
            raise ValidationError({"person_name": _("Give the person's name with their e-mail.")})
        person = person_get_or_create_by_email(name=person_name, email=person_email, organisation=organisation)
    return peer_review_participant_load(peer_review=peer_review, organisation=organisation, role=role,
                                        country=country, person=person)


def _named_organisation(user: Any, name: str, type_: str) -> Any:
    """The organisation registered under `name` (ignoring case), else a new, unlisted one: a participant is named,
    not joined, so an existing organisation is referred to rather than refused or copied."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"organisation": _("Choose the participant's organisation or give its name.")})
    existing = organisation_with_name(name=name)
    if existing is not None:
        return existing
    if not type_:
        raise ValidationError({"organisation_type": _("Give the type of the organisation to register.")})
    return organisation_get_or_create(user=user, name=name, type=type_)


def peer_review_participant_remove(*, user: Any, participant: PeerReviewParticipant) -> None:
    """Remove a participant who wrote no recommendation (the host's editors)."""
    _require_host_editor(user, participant.peer_review)
    try:
        participant.delete()
    except RestrictedError as error:
        raise ValidationError({"participant": _("This participant wrote recommendations: remove those first.")}) \
            from error


# --- recommendations ------------------------------------------------------------------------------------------------

def _recommendation_check(recommendation: Recommendation, practices: list[GoodPractice]) -> None:
    if recommendation.author.peer_review_id != recommendation.peer_review_id:
        raise ValidationError({"author": _("The author must be a participant of this peer review.")})
    if recommendation.author.role == ParticipantRole.LOCAL_STAKEHOLDER:
        raise ValidationError({"author": _("Peers and experts record recommendations, not local stakeholders.")})
    if not (recommendation.text or "").strip():
        raise ValidationError({"text": _("Write the recommendation.")})
    if any(practice.pk is None for practice in practices):
        raise ValidationError({"practices": _("Choose saved good practices.")})
    recommendation.full_clean()


def _respond(recommendation: Recommendation, response: str, reason: str, by: Any) -> None:
    """Set the host's response with who and when (pending clears them)."""
    if response not in RecommendationResponse.values:
        raise ValidationError({"response": _("Choose accepted, to consider or not applicable.")})
    reason = (reason or "").strip()
    if response != RecommendationResponse.PENDING and not reason:
        raise ValidationError({"response_reason": _("Give the reason for the response.")})
    pending = response == RecommendationResponse.PENDING
    recommendation.response = response
    recommendation.response_reason = "" if pending else reason
    recommendation.responded_by = None if pending else by
    recommendation.responded_at = None if pending else timezone.now()


@transaction.atomic
def recommendation_load(*, peer_review: PeerReview, author: PeerReviewParticipant, text: str, rationale: str = "",
                        practices: Iterable[GoodPractice] = (), response: str | None = None,
                        response_reason: str = "", responded_by: Any = None) -> Recommendation:
    """A recommendation with the practices it draws on and, optionally, the host's response (the demo's writer:
    checked, no rights)."""
    practices = list(practices)
    recommendation = Recommendation(peer_review=peer_review, author=author, text=text, rationale=rationale)
    if response:
        _respond(recommendation, response, response_reason, responded_by)
    _recommendation_check(recommendation, practices)
    recommendation.save()
    recommendation.practices.set(practices)
    return recommendation


def recommendation_record(*, user: Any, peer_review: PeerReview, author: PeerReviewParticipant, text: str,
                          rationale: str = "", practices: Iterable[GoodPractice] = ()) -> Recommendation:
    """A peer's recommendation: written by the author's organisation's editors, or the host's on its behalf; the
    practices drawn on must be ones the user may read."""
    if not (can_change(user, peer_review) or can_create_for(user, author.organisation_id)):
        raise PermissionDenied(_("Only the editors of the participant's organisation, or the host's on its "
                                 "behalf, may record its recommendations."))
    practices = list(practices)
    readable = set(visible_queryset(user, GoodPractice.objects.filter(pk__in=[p.pk for p in practices]))
                   .values_list("pk", flat=True))
    if any(practice.pk not in readable for practice in practices):
        raise ValidationError({"practices": _("Choose among the good practices you may read.")})
    return recommendation_load(peer_review=peer_review, author=author, text=text, rationale=rationale,
                               practices=practices)


@transaction.atomic
def recommendation_respond(*, user: Any, recommendation: Recommendation, response: str,
                           reason: str) -> Recommendation:
    """The host's response to a recommendation (accepted, to consider, not applicable) with its reason; who and
    when are recorded. Only the host's editors (and administrators) respond; a response may be revised."""
    _require_host_editor(user, recommendation.peer_review)
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if response == RecommendationResponse.PENDING:
        raise ValidationError({"response": _("Choose accepted, to consider or not applicable.")})
    _respond(locked, response, reason, user)
    locked.full_clean()
    locked.save()
    return locked


def recommendation_delete(*, user: Any, recommendation: Recommendation) -> None:
    """Remove a recommendation the host has not responded to (its author's editors or the host's)."""
    author_editor = recommendation.author.organisation_id in editable_organisation_ids(user)
    if not (author_editor or can_change(user, recommendation.peer_review)):
        raise PermissionDenied(_("Only the author's organisation's editors, or the host's, may remove it."))
    if recommendation.response != RecommendationResponse.PENDING:
        raise ValidationError({"response": _("The host responded to this recommendation: it is kept.")})
    recommendation.delete()
