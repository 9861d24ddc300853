"""Registry API: reads as on the pages (the partnership reads a registry, notes only the owning partner: 404 to
anyone else), writes with real bearer tokens; a refusal changes nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from smartcluster.organisations.models import Organisation, Partner, Person
from smartcluster.organisations.tests.factories import World, build_world
from smartcluster.stakeholders import services
from smartcluster.stakeholders.models import Stakeholder, StakeholderNote
from smartcluster.stakeholders.tests.registry_world import registry_dump

pytestmark = pytest.mark.django_db
API = "/api/stakeholders/registry"


def call(world: World, role: str | None, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
    """An API request as a script sends it: a bearer token (none for anonymous), JSON in and out."""
    headers = {"HTTP_AUTHORIZATION": f"Bearer {world.tokens[role]}"} if role else {}
    client = Client(enforce_csrf_checks=True)
    return getattr(client, method)(url, data=json.dumps(body) if body is not None else None,
                                   content_type="application/json", **headers)


@pytest.fixture
def world() -> World:
    world = build_world()
    stakeholder = services.stakeholder_load(partner=world.partner_a, organisation=world.candidate, interest=5,
                                            topics=["Skills"], person=world.person_a)
    services.stakeholder_note_load(stakeholder=stakeholder, text="Only for partner A")
    return world


def test_the_partnership_reads_a_registry_with_helix_derived(world: World) -> None:
    partners = call(world, "editor_b", "get", f"{API}/partners/").json()
    row = next(partner for partner in partners if partner["id"] == world.partner_a.pk)
    assert row["counts_by_helix"]["business"] == 1 and row["total"] == 1
    items = call(world, "editor_b", "get", f"{API}/partners/{world.partner_a.pk}/stakeholders/").json()["items"]
    assert [(item["organisation"], item["helix"], item["interest"], item["topics"]) for item in items] == [
        ("Cluster C", "business", 5, ["Skills"])]
    filtered = call(world, "viewer", "get", f"{API}/partners/{world.partner_a.pk}/stakeholders/?helix=academia")
    assert filtered.json()["count"] == 0
    detail = call(world, "viewer", "get", f"{API}/stakeholders/{items[0]['id']}").json()
    assert detail["person"]["email"] == "ana@example.org"


def test_anonymous_and_outsiders_meet_404_and_notes_are_the_owning_partners_only(world: World) -> None:
    stakeholder = Stakeholder.objects.get()
    for role in (None, "editor_b"):
        assert call(world, role, "get", f"{API}/stakeholders/{stakeholder.pk}/notes/").status_code == 404
    assert call(world, None, "get", f"{API}/stakeholders/{stakeholder.pk}").status_code == 404
    assert call(world, None, "get", f"{API}/partners/{world.partner_a.pk}/stakeholders/").status_code == 404
    notes = call(world, "viewer", "get", f"{API}/stakeholders/{stakeholder.pk}/notes/").json()["items"]
    assert [note["text"] for note in notes] == ["Only for partner A"]


def test_an_editor_writes_with_a_bearer_token(world: World) -> None:
    contact = Person.objects.create(name="Paula", email="paula@agency.example", organisation=world.org_a)
    created = call(world, "editor_a", "post", f"{API}/partners/{world.partner_a.pk}/stakeholders/", {
        "organisation_name": "authority b", "person_name": "Bo", "person_email": "bo@b.example",
        "partner_contact_id": contact.pk, "interest": 2, "influence": 5, "topics": ["Policy"]})
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["organisation_id"], body["helix"], body["partner_contact"]["id"]) == (
        world.org_b.pk, "government", contact.pk)
    changed = call(world, "editor_a", "patch", f"{API}/stakeholders/{body['id']}", {"interest": 4})
    assert changed.json()["interest"] == 4 and changed.json()["influence"] == 5
    note = call(world, "editor_a", "post", f"{API}/stakeholders/{body['id']}/notes/", {"text": "Call"})
    assert note.status_code == 201
    assert call(world, "editor_a", "delete", f"{API}/notes/{note.json()['id']}").status_code == 204
    assert call(world, "editor_a", "delete", f"{API}/stakeholders/{body['id']}").status_code == 204
    assert not Stakeholder.objects.filter(organisation=world.org_b).exists()


def test_refusals_answer_403_400_or_404_and_change_nothing(world: World) -> None:
    stakeholder = Stakeholder.objects.get()
    note = StakeholderNote.objects.get()
    partner_b = Partner.objects.get(organisation=world.org_b)
    before = registry_dump()
    url = f"{API}/partners/{world.partner_a.pk}/stakeholders/"
    assert call(world, "editor_b", "post", url, {"organisation_id": world.org_b.pk}).status_code == 403
    assert call(world, "viewer", "patch", f"{API}/stakeholders/{stakeholder.pk}", {"interest": 1}).status_code == 403
    assert call(world, "editor_b", "delete", f"{API}/stakeholders/{stakeholder.pk}").status_code == 403
    assert call(world, "editor_b", "post", f"{API}/stakeholders/{stakeholder.pk}/notes/",
                {"text": "x"}).status_code == 404
    assert call(world, "editor_b", "delete", f"{API}/notes/{note.pk}").status_code == 404
    bad = call(world, "editor_a", "patch", f"{API}/stakeholders/{stakeholder.pk}", {"interest": 7})
    assert bad.status_code == 400 and "interest" in bad.json()["detail"]
    moved = call(world, "editor_a", "patch", f"{API}/stakeholders/{stakeholder.pk}", {"organisation_id": 1})
    assert moved.status_code == 400 and "organisation_id" in moved.json()["detail"]
    unknown = call(world, "editor_a", "post", url, {"organisation_name": "Brand New"})
    assert unknown.status_code == 400 and "type" in unknown.json()["detail"]
    assert call(world, None, "post", url, {"organisation_id": world.org_b.pk}).status_code == 401
    session = Client(enforce_csrf_checks=True)
    session.force_login(world.users["editor_a"])
    assert session.post(url, data=json.dumps({"organisation_id": world.org_b.pk}),
                        content_type="application/json").status_code in (401, 403)
    assert call(world, "editor_b", "get", f"{API}/partners/{partner_b.pk}/stakeholders/").status_code == 200
    assert Organisation.objects.filter(name="Brand New").count() == 0
    assert registry_dump() == before
