"""Declared collaborations and the network in the permission matrix: every role × every write (services, then the
API over real bearer tokens) and every read (page, API, workbook). Collaborations are public to read; the declaring
partner's editors and administrators change them; a refused write raises PermissionDenied (403 through the API,
401 anonymous) and leaves the database exactly as it was. Private links follow their record's readers."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from smartcluster.accounts.services import api_token_create
from smartcluster.organisations.tests.factories import World, build_world, make_user
from smartcluster.stakeholders import services
from smartcluster.stakeholders.choices import CollaborationKind
from smartcluster.stakeholders.selectors import network_get
from smartcluster.stakeholders.tests.network_world import build_network_world, network_dump

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "viewer", "participant", "editor_a", "editor_b", "administrator"]
EDITORS = {"editor_a", "administrator"}  # of partner A, who declared the collaboration
PARTNERSHIP = {"viewer", "participant", "editor_a", "editor_b", "administrator"}  # read the project's internal event


def _world() -> tuple[World, Any]:
    world = build_world()
    world.users["outsider"] = make_user("outsider")
    collaboration = services.collaboration_load(first=world.org_a, second=world.candidate,
                                                kind=CollaborationKind.SUPPLY, declared_by=world.partner_a)
    return world, collaboration


def _user(world: World, role: str) -> Any:
    return AnonymousUser() if role == "anonymous" else world.users[role]


def _writes(world: World, collaboration: Any) -> dict[str, Callable[[Any], Any]]:
    return {
        "create": lambda user: services.collaboration_create(user=user, declared_by=world.partner_a, data={
            "first": world.org_b, "second": world.candidate, "kind": CollaborationKind.TRAINING}),
        "update": lambda user: services.collaboration_update(user=user, collaboration=collaboration,
                                                             data={"since_year": 2015}),
        "delete": lambda user: services.collaboration_delete(user=user, collaboration=collaboration),
    }


@pytest.mark.parametrize("write", ["create", "update", "delete"])
@pytest.mark.parametrize("role", ROLES)
def test_collaboration_writes_follow_the_matrix(role: str, write: str) -> None:
    world, collaboration = _world()
    before = network_dump()
    if role in EDITORS:
        _writes(world, collaboration)[write](_user(world, role))
        assert network_dump() != before
    else:
        with pytest.raises(PermissionDenied):
            _writes(world, collaboration)[write](_user(world, role))
        assert network_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_api_collaboration_update_follows_the_matrix(role: str) -> None:
    world, collaboration = _world()
    world.tokens["outsider"] = api_token_create(user=world.users["outsider"], name="tests")[1]
    headers = {} if role == "anonymous" else {"HTTP_AUTHORIZATION": f"Bearer {world.tokens[role]}"}
    before = network_dump()
    answer = Client(enforce_csrf_checks=True).patch(
        f"/api/stakeholders/collaborations/{collaboration.pk}", json.dumps({"since_year": 2015}),
        content_type="application/json", secure=True, **headers)
    if role in EDITORS:
        assert answer.status_code == 200 and network_dump() != before
    else:
        assert answer.status_code == (401 if role == "anonymous" else 403)
        assert network_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_collaborations_and_the_network(role: str) -> None:
    world, collaboration = _world()
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    for url in (reverse("stakeholders:network_index"), reverse("stakeholders:network_xlsx"),
                reverse("stakeholders:collaboration_index"),
                reverse("stakeholders:collaboration_detail", args=[collaboration.pk]),
                f"/api/stakeholders/collaborations/{collaboration.pk}", "/api/stakeholders/network/"):
        assert client.get(url, secure=True).status_code == 200, url


@pytest.mark.parametrize("role", ROLES)
def test_an_internal_events_co_attendance_links_only_for_the_projects_partnership(role: str) -> None:
    net = build_network_world()
    net.world.users["outsider"] = make_user("outsider")
    links = network_get(user=_user(net.world, role), layout=False).links
    seen = any({link.first, link.second} == {net.sme2.pk, net.university.pk} for link in links)
    assert seen is (role in PARTNERSHIP)
