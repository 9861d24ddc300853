"""Skills API: lists, details and needs × offers for readers; writes with real bearer tokens, a manager's own
cluster only, refusals answered 400/403 with the field named and nothing changed; sessions need the CSRF token."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from smartcluster.clusters import services
from smartcluster.clusters.models import SkillNeed, TrainingOffer
from smartcluster.clusters.tests.test_skills_services import (
    SKILL_URI,
    Clusters,
    build_clusters,
    clusters_dump,
)

pytestmark = pytest.mark.django_db
API = "/api/clusters/skills"


@pytest.fixture
def world() -> Clusters:
    return build_clusters()


def send(world: Clusters, role: str | None, method: str, url: str, data: dict[str, Any] | None = None) -> Any:
    """A script's call: its bearer token, no CSRF token (a client that enforces CSRF)."""
    headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role else {}
    return getattr(Client(enforce_csrf_checks=True), method)(
        url, json.dumps(data or {}), content_type="application/json", headers=headers, secure=True)


def test_schemas_are_prefixed_and_the_endpoints_documented() -> None:
    document = Client().get("/api/openapi.json", secure=True).json()
    assert {"ClusterSkillNeedOut", "ClusterTrainingOfferOut", "ClusterNeedMatchOut"} <= set(
        document["components"]["schemas"])
    assert {f"{API}/needs/", f"{API}/needs/{{need_id}}", f"{API}/offers/", f"{API}/matches/"} <= set(
        document["paths"])


def test_a_manager_creates_changes_and_deletes_a_need_with_its_token(world: Clusters) -> None:
    created = send(world, "manager_t", "post", f"{API}/needs/", {
        "profile_id": world.thessaly.pk, "label": "Data analysis", "esco_uri": SKILL_URI, "urgency": "high",
        "people": 40, "year": 2025})
    assert created.status_code == 201, created.content
    need = created.json()
    assert (need["cluster"], need["region"], need["esco_uri"]) == ("Thessaly Agrifood Cluster", "EL61", SKILL_URI)
    changed = send(world, "manager_t", "patch", f"{API}/needs/{need['id']}", {"people": 12})
    assert changed.status_code == 200 and changed.json()["people"] == 12 and changed.json()["label"] == "Data analysis"
    assert send(world, "manager_t", "delete", f"{API}/needs/{need['id']}").status_code == 204
    assert not SkillNeed.objects.exists()


def test_bad_data_is_refused_naming_the_field_and_nothing_is_saved(world: Clusters) -> None:
    response = send(world, "manager_t", "post", f"{API}/needs/", {
        "profile_id": world.thessaly.pk, "label": "x", "esco_uri": "http://data.europa.eu/esco/skill/1",
        "people": 1, "year": 2025})
    assert response.status_code == 400 and response.json()["detail"].startswith("esco_uri: ")
    response = send(world, "manager_t", "post", f"{API}/needs/", {"label": "x", "people": 1, "year": 2025})
    assert response.status_code == 400 and "profile_id" in response.json()["detail"]
    assert not SkillNeed.objects.exists()


@pytest.mark.parametrize("role", ["manager_m", "viewer_t", None])
def test_others_change_nothing_through_the_api(world: Clusters, role: str | None) -> None:
    need = services.skill_need_load(profile=world.thessaly, label="Welding", year=2025, people=5)
    offer = services.training_offer_load(profile=world.thessaly, title="Welding course", provider="cluster")
    before = clusters_dump()
    expected = 403 if role else 401
    assert send(world, role, "post", f"{API}/needs/", {"profile_id": world.thessaly.pk, "label": "x", "people": 1,
                                                       "year": 2025}).status_code == expected
    assert send(world, role, "patch", f"{API}/needs/{need.pk}", {"people": 1}).status_code == expected
    assert send(world, role, "delete", f"{API}/needs/{need.pk}").status_code == expected
    assert send(world, role, "post", f"{API}/offers/", {"profile_id": world.thessaly.pk, "provider": "cluster",
                                                        "title": "x"}).status_code == expected
    assert send(world, role, "patch", f"{API}/offers/{offer.pk}", {"title": "y"}).status_code == expected
    assert send(world, role, "delete", f"{API}/offers/{offer.pk}").status_code == expected
    assert clusters_dump() == before


def test_a_session_write_without_the_csrf_token_is_refused(world: Clusters) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["manager_t"])
    response = client.post(f"{API}/needs/", json.dumps({"profile_id": world.thessaly.pk, "label": "x", "people": 1,
                                                        "year": 2025}), content_type="application/json", secure=True)
    assert response.status_code == 403 and not SkillNeed.objects.exists()


def test_lists_filter_by_region_and_matches_put_unmatched_needs_first(world: Clusters) -> None:
    services.skill_need_load(profile=world.thessaly, label="Welding", year=2025, people=5, urgency="high")
    services.skill_need_load(profile=world.thessaly, label="Data analysis", year=2025, people=9)
    services.skill_need_load(profile=world.murcia, label="Robotics", year=2025, people=3)
    offer = services.training_offer_load(profile=world.thessaly, title="Data analytics course", provider="member",
                                         provider_organisation=world.murcia.organisation)
    client = Client()
    needs = client.get(f"{API}/needs/", {"region": "EL"}, secure=True).json()
    assert needs["count"] == 2 and {n["label"] for n in needs["items"]} == {"Welding", "Data analysis"}
    assert client.get(f"{API}/offers/{offer.pk}", secure=True).json()["provider_organisation"] == (
        "Murcia Industry Cluster")
    matches = client.get(f"{API}/matches/", {"profile": world.thessaly.pk}, secure=True).json()["items"]
    assert [(m["need"]["label"], m["matched"], m["rule"]) for m in matches] == [
        ("Welding", False, ""), ("Data analysis", True, "text")]
    assert matches[1]["offers"][0]["title"] == "Data analytics course"
    refused = client.get(f"{API}/matches/", {"region": "X"}, secure=True)
    assert refused.status_code == 400 and "NUTS" in refused.json()["detail"]
    assert client.get(f"{API}/needs/999999", secure=True).status_code == 404
    assert not TrainingOffer.objects.filter(title="x").exists()
