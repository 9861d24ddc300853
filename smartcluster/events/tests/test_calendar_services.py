"""Calendar services: who may create and change project events, their agenda and stakeholder groups; refusals
name the field and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from smartcluster.events.choices import EventKind
from smartcluster.events.models import ProjectEvent
from smartcluster.events.selectors.calendar import (
    event_session_list,
    project_event_list,
    project_event_semester,
    stakeholder_group_meeting_plan,
    stakeholder_member_list,
    stakeholder_members_on,
)
from smartcluster.events.services.calendar import (
    event_session_add,
    project_event_create,
    project_event_delete,
    project_event_update,
    stakeholder_group_create,
    stakeholder_group_load,
    stakeholder_member_add,
    stakeholder_member_update,
)
from smartcluster.events.tests.calendar_factories import (
    ATHENS,
    calendar_dump,
    calendar_world,
    make_event,
    partner_b,
)
from smartcluster.organisations.models import Organisation, OrganisationType, Person

pytestmark = pytest.mark.django_db

START = dt.datetime(2025, 9, 10, 9, 0)


def fields(world, **extra):
    return {"kind": EventKind.WORKSHOP, "title": "Workshop", "host": world.partner_a, "venue": "Larissa",
            "time_zone": "Europe/Athens", "starts_at": START, "ends_at": START + dt.timedelta(hours=6), **extra}


def test_the_hosts_editor_creates_an_event_entered_in_its_own_time_zone() -> None:
    world = calendar_world()
    event = project_event_create(user=world.users["editor_a"], project=world.project, **fields(world))
    assert event.starts_at == dt.datetime(2025, 9, 10, 6, 0, tzinfo=dt.UTC)  # 09:00 in Athens (UTC+3 in summer)
    assert event.created_by == world.users["editor_a"]
    assert project_event_semester(event) == 2


@pytest.mark.parametrize("role", ["anonymous", "viewer", "participant", "editor_b"])
def test_only_the_hosts_editors_and_administrators_create_its_events(role: str) -> None:
    world = calendar_world()
    user = world.users.get(role) or AnonymousUser()
    before = calendar_dump()
    with pytest.raises(PermissionDenied):
        project_event_create(user=user, project=world.project, **fields(world))
    assert calendar_dump() == before


def test_an_administrator_creates_for_any_partner() -> None:
    world = calendar_world()
    event = project_event_create(user=world.users["administrator"], project=world.project,
                                 **fields(world, host=partner_b(world)))
    assert event.host == partner_b(world)


def test_an_event_ending_before_it_starts_is_refused_naming_ends_at() -> None:
    world = calendar_world()
    before = calendar_dump()
    with pytest.raises(ValidationError) as refusal:
        project_event_create(user=world.users["editor_a"], project=world.project,
                             **fields(world, ends_at=START - dt.timedelta(minutes=1)))
    assert list(refusal.value.message_dict) == ["ends_at"]
    assert calendar_dump() == before


def test_the_database_refuses_an_event_ending_before_it_starts() -> None:
    world = calendar_world()
    event = make_event(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectEvent.objects.filter(pk=event.pk).update(ends_at=event.starts_at - dt.timedelta(hours=1))
    event.refresh_from_db()
    assert event.ends_at > event.starts_at


def test_a_check_in_names_the_partner_met_and_a_host_of_the_project() -> None:
    world = calendar_world()
    with pytest.raises(ValidationError) as refusal:
        project_event_create(user=world.users["editor_a"], project=world.project,
                             **fields(world, kind=EventKind.CHECK_IN))
    assert "partner_met" in refusal.value.message_dict
    event = project_event_create(user=world.users["editor_a"], project=world.project,
                                 **fields(world, kind=EventKind.CHECK_IN, partner_met=partner_b(world),
                                          venue="", online_url="https://meet.example.org/x"))
    assert event.partner_met == partner_b(world)


def test_an_event_without_place_or_link_is_refused_naming_venue() -> None:
    world = calendar_world()
    with pytest.raises(ValidationError) as refusal:
        project_event_create(user=world.users["editor_a"], project=world.project, **fields(world, venue=""))
    assert list(refusal.value.message_dict) == ["venue"]


def test_another_partners_editor_cannot_change_or_delete_the_event() -> None:
    world = calendar_world()
    event = make_event(world)
    before = calendar_dump()
    with pytest.raises(PermissionDenied):
        project_event_update(user=world.users["editor_b"], event=event, title="Hijacked")
    with pytest.raises(PermissionDenied):
        project_event_delete(user=world.users["editor_b"], event=event)
    assert calendar_dump() == before


def test_an_editor_cannot_move_its_event_to_another_partner() -> None:
    world = calendar_world()
    event = make_event(world)
    with pytest.raises(PermissionDenied):
        project_event_update(user=world.users["editor_a"], event=event, host=partner_b(world))
    event.refresh_from_db()
    assert event.host == world.partner_a


def test_agenda_items_stay_inside_the_events_time_span() -> None:
    world = calendar_world()
    event = make_event(world)  # 09:00–17:00 Athens
    editor = world.users["editor_a"]
    item = event_session_add(user=editor, event=event, title="Welcome", speakers="Ana Alves",
                             starts_at=dt.datetime(2025, 9, 10, 9, 0), ends_at=dt.datetime(2025, 9, 10, 9, 30))
    assert event_session_list(event=event)[0].local_start == dt.datetime(2025, 9, 10, 9, 0, tzinfo=ATHENS)
    with pytest.raises(ValidationError) as refusal:
        event_session_add(user=editor, event=event, title="Dinner",
                          starts_at=dt.datetime(2025, 9, 10, 16, 0), ends_at=dt.datetime(2025, 9, 10, 20, 0))
    assert list(refusal.value.message_dict) == ["ends_at"]
    with pytest.raises(ValidationError) as refusal:
        event_session_add(user=editor, event=event, title="Breakfast",
                          starts_at=dt.datetime(2025, 9, 10, 8, 0), ends_at=dt.datetime(2025, 9, 10, 9, 0))
    assert "starts_at" in refusal.value.message_dict
    with pytest.raises(ValidationError) as refusal:
        project_event_update(user=editor, event=event, starts_at=dt.datetime(2025, 9, 10, 10, 0))
    assert "starts_at" in refusal.value.message_dict and "Welcome" in str(refusal.value)
    assert list(event.sessions.all()) == [item]
    with pytest.raises(PermissionDenied):
        event_session_add(user=world.users["editor_b"], event=event, title="X", starts_at=START,
                          ends_at=START + dt.timedelta(hours=1))


def test_internal_events_are_read_by_the_projects_partners_only() -> None:
    world = calendar_world()
    internal = make_event(world, title="Steering committee", kind=EventKind.STEERING_COMMITTEE, is_published=False)
    public = make_event(world, title="Final conference", kind=EventKind.FINAL_CONFERENCE)
    assert list(project_event_list(user=AnonymousUser())) == [public]
    assert internal in project_event_list(user=world.users["editor_b"])  # partner B of the same project
    assert internal in project_event_list(user=world.users["viewer"])


def test_event_list_filters_by_kind_host_semester_and_time() -> None:
    world = calendar_world()
    first = make_event(world, title="Kick-off", kind=EventKind.KICK_OFF, starts=dt.datetime(2025, 3, 20, 9))
    second = make_event(world, title="Workshop", kind=EventKind.WORKSHOP, host=partner_b(world),
                        starts=dt.datetime(2025, 9, 1, 0, 30))  # 00:30 Athens on the 1st = 31 Aug in UTC
    user = world.users["viewer"]
    assert list(project_event_list(user=user, kind=EventKind.KICK_OFF)) == [first]
    assert list(project_event_list(user=user, host=partner_b(world).pk)) == [second]
    assert list(project_event_list(user=user, semester=2)) == [second]  # its local day counts, not UTC's
    now = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert list(project_event_list(user=user, when="past", now=now)) == [first]
    assert list(project_event_list(user=user, when="upcoming", now=now)) == [second]


def test_a_partners_editor_creates_its_stakeholder_group_once() -> None:
    world = calendar_world()
    with pytest.raises(PermissionDenied):
        stakeholder_group_create(user=world.users["editor_b"], partner=world.partner_a, name="Thessaly RSG")
    group = stakeholder_group_create(user=world.users["editor_a"], partner=world.partner_a, name="Thessaly RSG")
    assert group.meetings_per_semester == 1
    with pytest.raises(ValidationError) as refusal:
        stakeholder_group_create(user=world.users["editor_a"], partner=world.partner_a, name="Again")
    assert list(refusal.value.message_dict) == ["partner"]


def test_members_by_helix_and_on_a_date() -> None:
    world = calendar_world()
    university = Organisation.objects.create(name="University of Thessaly", type=OrganisationType.UNIVERSITY)
    firm = Organisation.objects.create(name="Firm", type=OrganisationType.SME)
    professor = Person.objects.create(name="Prof", organisation=university)
    group = stakeholder_group_load(partner=world.partner_a, name="Thessaly RSG")
    editor = world.users["editor_a"]
    stakeholder_member_add(user=editor, group=group, organisation=university, person=professor,
                           joined_on=dt.date(2025, 3, 1))
    firm_member = stakeholder_member_add(user=editor, group=group, organisation=firm, joined_on=dt.date(2025, 4, 1))
    stakeholder_member_update(user=editor, member=firm_member, left_on=dt.date(2025, 12, 31))
    assert {m.organisation.name: m.helix for m in stakeholder_member_list(group=group)} == {
        "University of Thessaly": "academia", "Firm": "business"}
    assert [m.organisation for m in stakeholder_members_on(group=group, on=dt.date(2025, 12, 31))] == [firm,
                                                                                                        university]
    assert [m.organisation for m in stakeholder_members_on(group=group, on=dt.date(2026, 1, 1))] == [university]
    assert stakeholder_members_on(group=group, on=dt.date(2025, 2, 28)) == []
    with pytest.raises(ValidationError) as refusal:
        stakeholder_member_add(user=editor, group=group, organisation=firm, person=professor,
                               joined_on=dt.date(2026, 2, 1))
    assert list(refusal.value.message_dict) == ["person"]
    with pytest.raises(ValidationError) as refusal:
        stakeholder_member_add(user=editor, group=group, organisation=university, joined_on=dt.date(2025, 6, 1))
    assert list(refusal.value.message_dict) == ["joined_on"]
    with pytest.raises(PermissionDenied):
        stakeholder_member_add(user=world.users["editor_b"], group=group, organisation=firm,
                               joined_on=dt.date(2026, 2, 1))


def test_meeting_plan_counts_held_and_upcoming_meetings_per_semester() -> None:
    world = calendar_world()
    group = stakeholder_group_load(partner=world.partner_a, name="Thessaly RSG")
    for title, starts in [("RSG 1", dt.datetime(2025, 5, 5, 10)), ("RSG 2", dt.datetime(2025, 9, 1, 10)),
                          ("RSG 3", dt.datetime(2025, 10, 1, 10)), ("RSG 4", dt.datetime(2026, 4, 1, 10))]:
        make_event(world, title=title, kind=EventKind.STAKEHOLDER_MEETING, stakeholder_group=group, starts=starts)
    plan = stakeholder_group_meeting_plan(user=world.users["viewer"], group=group,
                                          now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert [row.semester for row in plan] == list(range(1, 9))
    assert sum(row.planned for row in plan) == 8
    assert [(len(row.held), len(row.upcoming), row.missing) for row in plan[:3]] == [(1, 0, 0), (2, 0, 0), (0, 1, 0)]
    assert plan[3].missing == 1 and plan[1].starts_on == dt.date(2025, 9, 1)


def test_the_demo_loader_is_idempotent_and_replaces_the_agenda() -> None:
    world = calendar_world()
    sessions = [{"title": "Welcome", "starts_at": START, "ends_at": START + dt.timedelta(minutes=30)}]
    first = make_event(world, sessions=sessions)
    again = make_event(world, sessions=[{**sessions[0], "title": "Opening"}], thematic_focus="Industry 4.0")
    assert again.pk == first.pk and ProjectEvent.objects.count() == 1
    assert [s.title for s in again.sessions.all()] == ["Opening"] and again.thematic_focus == "Industry 4.0"
    before = calendar_dump()
    with pytest.raises(ValidationError):
        make_event(world, title="Broken", hours=-1)
    assert calendar_dump() == before
