"""Calendar API: project events listed (filters, pagination, internal ones to partners only) and detailed with
their agenda; stakeholder groups; writes with real bearer tokens (refusals name the field and change nothing)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from smartcluster.events.choices import EventKind
from smartcluster.events.models import ProjectEvent, StakeholderGroup
from smartcluster.events.services.calendar import stakeholder_group_load
from smartcluster.events.tests.calendar_factories import calendar_dump, calendar_world, make_event, partner_b
from smartcluster.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db
BASE = "/api/events/project-events/"
GROUPS = "/api/events/stakeholder-groups/"


def send(world: Any, role: str, method: str, url: str, payload: dict[str, Any] | None = None) -> Any:
    return getattr(Client(), method)(url, json.dumps(payload or {}), content_type="application/json", secure=True,
                                     HTTP_AUTHORIZATION=f"Bearer {world.tokens[role]}")


def new_event(world: Any, **extra: Any) -> dict[str, Any]:
    return {"kind": EventKind.WORKSHOP, "title": "Interregional workshop", "host": world.partner_a.pk,
            "venue": "Larissa", "time_zone": "Europe/Athens", "starts_at": "2025-09-10T09:00:00",
            "ends_at": "2025-09-10T17:00:00", "is_published": True, **extra}


def test_openapi_names_the_calendar_schemas_without_taking_event_out() -> None:
    document = Client().get("/api/openapi.json", secure=True).json()
    schemas = set(document["components"]["schemas"])
    assert {"ProjectEventOut", "ProjectEventDetailOut", "ProjectEventSessionOut", "StakeholderGroupOut",
            "StakeholderGroupDetailOut"} <= schemas
    assert {"get", "post"} <= set(document["paths"][BASE])
    parameters = {p["name"] for p in document["paths"][BASE]["get"]["parameters"]}
    assert {"project", "kind", "host", "semester", "when", "page", "page_size"} <= parameters


def test_list_filters_paginates_and_hides_internal_events_from_anonymous_callers() -> None:
    world = calendar_world()
    make_event(world, title="Kick-off", kind=EventKind.KICK_OFF, starts=dt.datetime(2025, 3, 20, 9))
    make_event(world, title="Steering committee", kind=EventKind.STEERING_COMMITTEE, is_published=False,
               starts=dt.datetime(2025, 9, 20, 9), host=partner_b(world))
    anonymous = Client().get(BASE, secure=True).json()
    assert [item["title"] for item in anonymous["items"]] == ["Kick-off"]
    assert anonymous["items"][0]["semester"] == 1 and anonymous["items"][0]["starts_at"].endswith("+02:00")
    partner = Client().get(BASE, {"semester": 2}, secure=True,
                           HTTP_AUTHORIZATION=f"Bearer {world.tokens['editor_a']}").json()
    assert [item["title"] for item in partner["items"]] == ["Steering committee"]
    page = Client().get(BASE, {"page_size": 1, "page": 2}, secure=True,
                        HTTP_AUTHORIZATION=f"Bearer {world.tokens['viewer']}").json()
    assert page["count"] == 2 and [item["title"] for item in page["items"]] == ["Steering committee"]
    assert Client().get(BASE, {"page": 9}, secure=True).status_code == 404


def test_an_editor_creates_an_event_and_its_agenda_with_a_bearer_token() -> None:
    world = calendar_world()
    created = send(world, "editor_a", "post", BASE, new_event(world))
    assert created.status_code == 201, created.content
    event_id = created.json()["id"]
    assert created.json()["starts_at"] == "2025-09-10T09:00:00+03:00"
    added = send(world, "editor_a", "post", f"{BASE}{event_id}/sessions/",
                 {"title": "Welcome", "speakers": "Ana Alves", "starts_at": "2025-09-10T09:00:00",
                  "ends_at": "2025-09-10T09:30:00"})
    assert added.status_code == 201, added.content
    detail = Client().get(f"{BASE}{event_id}", secure=True).json()
    assert [(s["title"], s["starts_at"]) for s in detail["sessions"]] == [("Welcome", "2025-09-10T09:00:00+03:00")]


@pytest.mark.parametrize(("role", "payload", "status", "field"), [
    ("editor_b", {}, 403, None),
    ("viewer", {}, 403, None),
    ("editor_a", {"ends_at": "2025-09-10T08:00:00"}, 400, "ends_at"),
    ("editor_a", {"kind": EventKind.CHECK_IN}, 400, "partner_met"),
    ("editor_a", {"host": 999999}, 400, "host"),
    ("editor_a", {"matchmaking_event": 999999}, 400, "matchmaking_event"),
])
def test_refused_creations_answer_with_the_field_and_change_nothing(role: str, payload: dict, status: int,
                                                                    field: str | None) -> None:
    world = calendar_world()
    before = calendar_dump()
    response = send(world, role, "post", BASE, new_event(world, **payload))
    assert response.status_code == status, response.content
    if field:
        assert response.json()["detail"].startswith(f"{field}:")
    assert calendar_dump() == before


def test_another_partners_editor_cannot_change_delete_or_extend_an_event() -> None:
    world = calendar_world()
    event = make_event(world)
    before = calendar_dump()
    assert send(world, "editor_b", "patch", f"{BASE}{event.pk}", {"title": "X"}).status_code == 403
    assert send(world, "editor_b", "delete", f"{BASE}{event.pk}").status_code == 403
    assert send(world, "editor_b", "post", f"{BASE}{event.pk}/sessions/", {
        "title": "X", "starts_at": "2025-09-10T10:00:00", "ends_at": "2025-09-10T11:00:00"}).status_code == 403
    outside = send(world, "editor_a", "post", f"{BASE}{event.pk}/sessions/", {
        "title": "Dinner", "starts_at": "2025-09-10T19:00:00", "ends_at": "2025-09-10T21:00:00"})
    assert outside.status_code == 400 and "starts_at" in outside.json()["detail"]
    assert calendar_dump() == before
    assert send(world, "editor_a", "patch", f"{BASE}{event.pk}", {"title": "Renamed"}).json()["title"] == "Renamed"
    assert send(world, "editor_a", "delete", f"{BASE}{event.pk}").status_code == 204
    assert not ProjectEvent.objects.exists()


def test_stakeholder_groups_are_listed_detailed_and_written_by_their_partners_editors() -> None:
    world = calendar_world()
    firm = Organisation.objects.create(name="Firm One", type=OrganisationType.SME)
    stakeholder_group_load(partner=partner_b(world), name="B group")
    before = calendar_dump()
    assert send(world, "editor_b", "post", GROUPS, {"partner": world.partner_a.pk, "name": "X"}).status_code == 403
    assert calendar_dump() == before
    created = send(world, "editor_a", "post", GROUPS, {"partner": world.partner_a.pk, "name": "Thessaly RSG"})
    assert created.status_code == 201, created.content
    group_id = created.json()["id"]
    assert len(created.json()["meeting_plan"]) == 8
    before = calendar_dump()
    assert send(world, "editor_b", "post", f"{GROUPS}{group_id}/members/",
                {"organisation": firm.pk, "joined_on": "2025-03-01"}).status_code == 403
    assert calendar_dump() == before
    member = send(world, "editor_a", "post", f"{GROUPS}{group_id}/members/",
                  {"organisation": firm.pk, "joined_on": "2025-03-01"})
    assert member.status_code == 201 and member.json()["helix"] == "business"
    listed = Client().get(GROUPS, {"project": world.project.pk}, secure=True).json()
    assert [item["name"] for item in listed["items"]] == ["Thessaly RSG", "B group"]  # by partner name
    detail = Client().get(f"{GROUPS}{group_id}", secure=True).json()
    assert [m["organisation_name"] for m in detail["members"]] == ["Firm One"]
    assert StakeholderGroup.objects.count() == 2


def test_emptying_a_required_field_is_refused_naming_it() -> None:
    world = calendar_world()
    event = make_event(world, sessions=[{"title": "Welcome", "starts_at": dt.datetime(2025, 9, 10, 9),
                                         "ends_at": dt.datetime(2025, 9, 10, 10)}])
    before = calendar_dump()
    response = send(world, "editor_a", "patch", f"{BASE}{event.pk}", {"starts_at": None, "title": None})
    assert response.status_code == 400 and response.json()["detail"].startswith("title:")
    assert "starts_at:" in response.json()["detail"]
    assert calendar_dump() == before
