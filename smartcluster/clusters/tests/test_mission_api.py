"""Mission API: published missions with totals for all, commitments with their progress and status; writes with
real bearer tokens, only the cluster's manager commits and reports, refusals change nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from smartcluster.clusters import services
from smartcluster.clusters.models import Commitment, CommitmentProgress, Mission
from smartcluster.clusters.tests.test_skills_api import send
from smartcluster.clusters.tests.test_skills_services import Clusters, build_clusters, clusters_dump

pytestmark = pytest.mark.django_db
API = "/api/clusters"
WORKERS = "Workers re- or upskilled"


@pytest.fixture
def world() -> Clusters:
    return build_clusters()


def the_mission(world: Clusters, published: bool = True) -> Mission:
    return services.mission_load(organisation=world.thessaly.organisation, title="Upskilling 4.0", goal="Upskill",
                                 target_date=dt.date(2030, 12, 31), indicators=[(WORKERS, "workers")],
                                 is_published=published)


def test_an_editor_creates_a_mission_through_the_api(world: Clusters) -> None:
    response = send(world, "manager_t", "post", f"{API}/missions/", {
        "organisation_id": world.thessaly.organisation.pk, "title": "Upskilling 4.0", "goal": "Upskill",
        "target_date": "2030-12-31", "indicators": [{"title": WORKERS, "unit": "workers"}]})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["indicators"][0]["unit"] == "workers" and body["totals"][0]["commitments"] == 0
    refused = send(world, "manager_m", "post", f"{API}/missions/", {
        "organisation_id": world.thessaly.organisation.pk, "title": "x", "goal": "y", "target_date": "2030-12-31",
        "indicators": [{"title": "a", "unit": "b"}]})
    assert refused.status_code == 403 and Mission.objects.count() == 1


def test_a_manager_commits_and_reports_and_readers_see_status_and_totals(world: Clusters) -> None:
    mission = the_mission(world)
    indicator = mission.indicators.get()
    created = send(world, "manager_m", "post", f"{API}/commitments/", {
        "profile_id": world.murcia.pk, "indicator_id": indicator.pk, "text": "200 workers by 2028", "target": "200",
        "target_year": 2028})
    assert created.status_code == 201, created.content
    commitment_id = created.json()["id"]
    no_evidence = send(world, "manager_m", "post", f"{API}/commitments/{commitment_id}/progress",
                       {"year": 2025, "value": "40"})
    assert no_evidence.status_code == 400 and no_evidence.json()["detail"].startswith("evidence_url: ")
    reported = send(world, "manager_m", "post", f"{API}/commitments/{commitment_id}/progress",
                    {"year": 2025, "value": "40", "evidence_note": "Training register 2025"})
    assert reported.status_code == 201
    status = reported.json()["status"]
    assert (Decimal(status["achieved"]), status["percent"]) == (Decimal(40), 20.0)
    detail = Client().get(f"{API}/missions/{mission.pk}", secure=True).json()
    assert detail["totals"][0]["commitments"] == 1 and detail["totals"][0]["percent"] == 20.0
    listed = Client().get(f"{API}/commitments/", {"mission": mission.pk}, secure=True).json()
    assert listed["count"] == 1 and listed["items"][0]["progress"][0]["evidence_note"] == "Training register 2025"


@pytest.mark.parametrize("role", ["manager_t", "viewer_t", None])
def test_nobody_else_commits_changes_or_reports_for_a_cluster(world: Clusters, role: str | None) -> None:
    mission = the_mission(world)
    commitment = services.commitment_load(profile=world.murcia, mission=mission, indicator_title=WORKERS,
                                          text="200 by 2028", target=Decimal(200), target_year=2028)
    before = clusters_dump()
    expected = 403 if role else 401
    assert send(world, role, "post", f"{API}/commitments/", {
        "profile_id": world.murcia.pk, "indicator_id": mission.indicators.get().pk, "text": "x", "target": "5",
        "target_year": 2028}).status_code == expected
    assert send(world, role, "patch", f"{API}/commitments/{commitment.pk}", {"target": "1"}).status_code == expected
    assert send(world, role, "delete", f"{API}/commitments/{commitment.pk}").status_code == expected
    assert send(world, role, "post", f"{API}/commitments/{commitment.pk}/progress", {
        "year": 2025, "value": "5", "evidence_note": "x"}).status_code == expected
    assert clusters_dump() == before
    assert Commitment.objects.get().target == 200 and not CommitmentProgress.objects.exists()


def test_unpublished_missions_are_not_found_by_others(world: Clusters) -> None:
    mission = the_mission(world, published=False)
    assert Client().get(f"{API}/missions/", secure=True).json()["count"] == 0
    assert Client().get(f"{API}/missions/{mission.pk}", secure=True).status_code == 404
    response = send(world, "manager_m", "post", f"{API}/commitments/", {
        "profile_id": world.murcia.pk, "indicator_id": mission.indicators.get().pk, "text": "x", "target": "5",
        "target_year": 2028})
    assert response.status_code == 404 and not Commitment.objects.exists()
    owner = {"Authorization": f"Bearer {world.tokens['manager_t']}"}
    assert Client().get(f"{API}/missions/{mission.pk}", headers=owner, secure=True).status_code == 200
