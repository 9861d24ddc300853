"""API of the events app: calendar (/api/events/project-events/, /api/events/stakeholder-groups/).

Project events the caller may read (internal ones to the project's partners), filtered and paginated, with their
agenda; stakeholder groups with members (by helix) and meetings planned against held. Writes by the host's (or the
partner's) editors and administrators. Times are given and returned in the event's time zone: a time without an
offset is read in the event's zone.
"""


import datetime as dt
import zoneinfo
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate  # settings.NINJA_PAGINATION_CLASS: one checked pagination

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.events.models import EventSession, ProjectEvent, StakeholderGroup
from smartcluster.events.selectors import calendar as selectors
from smartcluster.events.services import calendar as services
from smartcluster.matchmaking.selectors import event_list as matchmaking_event_list
from smartcluster.organisations.selectors import organisation_list, partner_list, person_list
from smartcluster.site.api import answers_refusals

router = Router()


def _local(value: dt.datetime, zone: str) -> dt.datetime:
    return value.astimezone(zoneinfo.ZoneInfo(zone))


class ProjectEventSessionOut(Schema):
    id: int
    title: str
    starts_at: dt.datetime = Field(..., description="In the event's time zone")
    ends_at: dt.datetime
    speakers: str
    description: str

    @staticmethod
    def resolve_starts_at(obj: EventSession) -> dt.datetime:
        return _local(obj.starts_at, obj.event.time_zone)

    @staticmethod
    def resolve_ends_at(obj: EventSession) -> dt.datetime:
        return _local(obj.ends_at, obj.event.time_zone)


class ProjectEventOut(Schema):
    id: int
    project_id: int
    kind: str
    title: str
    host_id: int
    host_name: str = Field(..., alias="host.organisation.name")
    partner_met_id: int | None = None
    stakeholder_group_id: int | None = None
    matchmaking_event_id: int | None = None
    semester: int | None = Field(None, description="Derived from the project's start date and the start day")
    thematic_focus: str
    venue: str
    online_url: str
    time_zone: str
    starts_at: dt.datetime = Field(..., description="In the event's time zone")
    ends_at: dt.datetime
    is_published: bool

    @staticmethod
    def resolve_semester(obj: ProjectEvent) -> int | None:
        return selectors.project_event_semester(obj)

    @staticmethod
    def resolve_starts_at(obj: ProjectEvent) -> dt.datetime:
        return _local(obj.starts_at, obj.time_zone)

    @staticmethod
    def resolve_ends_at(obj: ProjectEvent) -> dt.datetime:
        return _local(obj.ends_at, obj.time_zone)


class ProjectEventDetailOut(ProjectEventOut):
    description: str
    votes_per_participant: int
    sessions: list[ProjectEventSessionOut]

    @staticmethod
    def resolve_sessions(obj: ProjectEvent) -> list[EventSession]:
        return list(obj.sessions.select_related("event"))


class ProjectEventFilters(Schema):
    project: int | None = Field(None, description="Project id")
    kind: str = Field("", description="kick_off, stakeholder_meeting, peer_review, workshop, …")
    host: int | None = Field(None, description="Host partner id")
    semester: int | None = Field(None, ge=1, description="Derived semester (1 = the project's first six months)")
    when: str = Field("", pattern="^(|upcoming|past)$", description="upcoming or past")


class ProjectEventIn(Schema):
    kind: str | None = None
    title: str | None = None
    host: int | None = Field(None, description="Partner id (its project is the event's)")
    partner_met: int | None = Field(None, description="Partner id, for a check-in")
    stakeholder_group: int | None = None
    matchmaking_event: int | None = Field(None, description="Matchmaking event id, for an online B2B event")
    thematic_focus: str | None = None
    description: str | None = None
    venue: str | None = None
    online_url: str | None = None
    time_zone: str | None = None
    starts_at: dt.datetime | None = Field(None, description="Without an offset: in the event's time zone")
    ends_at: dt.datetime | None = None
    votes_per_participant: int | None = None
    is_published: bool | None = None


class ProjectEventSessionIn(Schema):
    title: str
    starts_at: dt.datetime = Field(..., description="Without an offset: in the event's time zone")
    ends_at: dt.datetime
    speakers: str = ""
    description: str = ""


def _one(queryset: Any, pk: int | None, field: str, what: str) -> Any:
    if pk is None:
        return None
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: _("No %(what)s has the id %(id)s.") % {"what": what, "id": pk}})
    return found


def _event_arguments(request: HttpRequest, payload: ProjectEventIn) -> dict[str, Any]:
    """The payload as the services take it: ids become records the caller may see (unknown ones refused)."""
    given = payload.model_dump(exclude_unset=True)
    references = {
        "host": (partner_list(user=request.user), _("partner")),
        "partner_met": (partner_list(user=request.user), _("partner")),
        "stakeholder_group": (selectors.stakeholder_group_list(), _("stakeholder group")),
        "matchmaking_event": (matchmaking_event_list(user=request.user), _("matchmaking event")),
    }
    for field, (queryset, what) in references.items():
        if field in given:
            given[field] = _one(queryset, given[field], field, what)
    for field in ("thematic_focus", "description", "venue", "online_url"):
        if field in given and given[field] is None:
            given[field] = ""
    return given


@router.get("/project-events/", response=list[ProjectEventOut], auth=READ_AUTH)
@paginate(page_size=50)
def project_event_list(request: HttpRequest, filters: Query[ProjectEventFilters]) -> Any:
    return selectors.project_event_list(user=request.user, **filters.model_dump())


@router.get("/project-events/{event_id}", response=ProjectEventDetailOut, auth=READ_AUTH)
def project_event_detail(request: HttpRequest, event_id: int) -> ProjectEvent:
    return selectors.project_event_get(user=request.user, pk=event_id)


@router.post("/project-events/", response={201: ProjectEventDetailOut})
@answers_refusals
def project_event_create(request: HttpRequest, payload: ProjectEventIn) -> Status:
    """A new event of the host partner's project (the host's editors and administrators)."""
    arguments = _event_arguments(request, payload)
    host = arguments.get("host")
    if host is None:
        raise ValidationError({"host": _("Give the host partner's id.")})
    event = services.project_event_create(user=request.user, project=host.project, **arguments)
    return Status(201, selectors.project_event_get(user=request.user, pk=event.pk))


@router.patch("/project-events/{event_id}", response=ProjectEventDetailOut)
@answers_refusals
def project_event_update(request: HttpRequest, event_id: int, payload: ProjectEventIn) -> ProjectEvent:
    """Change the fields given."""
    event = selectors.project_event_get(user=request.user, pk=event_id)
    if not selectors.project_event_can_change(user=request.user, event=event):  # before the payload's references
        raise PermissionDenied(_("Only the host partner's editors (and administrators) may change this event."))
    services.project_event_update(user=request.user, event=event, **_event_arguments(request, payload))
    return selectors.project_event_get(user=request.user, pk=event_id)


@router.delete("/project-events/{event_id}", response={204: None})
@answers_refusals
def project_event_delete(request: HttpRequest, event_id: int) -> Status:
    services.project_event_delete(user=request.user, event=selectors.project_event_get(user=request.user,
                                                                                       pk=event_id))
    return Status(204, None)


@router.post("/project-events/{event_id}/sessions/", response={201: ProjectEventSessionOut})
@answers_refusals
def project_event_session_add(request: HttpRequest, event_id: int,
                              payload: ProjectEventSessionIn) -> Status:
    """An agenda item inside the event's time span."""
    event = selectors.project_event_get(user=request.user, pk=event_id)
    return Status(201, services.event_session_add(user=request.user, event=event, **payload.model_dump()))


@router.delete("/project-events/{event_id}/sessions/{session_id}", response={204: None})
@answers_refusals
def project_event_session_delete(request: HttpRequest, event_id: int, session_id: int) -> Status:
    event = selectors.project_event_get(user=request.user, pk=event_id)
    session = _one(event.sessions.all(), session_id, "session", _("agenda item"))
    services.event_session_delete(user=request.user, session=session)
    return Status(204, None)


# --- stakeholder groups ------------------------------------------------------------------------------------------

class StakeholderGroupMemberOut(Schema):
    id: int
    organisation_id: int
    organisation_name: str = Field(..., alias="organisation.name")
    helix: str = Field(..., description="Derived from the organisation's type")
    person_id: int | None = None
    joined_on: dt.date
    left_on: dt.date | None = None


class StakeholderMeetingPlanOut(Schema):
    semester: int
    starts_on: dt.date
    planned: int
    held: list[int] = Field(..., description="Ids of the stakeholder meetings held (ended)")
    upcoming: list[int]

    @staticmethod
    def resolve_held(obj: selectors.MeetingPlanRow) -> list[int]:
        return [event.pk for event in obj.held]

    @staticmethod
    def resolve_upcoming(obj: selectors.MeetingPlanRow) -> list[int]:
        return [event.pk for event in obj.upcoming]


class StakeholderGroupOut(Schema):
    id: int
    partner_id: int
    partner_name: str = Field(..., alias="partner.organisation.name")
    project_id: int = Field(..., alias="partner.project_id")
    name: str
    meetings_per_semester: int


class StakeholderGroupDetailOut(StakeholderGroupOut):
    members: list[StakeholderGroupMemberOut] = Field(..., alias="member_rows")
    meeting_plan: list[StakeholderMeetingPlanOut]


class StakeholderGroupIn(Schema):
    name: str | None = None
    meetings_per_semester: int | None = Field(None, ge=0)


class StakeholderGroupCreateIn(Schema):
    partner: int
    name: str
    meetings_per_semester: int = Field(1, ge=0)


class StakeholderGroupMemberIn(Schema):
    organisation: int
    person: int | None = None
    joined_on: dt.date
    left_on: dt.date | None = None


def _group_detail(request: HttpRequest, group: StakeholderGroup) -> StakeholderGroup:
    group.member_rows = selectors.stakeholder_member_list(group=group)
    group.meeting_plan = selectors.stakeholder_group_meeting_plan(user=request.user, group=group)
    return group


@router.get("/stakeholder-groups/", response=list[StakeholderGroupOut], auth=READ_AUTH)
@paginate(page_size=50)
def stakeholder_group_list(request: HttpRequest, project: int | None = None) -> Any:
    return selectors.stakeholder_group_list(project=project)


@router.get("/stakeholder-groups/{group_id}", response=StakeholderGroupDetailOut, auth=READ_AUTH)
def stakeholder_group_detail(request: HttpRequest, group_id: int) -> StakeholderGroup:
    return _group_detail(request, selectors.stakeholder_group_get(pk=group_id))


@router.post("/stakeholder-groups/", response={201: StakeholderGroupDetailOut})
@answers_refusals
def stakeholder_group_create(request: HttpRequest, payload: StakeholderGroupCreateIn) -> Status:
    """The partner's group (its editors and administrators; one per partner)."""
    partner = _one(partner_list(user=request.user), payload.partner, "partner", _("partner"))
    group = services.stakeholder_group_create(user=request.user, partner=partner, name=payload.name,
                                              meetings_per_semester=payload.meetings_per_semester)
    return Status(201, _group_detail(request, selectors.stakeholder_group_get(pk=group.pk)))


@router.patch("/stakeholder-groups/{group_id}", response=StakeholderGroupDetailOut)
@answers_refusals
def stakeholder_group_update(request: HttpRequest, group_id: int, payload: StakeholderGroupIn) -> StakeholderGroup:
    group = selectors.stakeholder_group_get(pk=group_id)
    services.stakeholder_group_update(user=request.user, group=group,
                                      **{k: v for k, v in payload.model_dump(exclude_unset=True).items()
                                         if v is not None})
    return _group_detail(request, selectors.stakeholder_group_get(pk=group_id))


@router.post("/stakeholder-groups/{group_id}/members/", response={201: StakeholderGroupMemberOut})
@answers_refusals
def stakeholder_member_add(request: HttpRequest, group_id: int,
                           payload: StakeholderGroupMemberIn) -> Status:
    """An organisation (and the person representing it) joins the group."""
    group = selectors.stakeholder_group_get(pk=group_id)
    if not selectors.stakeholder_group_can_change(user=request.user, group=group):  # before the references
        raise PermissionDenied(_("Only the partner's editors (and administrators) may manage its stakeholder "
                                 "group."))
    member = services.stakeholder_member_add(
        user=request.user, group=group, joined_on=payload.joined_on, left_on=payload.left_on,
        organisation=_one(organisation_list(user=request.user), payload.organisation, "organisation",
                          _("organisation")),
        person=_one(person_list(user=request.user), payload.person, "person", _("person")))
    member.helix = selectors.stakeholder_member_helix(member)
    return Status(201, member)
