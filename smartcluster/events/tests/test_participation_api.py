"""Participation API with real bearer tokens: registrations read by the host's members only, invitations and
attendance by its editors (refusals change nothing), self-registration, feedback results, materials with private
ones hidden; schema names prefixed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from smartcluster.events import services
from smartcluster.events.choices import EventKind, MaterialKind, RegistrationStatus
from smartcluster.events.models import Registration
from smartcluster.events.tests.participation_factories import (
    build_world,
    make_event,
    make_person,
    participation_dump,
    register,
)
from smartcluster.organisations.tests.factories import World

pytestmark = pytest.mark.django_db
API = "/api/events"
PDF = b"%PDF-1.4\n%%EOF\n"


def call(world: World, role: str | None, method: str, url: str, data: dict[str, Any] | None = None) -> Any:
    """A script's call: its bearer token, no CSRF token (a client that enforces CSRF)."""
    headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role else {}
    client = Client(enforce_csrf_checks=True)
    if method == "get":
        return client.get(url, data or {}, headers=headers, secure=True)
    return getattr(client, method)(url, json.dumps(data or {}), content_type="application/json", headers=headers,
                                   secure=True)


def test_schemas_are_prefixed_and_the_endpoints_documented() -> None:
    document = Client().get("/api/openapi.json", secure=True).json()
    schemas = set(document["components"]["schemas"])
    assert {"EventRegistrationOut", "EventRegistrationInviteIn", "EventFeedbackResultsOut",
            "EventMaterialOut"} <= schemas
    assert {f"{API}/registrations/", f"{API}/registrations/{{registration_id}}", f"{API}/materials/",
            f"{API}/feedback/{{event_id}}/results"} <= set(document["paths"])


def test_registrations_are_read_by_the_hosts_members_only() -> None:
    world = build_world()
    event = make_event(world)
    registration = register(event, make_person("Rea"), dietary_needs="vegan")
    for role in ("viewer", "editor_a", "administrator"):
        listed = call(world, role, "get", f"{API}/registrations/", {"event": event.pk}).json()
        assert listed["count"] == 1 and listed["items"][0]["dietary_needs"] == "vegan"
    assert call(world, "editor_b", "get", f"{API}/registrations/", {"event": event.pk}).json()["count"] == 0
    assert call(world, "editor_b", "get", f"{API}/registrations/{registration.pk}").status_code == 404
    assert call(world, None, "get", f"{API}/registrations/{registration.pk}").status_code == 401
    detail = call(world, "viewer", "get", f"{API}/registrations/{registration.pk}").json()
    assert detail["name"] == "Rea" and "token" not in detail


def test_the_host_invites_and_takes_attendance_and_others_change_nothing() -> None:
    world = build_world()
    event = make_event(world)
    invite = {"event_id": event.pk, "name": "Iris", "email": "iris@example.org", "group": "external"}
    before = participation_dump()
    for role, expected in (("editor_b", 403), ("viewer", 403), (None, 401)):
        assert call(world, role, "post", f"{API}/registrations/", invite).status_code == expected
    wrong_partner = call(world, "editor_a", "post", f"{API}/registrations/", {**invite, "partner_id": 2**40})
    assert wrong_partner.status_code == 400 and wrong_partner.json()["detail"].startswith("partner_id: ")
    assert participation_dump() == before
    created = call(world, "editor_a", "post", f"{API}/registrations/", invite)
    assert created.status_code == 201 and created.json()["status"] == RegistrationStatus.INVITED
    registration_id = created.json()["id"]
    before = participation_dump()
    assert call(world, "editor_b", "post", f"{API}/registrations/{registration_id}/attendance",
                {"attended": True}).status_code == 404
    assert call(world, "viewer", "post", f"{API}/registrations/{registration_id}/attendance",
                {"attended": True}).status_code == 403
    assert participation_dump() == before
    taken = call(world, "editor_a", "post", f"{API}/registrations/{registration_id}/attendance", {"attended": True})
    assert taken.status_code == 200 and taken.json()["attended"] is True


def test_attendance_of_a_declined_person_is_refused_naming_the_field() -> None:
    world = build_world()
    declined = register(make_event(world), make_person("Dan"), status=RegistrationStatus.DECLINED)
    before = participation_dump()
    refused = call(world, "editor_a", "post", f"{API}/registrations/{declined.pk}/attendance", {"attended": True})
    assert refused.status_code == 400 and refused.json()["detail"].startswith("attended: ")
    assert participation_dump() == before


def test_a_user_registers_themself_with_needs_and_a_session_without_csrf_is_refused() -> None:
    world = build_world()
    event = make_event(world)
    registered = call(world, "editor_b", "post", f"{API}/registrations/self",
                      {"event_id": event.pk, "dietary_needs": "no nuts"})
    assert registered.status_code == 201 and registered.json()["status"] == RegistrationStatus.REGISTERED
    assert Registration.objects.get(person__user=world.users["editor_b"]).dietary_needs == "no nuts"
    session = Client(enforce_csrf_checks=True)
    session.force_login(world.users["viewer"])
    before = participation_dump()
    assert session.post(f"{API}/registrations/self", json.dumps({"event_id": event.pk}),
                        content_type="application/json", secure=True).status_code == 403
    assert participation_dump() == before


def test_feedback_results_for_the_hosts_editors() -> None:
    world = build_world()
    webinar = make_event(world, kind=EventKind.WEBINAR)
    for number, (before, after) in enumerate([(2, 4), (4, 4)]):
        services.feedback_submit(registration=register(webinar, make_person(f"W{number}")), answers={
            "satisfaction": 5, "learning": 3, "capacity_before": before, "capacity_after": after})
    results = call(world, "editor_a", "get", f"{API}/feedback/{webinar.pk}/results").json()
    assert results["increased_capacity"] == 1 and results["responses"] == 2
    assert results["scales"][0]["distribution"]["5"] == 2 and results["scales"][1]["mean"] == 3
    assert call(world, "editor_b", "get", f"{API}/feedback/{webinar.pk}/results").status_code == 403


def test_private_materials_are_hidden_from_those_not_allowed(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    world = build_world()
    event = make_event(world)
    uploads = {published: services.material_upload(
        user=world.users["editor_a"], event=event, kind=MaterialKind.DOCUMENT, title=f"Doc {published}",
        file=SimpleUploadedFile("a.pdf", PDF), is_published=published) for published in (True, False)}
    for role, expected in ((None, 1), ("editor_b", 1), ("viewer", 2), ("administrator", 2)):
        assert call(world, role, "get", f"{API}/materials/", {"event": event.pk}).json()["count"] == expected
    private = uploads[False]
    assert call(world, None, "get", f"{API}/materials/{private.pk}").status_code == 404
    assert call(world, "editor_b", "get", f"{API}/materials/{private.pk}").status_code == 404
    detail = call(world, "viewer", "get", f"{API}/materials/{private.pk}").json()
    assert detail["content_type"] == "application/pdf" and detail["download_url"].endswith("/download")
