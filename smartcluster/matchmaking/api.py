"""JSON API of matchmaking events, participant profiles and meetings (mounted at /api/matchmaking/)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate  # settings.NINJA_PAGINATION_CLASS: one checked pagination

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.matchmaking import selectors, services
from smartcluster.matchmaking.models import Event, Meeting, Participant
from smartcluster.site.api import answers_refusals

router = Router(tags=["matchmaking"])


class EventOut(Schema):
    id: int
    title: str
    description: str
    organiser: str = Field(..., alias="organiser.name")
    time_zone: str
    registration_opens_at: dt.datetime
    registration_closes_at: dt.datetime
    requests_close_at: dt.datetime
    mode: str
    meeting_minutes: int
    break_minutes: int
    table_count: int
    max_meetings_per_participant: int
    allowed_types: list[str]
    requires_acceptance: bool
    slots: list[dt.datetime]

    @staticmethod
    def resolve_slots(obj: Event) -> list[dt.datetime]:
        return [slot.starts_at for slot in obj.slots.all()]


class EventFilters(Schema):
    q: str = Field("", description="Words in the title or description")


class OpportunityOut(Schema):
    kind: str
    title: str
    description: str
    keywords: list[str] = Field(..., alias="keyword_list")


class ProfileOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.name")
    person: str = Field(..., alias="person.name")
    participant_type: str
    country: str
    region: str | None = None
    sectors: list[str]
    technologies: list[str]
    description: str
    opportunities: list[OpportunityOut]

    @staticmethod
    def resolve_region(obj: Participant) -> str | None:
        return obj.region.code if obj.region else None

    @staticmethod
    def resolve_sectors(obj: Participant) -> list[str]:
        return [industry.code for industry in obj.sectors.all()]

    @staticmethod
    def resolve_technologies(obj: Participant) -> list[str]:
        return [tag.name for tag in obj.technologies.all()]

    @staticmethod
    def resolve_opportunities(obj: Participant) -> list[Any]:
        return list(obj.opportunities.all())


class ProfileFilters(Schema):
    q: str = Field("", description="Words in the profile or its opportunities")
    country: str = Field("", description="Two-letter country code")
    participant_type: str = Field("", description="Organisation type, e.g. sme, university")
    sector: str = Field("", description="NACE section or code prefix")
    technology: str = ""
    kind: str = Field("", description="offer, request or partnership")


class MeetingOut(Schema):
    id: int
    event_id: int
    requester_id: int
    recipient_id: int
    status: str
    message: str
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    table: int | None = None
    video_url: str
    attendance: str

    @staticmethod
    def resolve_starts_at(obj: Meeting) -> dt.datetime | None:
        return obj.slot.starts_at if obj.slot else None

    @staticmethod
    def resolve_ends_at(obj: Meeting) -> dt.datetime | None:
        return obj.slot.ends_at if obj.slot else None

    @staticmethod
    def resolve_video_url(obj: Meeting, context: dict[str, Any]) -> str:
        """The room link goes to the two sides only, not to organisers reading the list."""
        user_id = getattr(context["request"].user, "pk", None)
        return obj.video_url if user_id in (obj.requester.user_id, obj.recipient.user_id) else ""


class MeetingFilters(Schema):
    event: int | None = None
    status: str = Field("", description="pending, accepted, declined, withdrawn or cancelled")


class MeetingRequestIn(Schema):
    recipient_id: int
    message: str = ""


@router.get("/events/", response=list[EventOut], auth=READ_AUTH)
@paginate(page_size=50)
def event_list(request: HttpRequest, filters: Query[EventFilters]) -> Any:
    return selectors.event_list(user=request.user, search=filters.q).prefetch_related("slots")


@router.get("/events/{event_id}", response=EventOut, auth=READ_AUTH)
def event_detail(request: HttpRequest, event_id: int) -> Event:
    return selectors.event_get(user=request.user, pk=event_id)


@router.get("/events/{event_id}/profiles/", response=list[ProfileOut], auth=READ_AUTH)
@paginate(page_size=50)
def profile_list(request: HttpRequest, event_id: int, filters: Query[ProfileFilters]) -> Any:
    """Profiles of the event's approved participants: for those participants, its organisers and administrators."""
    event = selectors.event_get(user=request.user, pk=event_id)
    if not selectors.catalogue_may_view(user=request.user, event=event):
        raise HttpError(403, "Profiles are shown only to the event's approved participants and its organisers.")
    return selectors.participant_catalogue(event=event, search=filters.q, **filters.model_dump(exclude={"q"}))


@router.get("/events/{event_id}/profiles/{participant_id}", response=ProfileOut, auth=READ_AUTH)
def profile_detail(request: HttpRequest, event_id: int, participant_id: int) -> Participant:
    event = selectors.event_get(user=request.user, pk=event_id)
    return selectors.participant_get(user=request.user, event=event, pk=participant_id)


@router.get("/meetings/", response=list[MeetingOut])
@paginate(page_size=50)
def meeting_list(request: HttpRequest, filters: Query[MeetingFilters]) -> Any:
    """The caller's own meetings, and all meetings of the events the caller organises."""
    event = selectors.event_get(user=request.user, pk=filters.event) if filters.event else None
    return selectors.meeting_list(user=request.user, event=event, status=filters.status)


@router.get("/meetings/{meeting_id}", response=MeetingOut)
def meeting_detail(request: HttpRequest, meeting_id: int) -> Meeting:
    return selectors.meeting_get(user=request.user, pk=meeting_id)


@router.post("/events/{event_id}/meetings/", response={201: MeetingOut})
@answers_refusals
def meeting_request(request: HttpRequest, event_id: int, payload: MeetingRequestIn) -> Status[Meeting]:
    event = selectors.event_get(user=request.user, pk=event_id)
    requester = selectors.participant_of(user=request.user, event=event)
    if requester is None:
        raise HttpError(403, "Register for the event to request meetings.")
    recipient = selectors.participant_get(user=request.user, event=event, pk=payload.recipient_id)
    return Status(201, services.meeting_request(user=request.user, requester=requester, recipient=recipient,
                                                message=payload.message))


_ACTIONS = {
    "accept": services.meeting_accept,
    "decline": services.meeting_decline,
    "withdraw": services.meeting_withdraw,
    "cancel": services.meeting_cancel,
}


@router.post("/meetings/{meeting_id}/{action}", response=MeetingOut)
@answers_refusals
def meeting_action(request: HttpRequest, meeting_id: int, action: str) -> Meeting:
    """accept, decline (recipient), withdraw (requester), cancel (either side or the organisers)."""
    if action not in _ACTIONS:
        raise HttpError(404, f"Unknown action {action!r}; use one of {', '.join(_ACTIONS)}.")
    meeting = selectors.meeting_get(user=request.user, pk=meeting_id)
    return _ACTIONS[action](user=request.user, meeting=meeting)
