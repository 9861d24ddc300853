"""The registry API: documented, lists filtered and paginated, a detail with members, services, labels and the
ECCP check; profile changes with real bearer tokens by the cluster's editors only (a refusal changes nothing), and
a session write without the CSRF token refused."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from smartcluster.clusters.models import ClusterLabel, ClusterProfile, ClusterService
from smartcluster.clusters.tests.registry_world import (
    RegistryWorld,
    add_members,
    build_registry,
    region,
    registry_dump,
)
from smartcluster.organisations.models import Person

pytestmark = pytest.mark.django_db
BASE = "/api/clusters/profiles/"


@pytest.fixture
def world() -> RegistryWorld:
    return build_registry()


def bearer(world: RegistryWorld, role: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {world.tokens[role]}"}


def patch(world: RegistryWorld, role: str, profile_id: int, payload: dict) -> object:
    return Client().patch(f"{BASE}{profile_id}", json.dumps(payload), content_type="application/json",
                          secure=True, **bearer(world, role))


def test_openapi_lists_the_registry_endpoints_and_cluster_prefixed_schemas() -> None:
    document = Client().get("/api/openapi.json", secure=True).json()
    assert {"get"} <= set(document["paths"][BASE])
    assert {"get", "patch"} <= set(document["paths"][BASE + "{profile_id}"])
    parameters = {p["name"] for p in document["paths"][BASE]["get"]["parameters"]}
    assert {"search", "region", "category", "technology", "size", "label_kind", "page", "page_size"} <= parameters
    assert {"ClusterProfileOut", "ClusterProfileDetailOut", "ClusterProfileIn"} <= set(
        document["components"]["schemas"])


def test_list_is_filtered_paginated_and_shows_published_profiles_to_anonymous(world: RegistryWorld) -> None:
    ClusterProfile.objects.filter(pk=world.murcia.pk).update(is_published=False)
    anonymous = Client().get(BASE, secure=True).json()
    assert [item["name"] for item in anonymous["items"]] == ["Thessaly Cluster"]
    own = Client().get(BASE, secure=True, **bearer(world, "manager_b")).json()
    assert own["count"] == 2
    page = Client().get(BASE, {"page_size": 1, "page": 2}, secure=True, **bearer(world, "administrator")).json()
    assert [item["name"] for item in page["items"]] == ["Thessaly Cluster"]
    assert Client().get(BASE, {"region": "ES"}, secure=True, **bearer(world, "administrator")).json()["count"] == 1
    assert Client().get(BASE, {"page": 9}, secure=True).status_code == 404


def test_detail_holds_members_services_labels_and_the_eccp_check(world: RegistryWorld) -> None:
    add_members(world.thessaly, 14)
    ClusterService.objects.create(profile=world.thessaly, kind="networking", year=2023, members_served=9)
    ClusterLabel.objects.create(profile=world.thessaly, kind="national", level="silver", year=2022)
    listed = Person.objects.create(name="Eleni", organisation=world.thessaly.organisation, consent_to_list=True)
    hidden = Person.objects.create(name="Nikos", organisation=world.thessaly.organisation)
    world.thessaly.contacts.set([listed, hidden])
    detail = Client().get(f"{BASE}{world.thessaly.pk}", secure=True).json()
    assert detail["name"] == "Thessaly Cluster" and detail["region"] == "EL61"
    assert len(detail["members"]) == 14 and detail["member_counts"]["sme"] == 14
    assert detail["services"] == [{"kind": "networking", "year": 2023, "members_served": 9, "description": ""}]
    assert detail["labels"][0]["level"] == "silver"
    assert [c["name"] for c in detail["contacts"]] == ["Eleni"]
    committed = next(check for check in detail["eccp"] if check["key"] == "committed_members")
    assert committed == {"key": "committed_members", "criterion": "≥ 15 committed members", "met": False,
                         "reason": "committed members: 14; at least 15 required"}


def test_the_manager_updates_its_profile_with_a_bearer_token(world: RegistryWorld) -> None:
    region("EL64")
    answer = patch(world, "manager", world.thessaly.pk, {
        "founding_year": 2009, "management_fte": "1.5", "categories": [{"taxonomy": "cluster_categories",
                                                                         "category": "22"}],
        "technology_tags": ["Robotics"], "regions_served": ["EL64"]})
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["founding_year"] == 2009 and body["regions_served"] == ["EL64"]
    assert body["categories"] == [{"taxonomy": "cluster_categories", "category": "22"}]
    assert body["technology_tags"] == ["Robotics"]
    assert ClusterProfile.objects.get(pk=world.thessaly.pk).founding_year == 2009


def test_refusals_name_the_field_or_forbid_and_change_nothing(world: RegistryWorld) -> None:
    before = registry_dump()
    other = patch(world, "manager", world.murcia.pk, {"founding_year": 1999})
    assert other.status_code == 403
    outsider = patch(world, "outsider", world.thessaly.pk, {"regions_served": ["XX99"]})
    assert outsider.status_code == 403
    viewer = patch(world, "viewer", world.thessaly.pk, {"founding_year": 1999})
    assert viewer.status_code == 403
    bad = patch(world, "manager", world.thessaly.pk, {"categories": [{"taxonomy": "cluster_categories",
                                                                       "category": "999"}]})
    assert bad.status_code == 400 and "categories" in bad.json()["detail"]
    year = patch(world, "manager", world.thessaly.pk, {"founding_year": 1500})
    assert year.status_code == 400 and "founding_year" in year.json()["detail"]
    regions = patch(world, "manager", world.thessaly.pk, {"regions_served": ["XX99"]})
    assert regions.status_code == 400 and "XX99" in regions.json()["detail"]
    assert Client().patch(f"{BASE}{world.thessaly.pk}", json.dumps({"founding_year": 1999}),
                          content_type="application/json", secure=True).status_code == 401
    assert registry_dump() == before


def test_a_session_write_needs_the_csrf_token(world: RegistryWorld) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["manager"])
    before = registry_dump()
    answer = client.patch(f"{BASE}{world.thessaly.pk}", json.dumps({"founding_year": 1999}),
                          content_type="application/json", secure=True)
    assert answer.status_code in (401, 403) and registry_dump() == before
