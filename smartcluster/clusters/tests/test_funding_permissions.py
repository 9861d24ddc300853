"""Funding's permission matrix: every role × write (create, update, delete) × channel (page form with its CSRF
token, API with a bearer token). Only the cluster's managers and administrators succeed; every refusal answers
401/403 (or the login page) and leaves the funding records exactly as they were."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.clusters import services
from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.tests.funding_world import (
    FundingWorld,
    build_funding_world,
    funding_data,
    funding_dump,
)
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "viewer", "outsider", "other_manager", "manager", "administrator"]
ALLOWED = {"manager", "administrator"}
WRITES = ["create", "update", "delete"]


@pytest.fixture
def world() -> FundingWorld:
    world = build_funding_world()
    viewer = make_user("viewer")  # a member of the cluster's organisation who does not edit
    Membership.objects.create(user=viewer, organisation=world.alpha.organisation, role=MembershipRole.VIEWER)
    world.users["viewer"], world.tokens["viewer"] = viewer, api_token_create(user=viewer, name="tests")[1]
    services.funding_record_load(profile=world.alpha, year=2023, data=funding_data())
    return world


def form(**overrides: Any) -> dict[str, str]:
    return {key: "" if value is None else str(value) for key, value in funding_data(**overrides).items()
            if key != "is_published"}


def page_write(world: FundingWorld, role: str, write: str) -> int:
    client = Client(enforce_csrf_checks=True)
    if role != "anonymous":
        client.force_login(world.users[role])
    client.get(reverse("clusters:funding_group"))  # any page hands out the CSRF cookie
    token = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    profile = world.alpha.pk
    if write == "create":
        return client.post(reverse("clusters:funding_add", args=[profile]), {**token, **form(), "year": "2024"}
                           ).status_code
    if write == "update":
        return client.post(reverse("clusters:funding_edit", args=[profile, 2023]), {**token, **form(revenue=90000)}
                           ).status_code
    return client.post(reverse("clusters:funding_delete", args=[profile, 2023]), token).status_code


def api_write(world: FundingWorld, role: str, write: str) -> int:
    headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role != "anonymous" else {}
    client = Client(enforce_csrf_checks=True)
    if write == "delete":
        record = FundingRecord.objects.get(year=2023)
        return client.delete(f"/api/clusters/funding/{record.pk}", headers=headers).status_code
    body = {"profile_id": world.alpha.pk, "year": 2024 if write == "create" else 2023, "revenue": 90000,
            "regional_grants": 50, "membership_fees": 50}
    return client.post("/api/clusters/funding/", json.dumps(body), content_type="application/json",
                       headers=headers).status_code


@pytest.mark.parametrize("channel", [page_write, api_write], ids=["page", "api"])
@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("role", ROLES)
def test_only_the_clusters_managers_and_administrators_write_its_funding(world: FundingWorld, role: str, write: str,
                                                                         channel: Any) -> None:
    before = funding_dump()
    status = channel(world, role, write)
    if role in ALLOWED:
        assert status in (200, 204, 302) and funding_dump() != before
    else:
        # anonymous pages redirect to the login page; a refused API call says 401 or 403; viewers cannot read a
        # published record's drafts-only pages either
        assert status in (302, 401, 403, 404) and funding_dump() == before
        if channel is page_write and role != "anonymous":
            assert status == 403
