"""Peer reviews API: reviews (with the peers-from-two-countries warning), participants, recommendations with the
host's responses, and the accepted ones; writes with rights: create a review, add a participant, record a
recommendation, respond."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.events.selectors import project_event_get
from smartcluster.learning.models import PeerReview, PeerReviewParticipant, Recommendation
from smartcluster.learning.selectors import peer_reviews as selectors
from smartcluster.learning.services import peer_reviews as services
from smartcluster.organisations.selectors import organisation_get, partner_get, person_get
from smartcluster.site.api import answers_refusals

router = Router()


class PeerReviewOut(Schema):
    id: int
    event_id: int
    event_title: str = Field(..., alias="event.title")
    project_id: int = Field(..., alias="event.project_id")
    host_partner_id: int = Field(..., alias="event.host_id")
    host: str = Field(..., alias="event.host.organisation.name")
    starts_at: dt.datetime = Field(..., alias="event.starts_at")
    policy_challenge: str
    policy_instrument: str
    is_published: bool
    host_country: str
    peer_countries: list[str]
    warning: str = Field(..., description="Empty unless the peers come from fewer than two countries besides the "
                                          "host's (2018 peer review rules)")

    @staticmethod
    def resolve_host_country(obj: PeerReview) -> str:
        return selectors.peer_review_host_country(peer_review=obj)

    @staticmethod
    def resolve_peer_countries(obj: PeerReview) -> list[str]:
        return selectors.peer_review_country_check(peer_review=obj).peer_countries

    @staticmethod
    def resolve_warning(obj: PeerReview) -> str:
        return selectors.peer_review_country_check(peer_review=obj).warning


class PeerReviewFilters(Schema):
    project: int | None = Field(None, description="Id of a project")
    event: int | None = Field(None, description="Id of a project event")
    host: int | None = Field(None, description="Id of the host partner")


class PeerReviewIn(Schema):
    event: int = Field(..., description="Id of a project event of kind peer review the user's partner hosts")
    policy_challenge: str
    policy_instrument: str = ""
    is_published: bool = False


class PeerReviewWithEventIn(Schema):
    host: int = Field(..., description="Id of the host partner (one the user edits for)")
    title: str
    venue: str = Field("", description="The place; or give the online link")
    online_url: str = ""
    time_zone: str = Field("Europe/Brussels", description="IANA zone; naive start and end are read in it")
    starts_at: dt.datetime
    ends_at: dt.datetime
    is_published: bool = Field(False, description="The event and its review public, else internal")
    policy_challenge: str
    policy_instrument: str = ""


class PeerReviewParticipantOut(Schema):
    id: int
    peer_review_id: int
    role: str
    organisation_id: int
    organisation: str = Field(..., alias="organisation.name")
    person_id: int | None = Field(None, description="Only when the person agreed to be listed (or is the reader's "
                                                    "colleague)")
    person: str | None = None
    country: str

    @staticmethod
    def resolve_person_id(obj: PeerReviewParticipant) -> int | None:
        return obj.person_shown.pk if obj.person_shown else None

    @staticmethod
    def resolve_person(obj: PeerReviewParticipant) -> str | None:
        return obj.person_shown.name if obj.person_shown else None


class PeerReviewParticipantIn(Schema):
    role: str = Field(..., description="peer, expert or local_stakeholder")
    country: str = Field("", description="Two letters as in NUTS (EL for Greece); empty: the organisation's")
    organisation: int | None = Field(None, description="Id of a registered organisation")
    organisation_name: str = Field("", description="Else its name (an organisation of that name is reused)")
    organisation_type: str = Field("", description="The type of a new organisation")
    person: int | None = Field(None, description="Id of a person")
    person_name: str = ""
    person_email: str = Field("", description="Else the person's e-mail (a person with it is reused)")


class RecommendationOut(Schema):
    id: int
    peer_review_id: int
    author_id: int
    author: str = Field(..., alias="author.organisation.name")
    author_country: str = Field(..., alias="author.country")
    text: str
    rationale: str
    practice_ids: list[int]
    response: str
    response_reason: str
    responded_by: str | None = None
    responded_at: dt.datetime | None = None
    created_at: dt.datetime

    @staticmethod
    def resolve_practice_ids(obj: Recommendation) -> list[int]:
        return [practice.pk for practice in obj.practices.all()]

    @staticmethod
    def resolve_responded_by(obj: Recommendation) -> str | None:
        return obj.responded_by.get_username() if obj.responded_by else None


class RecommendationIn(Schema):
    author: int = Field(..., description="Id of a participant of the review")
    text: str
    rationale: str = ""
    practices: list[int] = Field([], description="Ids of good practices the user may read")


class RecommendationResponseIn(Schema):
    response: str = Field(..., description="accepted, to_consider or not_applicable")
    reason: str


class RecommendationAcceptedFilters(Schema):
    partner: int | None = Field(None, description="Id of the host partner")
    project: int | None = Field(None, description="Id of a project")


@router.get("/peer-reviews/", response=list[PeerReviewOut], auth=READ_AUTH)
@paginate(page_size=50)
def peer_review_list(request: HttpRequest, filters: Query[PeerReviewFilters]) -> Any:
    return selectors.peer_review_list(user=request.user, **filters.dict())


@router.get("/peer-reviews/{review_id}", response=PeerReviewOut, auth=READ_AUTH)
def peer_review_detail(request: HttpRequest, review_id: int) -> PeerReview:
    return selectors.peer_review_get(user=request.user, pk=review_id)


@router.post("/peer-reviews/", response={201: PeerReviewOut})
@answers_refusals
def peer_review_create(request: HttpRequest, payload: PeerReviewIn) -> Status[PeerReview]:
    data = payload.dict()
    event = project_event_get(user=request.user, pk=data.pop("event"))
    review = services.peer_review_create(user=request.user, event=event, **data)
    return Status(201, selectors.peer_review_get(user=request.user, pk=review.pk))


@router.post("/peer-reviews/with-event/", response={201: PeerReviewOut})
@answers_refusals
def peer_review_create_with_event(request: HttpRequest, payload: PeerReviewWithEventIn) -> Status[PeerReview]:
    """A new project event of kind peer review and its review in one step (the host's editors)."""
    data = payload.dict()
    host = partner_get(user=request.user, partner_id=data.pop("host"))
    review = services.peer_review_create_with_event(user=request.user, project=host.project, host=host, **data)
    return Status(201, selectors.peer_review_get(user=request.user, pk=review.pk))


@router.get("/peer-reviews/{review_id}/participants/", response=list[PeerReviewParticipantOut], auth=READ_AUTH)
@paginate(page_size=100)
def peer_review_participant_list(request: HttpRequest, review_id: int) -> Any:
    review = selectors.peer_review_get(user=request.user, pk=review_id)
    return selectors.peer_review_participants_shown(
        user=request.user, participants=selectors.peer_review_participant_list(peer_review=review))


@router.get("/peer-review-participants/{participant_id}", response=PeerReviewParticipantOut, auth=READ_AUTH)
def peer_review_participant_detail(request: HttpRequest, participant_id: int) -> PeerReviewParticipant:
    participant = selectors.peer_review_participant_get(user=request.user, pk=participant_id)
    return selectors.peer_review_participants_shown(user=request.user, participants=[participant])[0]


@router.post("/peer-reviews/{review_id}/participants/", response={201: PeerReviewParticipantOut})
@answers_refusals
def peer_review_participant_add(request: HttpRequest, review_id: int,
                                payload: PeerReviewParticipantIn) -> Status[PeerReviewParticipant]:
    review = selectors.peer_review_get(user=request.user, pk=review_id)
    data = payload.dict()
    organisation_id, person_id = data.pop("organisation"), data.pop("person")
    organisation = organisation_get(user=request.user, organisation_id=organisation_id) if organisation_id else None
    person = person_get(user=request.user, person_id=person_id) if person_id else None
    participant = services.peer_review_participant_add(user=request.user, peer_review=review,
                                                       organisation=organisation, person=person, **data)
    return Status(201, selectors.peer_review_participants_shown(user=request.user, participants=[participant])[0])


@router.get("/peer-reviews/{review_id}/recommendations/", response=list[RecommendationOut], auth=READ_AUTH)
@paginate(page_size=100)
def recommendation_list(request: HttpRequest, review_id: int) -> Any:
    review = selectors.peer_review_get(user=request.user, pk=review_id)
    return selectors.recommendation_list(peer_review=review)


@router.get("/recommendations/accepted/", response=list[RecommendationOut], auth=READ_AUTH)
@paginate(page_size=100)
def recommendation_accepted_list(request: HttpRequest, filters: Query[RecommendationAcceptedFilters]) -> Any:
    """Accepted recommendations of the reviews the user may read (to carry into an action plan)."""
    readable = selectors.peer_review_list(user=request.user).values("pk")
    return selectors.recommendation_accepted_list(**filters.dict()).filter(peer_review__in=readable)


@router.get("/recommendations/{recommendation_id}", response=RecommendationOut, auth=READ_AUTH)
def recommendation_detail(request: HttpRequest, recommendation_id: int) -> Recommendation:
    return selectors.recommendation_get(user=request.user, pk=recommendation_id)


@router.post("/peer-reviews/{review_id}/recommendations/", response={201: RecommendationOut})
@answers_refusals
def recommendation_record(request: HttpRequest, review_id: int,
                          payload: RecommendationIn) -> Status[Recommendation]:
    review = selectors.peer_review_get(user=request.user, pk=review_id)
    author = selectors.peer_review_participant_list(peer_review=review).filter(pk=payload.author).first()
    if author is None:
        raise ValidationError({"author": _("The author must be a participant of this peer review.")})
    practices = list(selectors.recommendation_practice_choices(user=request.user).filter(pk__in=payload.practices))
    if len(practices) != len(set(payload.practices)):
        raise ValidationError({"practices": _("Choose among the good practices you may read.")})
    recommendation = services.recommendation_record(user=request.user, peer_review=review, author=author,
                                                    text=payload.text, rationale=payload.rationale,
                                                    practices=practices)
    return Status(201, selectors.recommendation_get(user=request.user, pk=recommendation.pk))


@router.post("/recommendations/{recommendation_id}/response", response=RecommendationOut)
@answers_refusals
def recommendation_respond(request: HttpRequest, recommendation_id: int,
                           payload: RecommendationResponseIn) -> Recommendation:
    recommendation = selectors.recommendation_get(user=request.user, pk=recommendation_id)
    services.recommendation_respond(user=request.user, recommendation=recommendation, **payload.dict())
    return selectors.recommendation_get(user=request.user, pk=recommendation_id)
