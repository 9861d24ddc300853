"""Writes of the events app: calendar (project events and their agenda, stakeholder groups and their members).

Every service checks who acts (PermissionDenied, nothing changed) and the rules (ValidationError naming the field)
before it writes, inside one transaction. Start and end times given without a zone are the event's wall-clock
times (entered in its time zone); aware ones are kept as they are.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.events.choices import EventKind
from smartcluster.events.models import EventSession, ProjectEvent, StakeholderGroup, StakeholderGroupMember

__all__ = [
    "EVENT_FIELDS",
    "event_session_add",
    "event_session_delete",
    "event_session_update",
    "project_event_create",
    "project_event_delete",
    "project_event_load",
    "project_event_update",
    "stakeholder_group_create",
    "stakeholder_group_load",
    "stakeholder_group_update",
    "stakeholder_member_add",
    "stakeholder_member_remove",
    "stakeholder_member_update",
]

EVENT_FIELDS = (
    "kind", "title", "host", "partner_met", "stakeholder_group", "matchmaking_event", "thematic_focus",
    "description", "venue", "online_url", "time_zone", "starts_at", "ends_at", "votes_per_participant",
    "is_published",
)
SESSION_FIELDS = ("title", "starts_at", "ends_at", "speakers", "description")
GROUP_FIELDS = ("name", "meetings_per_semester")
MEMBER_FIELDS = ("organisation", "person", "joined_on", "left_on")


def _known(fields: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")


def _in_zone(value: Any, zone: str) -> Any:
    """A naive date-time read as wall-clock time in `zone`; aware ones (and non-datetimes) unchanged."""
    if isinstance(value, dt.datetime) and value.tzinfo is None and zone in zoneinfo.available_timezones():
        return value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    return value


# --- project events ----------------------------------------------------------------------------------------------

def _event_check(event: ProjectEvent) -> None:
    """The event's own rules, each refusal naming its field; then the model's (constraints included)."""
    problems: dict[str, str] = {}
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        problems["ends_at"] = _("An event must end after it starts.")
    if event.host_id and event.host.project_id != event.project_id:
        problems["host"] = _("The host must be a partner of the event's project.")
    if event.kind == EventKind.CHECK_IN and event.partner_met_id is None:
        problems["partner_met"] = _("A check-in names the partner the lead partner meets.")
    if event.partner_met_id and event.partner_met.project_id != event.project_id:
        problems["partner_met"] = _("The partner met must be a partner of the event's project.")
    if event.stakeholder_group_id and event.stakeholder_group.partner.project_id != event.project_id:
        problems["stakeholder_group"] = _("The stakeholder group must be one of the project's partners'.")
    if not event.venue and not event.online_url:
        problems["venue"] = _("Give the place of the event or its online link.")
    if problems:
        raise ValidationError(problems)
    outside = [s.title for s in event.sessions.all()
               if s.starts_at < event.starts_at or s.ends_at > event.ends_at] if event.pk else []
    if outside:
        raise ValidationError({"starts_at": _("These agenda items would fall outside the event: %(items)s.")
                               % {"items": ", ".join(outside)}})
    event.full_clean()


REQUIRED_EVENT_FIELDS = ("kind", "title", "host", "time_zone", "starts_at", "ends_at", "votes_per_participant",
                         "is_published")


def _event_assign(event: ProjectEvent, fields: Mapping[str, Any]) -> None:
    _known(fields, EVENT_FIELDS)
    emptied = [name for name in REQUIRED_EVENT_FIELDS if name in fields and fields[name] is None]
    if emptied:
        raise ValidationError({name: _("This field cannot be empty.") for name in emptied})
    for name, value in fields.items():
        setattr(event, name, value)
    for name in ("starts_at", "ends_at"):
        setattr(event, name, _in_zone(getattr(event, name), event.time_zone))


def _require_host_editor(user: Any, host: Any) -> None:
    if host is None:
        raise ValidationError({"host": _("Choose the host partner.")})
    if not can_create_for(user, host.organisation_id):
        raise PermissionDenied(_("Only the host partner's editors (and administrators) may create or move its "
                                 "events."))


@transaction.atomic
def project_event_create(*, user: Any, project: Any, **fields: Any) -> ProjectEvent:
    """A new event of `project`, hosted by `fields["host"]`: its editors and administrators create it."""
    _require_host_editor(user, fields.get("host"))
    event = ProjectEvent(project=project, created_by=user if getattr(user, "pk", None) else None)
    _event_assign(event, fields)
    _event_check(event)
    event.save()
    return event


@transaction.atomic
def project_event_update(*, user: Any, event: ProjectEvent, **fields: Any) -> ProjectEvent:
    """Change an event (its host's editors and administrators; moving it to another host needs that one's too)."""
    if not can_change(user, event):
        raise PermissionDenied(_("Only the host partner's editors (and administrators) may change this event."))
    event = ProjectEvent.objects.select_for_update().get(pk=event.pk)
    if "host" in fields and fields["host"] != event.host:
        _require_host_editor(user, fields["host"])
    _event_assign(event, fields)
    _event_check(event)
    event.save()
    return event


def project_event_delete(*, user: Any, event: ProjectEvent) -> None:
    """Remove an event with its agenda, registrations and records (its host's editors and administrators)."""
    if not can_change(user, event):
        raise PermissionDenied(_("Only the host partner's editors (and administrators) may delete this event."))
    event.delete()


# --- agenda ------------------------------------------------------------------------------------------------------

def _session_save(session: EventSession, fields: Mapping[str, Any]) -> EventSession:
    _known(fields, SESSION_FIELDS)
    event = session.event
    for name, value in fields.items():
        setattr(session, name, _in_zone(value, event.time_zone))
    problems: dict[str, str] = {}
    if session.starts_at and session.ends_at and session.ends_at <= session.starts_at:
        problems["ends_at"] = _("An agenda item must end after it starts.")
    if session.starts_at and not event.starts_at <= session.starts_at < event.ends_at:
        problems["starts_at"] = _("An agenda item starts within the event's time span.")
    if session.ends_at and not event.starts_at < session.ends_at <= event.ends_at:
        problems.setdefault("ends_at", _("An agenda item ends within the event's time span."))
    if problems:
        raise ValidationError(problems)
    session.full_clean()
    session.save()
    return session


def _require_event_editor(user: Any, event: ProjectEvent) -> None:
    if not can_change(user, event):
        raise PermissionDenied(_("Only the host partner's editors (and administrators) may change the agenda."))


@transaction.atomic
def event_session_add(*, user: Any, event: ProjectEvent, **fields: Any) -> EventSession:
    """An agenda item (with its speakers) inside the event's time span."""
    _require_event_editor(user, event)
    return _session_save(EventSession(event=event), fields)


@transaction.atomic
def event_session_update(*, user: Any, session: EventSession, **fields: Any) -> EventSession:
    """Change an agenda item; it stays inside the event's time span."""
    _require_event_editor(user, session.event)
    return _session_save(session, fields)


def event_session_delete(*, user: Any, session: EventSession) -> None:
    _require_event_editor(user, session.event)
    session.delete()


# --- stakeholder groups ------------------------------------------------------------------------------------------

def _require_partner_editor(user: Any, partner: Any) -> None:
    if not can_create_for(user, partner.organisation_id):
        raise PermissionDenied(_("Only the partner's editors (and administrators) may manage its stakeholder "
                                 "group."))


def _group_save(group: StakeholderGroup, fields: Mapping[str, Any]) -> StakeholderGroup:
    _known(fields, GROUP_FIELDS)
    for name, value in fields.items():
        setattr(group, name, value)
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def stakeholder_group_create(*, user: Any, partner: Any, **fields: Any) -> StakeholderGroup:
    """The partner's regional stakeholder group (one per partner), created by the partner's editors."""
    _require_partner_editor(user, partner)
    if StakeholderGroup.objects.filter(partner=partner).exists():
        raise ValidationError({"partner": _("This partner already has its stakeholder group.")})
    return _group_save(StakeholderGroup(partner=partner), fields)


@transaction.atomic
def stakeholder_group_update(*, user: Any, group: StakeholderGroup, **fields: Any) -> StakeholderGroup:
    _require_partner_editor(user, group.partner)
    return _group_save(group, fields)


def _member_save(member: StakeholderGroupMember, fields: Mapping[str, Any]) -> StakeholderGroupMember:
    _known(fields, MEMBER_FIELDS)
    for name, value in fields.items():
        setattr(member, name, value)
    if member.person_id and member.person.organisation_id != member.organisation_id:
        raise ValidationError({"person": _("The person must work for the member organisation.")})
    if member.left_on and member.joined_on and member.left_on < member.joined_on:
        raise ValidationError({"left_on": _("A member leaves on or after the day it joined.")})
    overlapping = StakeholderGroupMember.objects.filter(
        group=member.group, organisation=member.organisation).exclude(pk=member.pk)
    if member.joined_on:
        overlapping = overlapping.exclude(left_on__lt=member.joined_on)
        if member.left_on:
            overlapping = overlapping.exclude(joined_on__gt=member.left_on)
        if overlapping.exists():
            raise ValidationError({"joined_on": _("This organisation is already a member over these dates.")})
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def stakeholder_member_add(*, user: Any, group: StakeholderGroup, **fields: Any) -> StakeholderGroupMember:
    """An organisation (and the person representing it) joins the group on `joined_on`."""
    _require_partner_editor(user, group.partner)
    return _member_save(StakeholderGroupMember(group=group), fields)


@transaction.atomic
def stakeholder_member_update(*, user: Any, member: StakeholderGroupMember, **fields: Any) -> StakeholderGroupMember:
    """Change a membership, e.g. record the day the organisation left (`left_on`)."""
    _require_partner_editor(user, member.group.partner)
    return _member_save(member, fields)


def stakeholder_member_remove(*, user: Any, member: StakeholderGroupMember) -> None:
    """Delete a membership entered by mistake (one that ended is kept with its `left_on`)."""
    _require_partner_editor(user, member.group.partner)
    member.delete()


# --- trusted writers (demo loader) -------------------------------------------------------------------------------

@transaction.atomic
def project_event_load(*, project: Any, title: str, sessions: Iterable[Mapping[str, Any]] = (),
                       **fields: Any) -> ProjectEvent:
    """Trusted writer (demo loader): the project's event of this title with these fields and agenda (replaced)."""
    event = ProjectEvent.objects.filter(project=project, title=title).first() or ProjectEvent(
        project=project, title=title)
    if event.pk:
        event.sessions.all().delete()
    _event_assign(event, fields)
    _event_check(event)
    event.save()
    for session in sessions:
        _session_save(EventSession(event=event), session)
    return event


@transaction.atomic
def stakeholder_group_load(*, partner: Any, name: str, meetings_per_semester: int = 1,
                           members: Iterable[Mapping[str, Any]] = ()) -> StakeholderGroup:
    """Trusted writer (demo loader): the partner's group with these members (added when not there yet)."""
    group = StakeholderGroup.objects.filter(partner=partner).first() or StakeholderGroup(partner=partner)
    _group_save(group, {"name": name, "meetings_per_semester": meetings_per_semester})
    for member in members:
        if not group.members.filter(organisation=member["organisation"], joined_on=member["joined_on"]).exists():
            _member_save(StakeholderGroupMember(group=group), member)
    return group
