"""Registry rows of the permission matrix: every role × every registry write (services) and read (pages, API,
export) on partner A's registry. Allowed writes succeed; refused ones raise PermissionDenied and leave every
registry table as it was; reads answer as the rules say (the partnership reads the registry, notes are partner A's
only, anyone else meets 404)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.organisations.tests.factories import World, build_world, make_user
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes
from smartcluster.stakeholders import services
from smartcluster.stakeholders.tests.registry_world import registry_dump

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "viewer", "participant", "editor_b", "editor_a", "administrator"]
EDITORS = {"editor_a", "administrator"}  # of partner A
PARTNER_A = {"viewer", "participant", "editor_a", "administrator"}  # read partner A's notes
PARTNERSHIP = PARTNER_A | {"editor_b"}  # read partner A's registry


def _world() -> tuple[World, Any, Any]:
    world = build_world()
    outsider = make_user("outsider")
    Membership.objects.create(user=outsider, role=MembershipRole.PARTNER_EDITOR, organisation=Organisation.objects
                              .create(name="Elsewhere Ltd", type=OrganisationType.SME))
    world.users["outsider"] = outsider
    stakeholder = services.stakeholder_load(partner=world.partner_a, organisation=world.candidate)
    note = services.stakeholder_note_load(stakeholder=stakeholder, text="Secret")
    return world, stakeholder, note


def _writes(world: World, stakeholder: Any, note: Any) -> dict[str, Callable[[Any], Any]]:
    payload = xlsx_bytes([Table("Stakeholders", ["organisation name", "type"], [["Imported SME", "sme"]])])
    return {
        "create": lambda user: services.stakeholder_create(user=user, partner=world.partner_a,
                                                           organisation=world.org_b, data={}),
        "update": lambda user: services.stakeholder_update(user=user, stakeholder=stakeholder, data={"interest": 1}),
        "delete": lambda user: services.stakeholder_delete(user=user, stakeholder=stakeholder),
        "note create": lambda user: services.stakeholder_note_create(user=user, stakeholder=stakeholder, text="x"),
        "note delete": lambda user: services.stakeholder_note_delete(user=user, note=note),
        "import": lambda user: services.stakeholder_import(user=user, partner=world.partner_a, payload=payload,
                                                           filename="list.xlsx"),
    }


@pytest.mark.parametrize("write", ["create", "update", "delete", "note create", "note delete", "import"])
@pytest.mark.parametrize("role", ROLES)
def test_registry_writes_follow_the_matrix(role: str, write: str) -> None:
    world, stakeholder, note = _world()
    call = _writes(world, stakeholder, note)[write]
    user = AnonymousUser() if role == "anonymous" else world.users[role]
    before = registry_dump()
    if role in EDITORS:
        call(user)
        assert registry_dump() != before
    else:
        with pytest.raises(PermissionDenied):
            call(user)
        assert registry_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_registry_reads_follow_the_matrix(role: str) -> None:
    world, stakeholder, _note = _world()
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    reads = {reverse("stakeholders:registry_list", args=[world.partner_a.pk]): role in PARTNERSHIP,
             reverse("stakeholders:registry_export", args=[world.partner_a.pk]): role in PARTNERSHIP,
             reverse("stakeholders:stakeholder_detail", args=[stakeholder.pk]): role in PARTNERSHIP,
             f"/api/stakeholders/registry/stakeholders/{stakeholder.pk}": role in PARTNERSHIP,
             f"/api/stakeholders/registry/stakeholders/{stakeholder.pk}/notes/": role in PARTNER_A}
    for url, allowed in reads.items():
        assert client.get(url).status_code == (200 if allowed else 404), (role, url)
    detail = client.get(reverse("stakeholders:stakeholder_detail", args=[stakeholder.pk])).content.decode()
    assert ("Secret" in detail) is (role in PARTNER_A)
