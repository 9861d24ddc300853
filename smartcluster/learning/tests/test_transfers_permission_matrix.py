"""Transfers rows of the permission matrix: every role × every transfer write (services, then the API over real
bearer tokens) and every read (page, API) of a transfer of an approved practice and of one awaiting approval.
Writes are the inspired partner's (B's) editors' and administrators'; a refusal leaves every table as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from smartcluster.learning.services import (
    practice_transfer_create,
    practice_transfer_delete,
    practice_transfer_load,
    practice_transfer_update,
)
from smartcluster.learning.tests.transfers_world import (
    DAY,
    TransferWorld,
    practice,
    transfer_dump,
    transfer_world,
)

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "viewer", "participant", "editor_a", "editor_b", "administrator"]
WRITERS = {"editor_b", "administrator"}
PARTNERSHIP = {"viewer", "participant", "editor_a", "editor_b", "administrator"}  # read the unapproved practice


def _user(tw: TransferWorld, role: str) -> Any:
    return AnonymousUser() if role == "anonymous" else tw.users[role]


def _writes(tw: TransferWorld) -> dict[str, Callable[[Any], Any]]:
    transfer = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY)
    other = practice(tw.partner_a, "Open testbeds")
    return {
        "create": lambda user: practice_transfer_create(user=user, practice=other, partner=tw.partner_b,
                                                        inspired_on=DAY),
        "update": lambda user: practice_transfer_update(user=user, transfer=transfer, stage="adopted"),
        "delete": lambda user: practice_transfer_delete(user=user, transfer=transfer),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", ["create", "update", "delete"])
def test_every_role_and_transfer_write_through_the_services(role: str, write: str) -> None:
    tw = transfer_world()
    action = _writes(tw)[write]
    before = transfer_dump()

    if role in WRITERS:
        action(_user(tw, role))
        assert transfer_dump() != before
    else:
        with pytest.raises(PermissionDenied):
            action(_user(tw, role))
        assert transfer_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_every_role_and_transfer_write_through_the_api(role: str) -> None:
    tw = transfer_world()
    transfer = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY)
    other = practice(tw.partner_a, "Open testbeds")
    headers = {} if role == "anonymous" else {"HTTP_AUTHORIZATION": f"Bearer {tw.tokens[role]}"}
    client = Client()
    before = transfer_dump()

    answers = [
        client.post("/api/learning/transfers/", {"practice": other.pk, "partner": tw.partner_b.pk,
                                                 "inspired_on": "2026-03-02"}, content_type="application/json",
                    **headers).status_code,
        client.patch(f"/api/learning/transfers/{transfer.pk}", {"stage": "adopted"},
                     content_type="application/json", **headers).status_code,
        client.delete(f"/api/learning/transfers/{transfer.pk}", **headers).status_code,
    ]

    if role in WRITERS:
        assert answers == [201, 200, 204]
    else:
        assert answers == [401 if role == "anonymous" else 403] * 3
        assert transfer_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_a_transfer_exactly_when_it_reads_the_practice(role: str) -> None:
    tw = transfer_world()
    public = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY)
    internal = practice_transfer_load(practice=tw.submitted, partner=tw.partner_b, stage="planned", inspired_on=DAY)
    client = Client()
    if role != "anonymous":
        client.force_login(tw.users[role])
    internal_status = 200 if role in PARTNERSHIP else 404

    assert client.get(reverse("learning:transfer_detail", args=[public.pk])).status_code == 200
    assert client.get(f"/api/learning/transfers/{public.pk}").status_code == 200
    assert client.get(reverse("learning:transfer_detail", args=[internal.pk])).status_code == internal_status
    assert client.get(f"/api/learning/transfers/{internal.pk}").status_code == internal_status
