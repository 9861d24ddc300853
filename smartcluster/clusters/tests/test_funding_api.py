"""Funding API with real bearer tokens: lists and details (published for everyone, drafts for the cluster's own
people) with figures and the dependency flag; saving a year; refused writes leave the database unchanged."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from smartcluster.clusters import services
from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.tests.funding_world import (
    FundingWorld,
    build_funding_world,
    funding_data,
    funding_dump,
)

pytestmark = pytest.mark.django_db
API = "/api/clusters/funding"
PAYLOAD = {"year": 2024, "revenue": 100000, "regional_grants": 40, "membership_fees": 60, "annual_cost": 50000,
           "contracted_next_12_months": 25000, "is_published": True}


@pytest.fixture
def world() -> FundingWorld:
    return build_funding_world()


def bearer(world: FundingWorld, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[role]}"}


def post(world: FundingWorld, role: str | None, body: dict[str, Any]) -> Any:
    headers = bearer(world, role) if role else {}
    return Client(enforce_csrf_checks=True).post(f"{API}/", json.dumps(body), content_type="application/json",
                                                 headers=headers)


def test_the_list_shows_published_records_and_the_managers_own_drafts(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2023, data=funding_data())
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data(is_published=False))
    services.funding_record_load(profile=world.beta, year=2024, data=funding_data(is_published=False))
    public = Client().get(f"{API}/").json()
    assert [(item["cluster"], item["year"]) for item in public["items"]] == [("Alpha Cluster", 2023)]
    assert public["items"][0]["source_shares"]["membership_fees"] == 30
    own = Client().get(f"{API}/", headers=bearer(world, "manager")).json()
    assert [(item["cluster"], item["year"]) for item in own["items"]] == [("Alpha Cluster", 2023),
                                                                          ("Alpha Cluster", 2024)]
    assert Client().get(f"{API}/", {"country": "EL"}, headers=bearer(world, "other_manager")).json()["count"] == 1


def test_the_detail_carries_the_figures_and_the_flag(world: FundingWorld) -> None:
    for offset, share in enumerate([30, 35, 40, 45]):
        services.funding_record_load(profile=world.alpha, year=2021 + offset, data=funding_data(
            regional_grants=Decimal(share), national_grants=0, eu_grants=0, membership_fees=Decimal(70 - share)))
    latest = FundingRecord.objects.get(year=2024)
    body = Client().get(f"{API}/{latest.pk}").json()
    assert body["figures"]["public_dependency"] == 45 and body["figures"]["secured_12_months"] == 0.5
    assert body["figures"]["revenue_per_fte"] == 50000
    assert body["trend"] == {"rises_running": 3, "rising": True}
    draft = services.funding_record_load(profile=world.beta, year=2024, data=funding_data(is_published=False))
    assert Client().get(f"{API}/{draft.pk}").status_code == 404
    assert Client().get(f"{API}/{draft.pk}", headers=bearer(world, "other_manager")).status_code == 200


def test_a_manager_saves_a_year_with_a_token(world: FundingWorld) -> None:
    response = post(world, "manager", {**PAYLOAD, "profile_id": world.alpha.pk})
    assert response.status_code == 200, response.content
    assert response.json()["figures"]["public_dependency"] == 40
    record = FundingRecord.objects.get()
    assert (record.profile, record.year, record.revenue) == (world.alpha, 2024, 100000)
    update = post(world, "manager", {"profile_id": world.alpha.pk, "year": 2024, "revenue": 120000})
    assert update.status_code == 200 and update.json()["source_shares"]["regional_grants"] == 40
    shares = post(world, "manager", {"profile_id": world.alpha.pk, "year": 2024, "eu_grants": 100})
    assert shares.json()["source_shares"] == {**dict.fromkeys(shares.json()["source_shares"], 0), "eu_grants": 100}
    assert shares.json()["revenue"] == 120000


def test_shares_not_summing_to_100_answer_400_naming_them_and_save_nothing(world: FundingWorld) -> None:
    response = post(world, "manager", {**PAYLOAD, "profile_id": world.alpha.pk, "membership_fees": 50})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("source_shares: The shares sum to 90 %")
    assert not FundingRecord.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("other_manager", 403), ("outsider", 403), (None, 401)])
def test_a_refused_write_leaves_the_database_unchanged(world: FundingWorld, role: str | None, status: int) -> None:
    record = services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    before = funding_dump()
    assert post(world, role, {**PAYLOAD, "profile_id": world.alpha.pk, "revenue": 1}).status_code == status
    headers = bearer(world, role) if role else {}
    assert Client().delete(f"{API}/{record.pk}", headers=headers).status_code == status
    assert funding_dump() == before


def test_a_session_write_without_the_csrf_token_is_refused(world: FundingWorld) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["manager"])
    response = client.post(f"{API}/", json.dumps({**PAYLOAD, "profile_id": world.alpha.pk}),
                           content_type="application/json")
    assert response.status_code in (401, 403) and not FundingRecord.objects.exists()


def test_the_manager_deletes_a_year_with_a_token(world: FundingWorld) -> None:
    record = services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    assert Client().delete(f"{API}/{record.pk}", headers=bearer(world, "manager")).status_code == 204
    assert not FundingRecord.objects.exists()


def test_the_group_sums_published_funding_by_country(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    services.funding_record_load(profile=world.beta, year=2024, data=funding_data(revenue=Decimal(300000)))
    body = Client().get(f"{API}/group", {"country": "DE"}).json()
    assert [(year["year"], year["clusters"], year["revenue"]) for year in body["years"]] == [(2024, 1, 100000)]
    assert Client().get(f"{API}/group").json()["years"][0]["revenue"] == 400000
    assert Client().get(f"{API}/group", {"region": "../etc"}).status_code == 422


def test_the_openapi_document_names_the_funding_schemas() -> None:
    schemas = Client().get("/api/openapi.json").json()["components"]["schemas"]
    assert {"ClusterFundingOut", "ClusterFundingDetailOut", "ClusterFundingIn", "ClusterFundingGroupOut"} <= set(
        schemas)
