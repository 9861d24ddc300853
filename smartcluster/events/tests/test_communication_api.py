"""Communication API: plans with their KPIs' achieved values and items (filters, due/late) for every reader; writes
with real bearer tokens (no CSRF token), by the permission matrix (the communication partner writes the plan, each
partner its own items); refusals answer 403/400 naming the field and leave every table as it was."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from smartcluster.events import services
from smartcluster.events.models import CommunicationItem, CommunicationKind, CommunicationStatus, KpiMeasure
from smartcluster.events.tests.test_communication_services import (
    an_event,
    build_communication_world,
    communication_dump,
    partner_b,
)
from smartcluster.organisations.tests.factories import World

pytestmark = pytest.mark.django_db
API = "/api/events/communication"
ROLES = [None, "viewer", "participant", "editor_a", "editor_b", "administrator"]


def send(world: World, role: str | None, method: str, url: str, data: dict[str, Any] | None = None) -> Any:
    """A script's call: its bearer token, no CSRF token (a client that enforces CSRF)."""
    headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role else {}
    return getattr(Client(enforce_csrf_checks=True), method)(
        url, json.dumps(data or {}), content_type="application/json", headers=headers, secure=True)


def records(world: World) -> dict[str, Any]:
    """The plan of partner A (the communication partner), an item of A and an item of B."""
    plan = services.communication_plan_load(
        project=world.project, responsible=world.partner_a, objectives="Aims", target_groups=[("SMEs", "")],
        channels=[("Website", "")], kpis=[{"name": "Videos", "unit": "videos", "target": 2,
                                            "measure": KpiMeasure.ITEMS_PUBLISHED, "item_kind": "video"}])
    item_a = services.communication_item_load(project=world.project, kind=CommunicationKind.VIDEO, number=1,
                                              title="Video 1", due_semester=1, responsible=world.partner_a)
    item_b = services.communication_item_load(project=world.project, kind=CommunicationKind.NEWSLETTER, number=1,
                                              title="Newsletter 1", due_semester=2, responsible=partner_b(world))
    return {"plan": plan, "a": item_a, "b": item_b, "kpi": plan.kpis.get(), "group": plan.target_groups.get(),
            "channel": plan.channels.get()}


def test_schemas_are_prefixed_and_the_endpoints_documented() -> None:
    document = Client().get("/api/openapi.json", secure=True).json()
    schemas = set(document["components"]["schemas"])
    assert {"CommunicationPlanOut", "CommunicationItemOut", "CommunicationKpiOut", "CommunicationBoardOut"} <= schemas
    assert {f"{API}/plans/", f"{API}/plans/{{plan_id}}", f"{API}/items/", f"{API}/items/{{item_id}}",
            f"{API}/projects/{{project_id}}/board"} <= set(document["paths"])


def test_readers_get_plans_with_achieved_kpis_and_items_filtered_with_their_state() -> None:
    world = build_communication_world()
    found = records(world)
    event = an_event(world)
    services.communication_item_update(user=world.users["editor_a"], item=found["a"], events=[event], data={
        "status": CommunicationStatus.PUBLISHED, "published_on": dt.date(2025, 3, 1), "reach": 900})
    plan = Client().get(f"{API}/plans/{found['plan'].pk}", secure=True).json()
    assert plan["responsible"] == "Agency A" and [g["name"] for g in plan["target_groups"]] == ["SMEs"]
    assert (plan["kpis"][0]["achieved"], plan["kpis"][0]["percent"]) == (1, 50.0)
    assert plan["kpis"][0]["basis"] == "Counted: published items (Video)."
    listed = Client().get(f"{API}/items/", {"kind": "newsletter"}, secure=True).json()
    assert listed["count"] == 1 and listed["items"][0]["responsible"] == "Authority B"
    assert listed["items"][0]["state"] == "late"  # due in semester 2 (2025), the project is well past it
    partner = {"Authorization": f"Bearer {world.tokens['viewer']}"}
    detail = Client().get(f"{API}/items/{found['a'].pk}", headers=partner, secure=True).json()
    assert detail["event_ids"] == [event.pk] and detail["state"] is None and detail["reach"] == 900
    anonymous = Client().get(f"{API}/items/{found['a'].pk}", secure=True).json()
    assert anonymous["event_ids"] == []  # the event is internal: the project's partners only
    board = Client().get(f"{API}/projects/{world.project.pk}/board", secure=True).json()
    assert [item["title"] for item in board["late"]] == ["Newsletter 1"] and board["semester"] >= 3
    assert Client().get(f"{API}/items/", {"semester": 1, "responsible": partner_b(world).pk},
                        secure=True).json()["count"] == 0


def test_a_refused_item_names_its_field_and_changes_nothing() -> None:
    world = build_communication_world()
    found = records(world)
    before = communication_dump()
    base = {"project_id": world.project.pk, "kind": "newsletter", "number": 2, "title": "Newsletter 2",
            "due_semester": 2, "responsible_id": partner_b(world).pk}
    for change, field in [({"number": 1}, "number"), ({"due_semester": 9}, "due_semester"),
                          ({"status": "published"}, "published_on"), ({"event_ids": [99999]}, "event_ids")]:
        response = send(world, "editor_b", "post", f"{API}/items/", {**base, **change})
        assert response.status_code == 400 and response.json()["detail"].startswith(f"{field}: "), response.json()
    refused = send(world, "editor_b", "patch", f"{API}/items/{found['b'].pk}", {"due_semester": 0})
    assert refused.status_code == 400 and refused.json()["detail"].startswith("due_semester: ")
    assert communication_dump() == before
    created = send(world, "editor_b", "post", f"{API}/items/", base)
    assert created.status_code == 201 and created.json()["responsible_id"] == partner_b(world).pk


# Who may write what: the plan and its entries belong to partner A (the communication partner), item "a" to A,
# item "b" to B; A's editors also plan items for B.
ALLOWED = {
    "plan_create": {"editor_a", "administrator"},
    "plan_update": {"editor_a", "administrator"},
    "plan_hand_over": {"administrator"},
    "kpi_create": {"editor_a", "administrator"},
    "kpi_update": {"editor_a", "administrator"},
    "kpi_delete": {"editor_a", "administrator"},
    "group_create": {"editor_a", "administrator"},
    "group_delete": {"editor_a", "administrator"},
    "channel_delete": {"editor_a", "administrator"},
    "item_create_for_a": {"editor_a", "administrator"},
    "item_create_for_b": {"editor_a", "editor_b", "administrator"},
    "item_update_a": {"editor_a", "administrator"},
    "item_update_b": {"editor_b", "administrator"},
    "item_delete_b": {"editor_b", "administrator"},
}


def _request(world: World, found: dict[str, Any], write: str) -> tuple[str, str, dict[str, Any]]:
    new_item = {"project_id": world.project.pk, "kind": "poster", "number": 1, "title": "A3 poster",
                "due_semester": 1}
    requests = {
        "plan_create": ("post", f"{API}/plans/", {"project_id": world.project.pk,
                                                  "responsible_id": world.partner_a.pk}),
        "plan_update": ("patch", f"{API}/plans/{found['plan'].pk}", {"objectives": "New aims"}),
        "plan_hand_over": ("patch", f"{API}/plans/{found['plan'].pk}", {"responsible_id": partner_b(world).pk}),
        "kpi_create": ("post", f"{API}/plans/{found['plan'].pk}/kpis", {
            "name": "Reach", "unit": "people", "target": 1000, "measure": "reach"}),
        "kpi_update": ("patch", f"{API}/kpis/{found['kpi'].pk}", {"target": 3}),
        "kpi_delete": ("delete", f"{API}/kpis/{found['kpi'].pk}", {}),
        "group_create": ("post", f"{API}/plans/{found['plan'].pk}/target-groups", {"name": "Universities"}),
        "group_delete": ("delete", f"{API}/target-groups/{found['group'].pk}", {}),
        "channel_delete": ("delete", f"{API}/channels/{found['channel'].pk}", {}),
        "item_create_for_a": ("post", f"{API}/items/", {**new_item, "responsible_id": world.partner_a.pk}),
        "item_create_for_b": ("post", f"{API}/items/", {**new_item, "responsible_id": partner_b(world).pk}),
        "item_update_a": ("patch", f"{API}/items/{found['a'].pk}", {"title": "Changed"}),
        "item_update_b": ("patch", f"{API}/items/{found['b'].pk}", {"reach": 50}),
        "item_delete_b": ("delete", f"{API}/items/{found['b'].pk}", {}),
    }
    return requests[write]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", list(ALLOWED))
def test_every_role_may_do_exactly_what_the_matrix_allows(write: str, role: str | None) -> None:
    world = build_communication_world()
    found = records(world)
    if write == "plan_create":
        found["plan"].delete()
    method, url, data = _request(world, found, write)
    before = communication_dump()
    response = send(world, role, method, url, data)
    if role in ALLOWED[write]:
        assert response.status_code in (200, 201, 204), response.content[:300]
        assert communication_dump() != before
    else:
        assert response.status_code == (401 if role is None else 403), response.content[:300]
        assert communication_dump() == before


def test_the_session_cookie_alone_cannot_write_without_the_csrf_token() -> None:
    world = build_communication_world()
    found = records(world)
    before = communication_dump()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["editor_b"])
    response = client.patch(f"{API}/items/{found['b'].pk}", json.dumps({"reach": 5}), content_type="application/json",
                            secure=True)
    assert response.status_code in (401, 403) and communication_dump() == before
    assert CommunicationItem.objects.get(pk=found["b"].pk).reach is None


def test_a_missing_plan_entry_answers_404_naming_it_and_changes_nothing() -> None:
    world = build_communication_world()
    records(world)
    before = communication_dump()
    for url, detail in [(f"{API}/target-groups/999999", "No target group 999999."),
                        (f"{API}/channels/999999", "No channel 999999."),
                        (f"{API}/kpis/999999", "No communication KPI 999999.")]:
        response = send(world, "editor_a", "delete", url)
        assert (response.status_code, response.json()["detail"]) == (404, detail)
    patched = send(world, "editor_a", "patch", f"{API}/kpis/999999", {"target": 3})
    assert (patched.status_code, patched.json()["detail"]) == (404, "No communication KPI 999999.")
    assert communication_dump() == before
