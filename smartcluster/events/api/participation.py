"""API of the events app: participation — registrations (the host's members), invitations, self-registration and
attendance (writes with answers_refusals), feedback results (the host's editors), materials (private ones hidden
from those not allowed)."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.accounts.permissions import can_change
from smartcluster.events import selectors, services
from smartcluster.events.choices import ParticipantGroup
from smartcluster.events.models import Material, ProjectEvent, Registration
from smartcluster.site.api import answers_refusals

router = Router(tags=["events: participation"])


class EventRegistrationOut(Schema):
    id: int
    event_id: int
    person_id: int
    name: str = Field(..., alias="person.name")
    organisation: str | None = None
    group: str
    partner_id: int | None
    status: str
    dietary_needs: str
    accessibility_needs: str
    attended: bool
    invited_at: dt.datetime | None
    registered_at: dt.datetime | None

    @staticmethod
    def resolve_organisation(obj: Registration) -> str | None:
        return obj.person.organisation.name if obj.person.organisation else None


class EventRegistrationFilters(Schema):
    event: int | None = Field(None, description="Project event id")
    attended: bool | None = None


class EventRegistrationInviteIn(Schema):
    event_id: int
    name: str
    email: str
    group: ParticipantGroup = ParticipantGroup.STAKEHOLDER
    partner_id: int | None = Field(None, description="The project partner the person comes with")
    organisation_name: str = Field("", description="For a person new to the platform: their organisation")
    organisation_type: str = Field("", description="Its type (organisations' OrganisationType), giving its helix")


class EventRegistrationIn(Schema):
    event_id: int
    dietary_needs: str = ""
    accessibility_needs: str = ""


class EventRegistrationAttendanceIn(Schema):
    attended: bool


class EventFeedbackScaleOut(Schema):
    field: str
    label: str
    answers: int
    mean: float | None
    distribution: dict[int, int] = Field(..., description="How many chose each value 1–5")

    @staticmethod
    def resolve_distribution(obj: selectors.ScaleResult) -> dict[int, int]:
        return dict(obj.distribution)


class EventFeedbackResultsOut(Schema):
    event_id: int
    responses: int
    scales: list[EventFeedbackScaleOut]
    most_useful: list[str]
    to_improve: list[str]
    increased_capacity: int | None = Field(
        ..., description="Webinars: answers whose capacity after exceeds the one before (null for other kinds)")


class EventMaterialOut(Schema):
    id: int
    event_id: int
    kind: str
    title: str
    content_type: str
    size: int
    is_published: bool
    uploaded_at: dt.datetime
    download_url: str

    @staticmethod
    def resolve_download_url(obj: Material) -> str:
        return reverse("events:material_download", args=[obj.pk])


class EventMaterialFilters(Schema):
    event: int | None = Field(None, description="Project event id")


def _event(request: HttpRequest, pk: int) -> ProjectEvent:
    return selectors.project_event_get(user=request.user, pk=pk)


@router.get("/registrations/", response=list[EventRegistrationOut])
@paginate(page_size=100)
def registration_list(request: HttpRequest, filters: Query[EventRegistrationFilters]) -> Any:
    """Registrations of the events the caller's organisation hosts (administrators: all)."""
    event = _event(request, filters.event) if filters.event else None
    queryset = selectors.registration_list(user=request.user, event=event)
    return queryset if filters.attended is None else queryset.filter(attended=filters.attended)


@router.post("/registrations/", response={201: EventRegistrationOut})
@answers_refusals
def registration_invite(request: HttpRequest, payload: EventRegistrationInviteIn) -> Status:
    """Invite a person (the host's editors); the invitation with its link goes by inbox or e-mail."""
    event = _event(request, payload.event_id)
    partner = event.project.partners.filter(pk=payload.partner_id).first() if payload.partner_id else None
    if payload.partner_id and partner is None:
        raise ValidationError({"partner_id": _("Choose a partner of this event's project.")})
    registration = services.registration_invite(
        user=request.user, event=event, name=payload.name, email=payload.email, group=payload.group,
        partner=partner, organisation_name=payload.organisation_name, organisation_type=payload.organisation_type,
        site_url=request.build_absolute_uri("/")[:-1])
    return Status(201, registration)


@router.post("/registrations/self", response={201: EventRegistrationOut})
@answers_refusals
def registration_register(request: HttpRequest, payload: EventRegistrationIn) -> Status:
    """Register the caller for an event they may read, with their needs."""
    registration = services.registration_register(
        event=_event(request, payload.event_id), user=request.user, dietary_needs=payload.dietary_needs,
        accessibility_needs=payload.accessibility_needs)
    return Status(201, registration)


# Declared after "/registrations/self" so that "self" is never read as an id.
@router.get("/registrations/{registration_id}", response=EventRegistrationOut)
def registration_detail(request: HttpRequest, registration_id: int) -> Registration:
    return selectors.registration_get(user=request.user, pk=registration_id)


@router.post("/registrations/{registration_id}/attendance", response=EventRegistrationOut)
@answers_refusals
def registration_attendance(request: HttpRequest, registration_id: int,
                            payload: EventRegistrationAttendanceIn) -> Registration:
    """Record whether the person came (the host's editors; only invited or registered people)."""
    registration = selectors.registration_get(user=request.user, pk=registration_id)
    return services.attendance_set(user=request.user, registration=registration, attended=payload.attended)


@router.get("/feedback/{event_id}/results", response=EventFeedbackResultsOut)
@answers_refusals
def feedback_results(request: HttpRequest, event_id: int) -> dict[str, Any]:
    """The survey's results for the host's editors."""
    event = _event(request, event_id)
    if not can_change(request.user, event):
        raise PermissionDenied(_("Only the editors of the host partner read this event's feedback."))
    results = selectors.feedback_results(event=event)
    return {"event_id": event.pk, **results.__dict__}


@router.get("/materials/", response=list[EventMaterialOut], auth=READ_AUTH)
@paginate(page_size=100)
def material_list(request: HttpRequest, filters: Query[EventMaterialFilters]) -> Any:
    """Materials the caller may download (private ones only for the host's members and administrators)."""
    event = _event(request, filters.event) if filters.event else None
    return selectors.material_list(user=request.user, event=event)


@router.get("/materials/{material_id}", response=EventMaterialOut, auth=READ_AUTH)
def material_detail(request: HttpRequest, material_id: int) -> Material:
    return selectors.material_get(user=request.user, pk=material_id)
