"""Practices rows of the permission matrix: every role × every practice write (services) and read (pages). The
submitting partner's editors create and edit; the lead partner's editors and administrators decide the project
step; administrators the expert step. Refused writes raise PermissionDenied and leave every table as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from smartcluster.learning import services
from smartcluster.learning.tests.practices_world import (
    DESCRIPTION,
    PracticeWorld,
    load,
    practice_dump,
    practice_world,
)

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "viewer", "participant", "editor_a", "editor_b", "administrator"]
ALLOWED = {
    "create": {"editor_b", "administrator"},
    "update": {"editor_b", "administrator"},
    "approve": {"editor_a", "administrator"},  # editor_a edits for the lead partner A
    "decline at the project step": {"editor_a", "administrator"},
    "validate": {"administrator"},
    "decline at the expert step": {"administrator"},
}


def _writes(pw: PracticeWorld) -> dict[str, Callable[[Any], Any]]:
    submitted, approved = load(pw), load(pw, title="Approved", status="project_approved")
    return {
        "create": lambda user: services.good_practice_create(
            user=user, partner=pw.partner_b, organisation_in_charge=pw.world.candidate,
            fields={"title": "New", "description": DESCRIPTION}),
        "update": lambda user: services.good_practice_update(user=user, practice=submitted,
                                                             fields={"timescale": "2024"}),
        "approve": lambda user: services.good_practice_transition(user=user, practice=submitted,
                                                                  to_status="project_approved"),
        "decline at the project step": lambda user: services.good_practice_transition(
            user=user, practice=submitted, to_status="declined"),
        "validate": lambda user: services.good_practice_transition(user=user, practice=approved,
                                                                   to_status="expert_validated"),
        "decline at the expert step": lambda user: services.good_practice_transition(
            user=user, practice=approved, to_status="declined"),
    }


def _user(pw: PracticeWorld, role: str) -> Any:
    return AnonymousUser() if role == "anonymous" else pw.users[role]


@pytest.mark.parametrize("write", list(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_practice_writes_follow_the_matrix(role: str, write: str) -> None:
    pw = practice_world()
    call = _writes(pw)[write]
    before = practice_dump()
    if role in ALLOWED[write]:
        call(_user(pw, role))
        assert practice_dump() != before
    else:
        with pytest.raises(PermissionDenied):
            call(_user(pw, role))
        assert practice_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_a_submitted_practice_is_read_by_the_partnership_and_administrators_only(role: str) -> None:
    pw = practice_world()
    practice = load(pw)
    client = Client()
    if role != "anonymous":
        client.force_login(pw.users[role])
    response = client.get(reverse("learning:practice_detail", args=[practice.pk]))
    readers = {"viewer", "participant", "editor_a", "editor_b", "administrator"}
    assert response.status_code == (200 if role in readers else 404)
