"""Skills and mission rows of the permission matrix: every role × every kind of record × every write through the
API with real bearer tokens (no CSRF token). Allowed writes succeed; refused ones answer 403 (401 anonymous) and
leave every skills and mission table exactly as it was."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from smartcluster.clusters import services
from smartcluster.clusters.tests.test_skills_api import send
from smartcluster.clusters.tests.test_skills_services import Clusters, build_clusters, clusters_dump

pytestmark = pytest.mark.django_db
ROLES = [None, "viewer_t", "manager_t", "manager_m", "administrator"]
API = "/api/clusters"
# Needs, offers and the mission belong to the Thessaly cluster organisation; the commitment to the Murcia cluster.
ALLOWED = {
    ("need", "create"): {"manager_t", "administrator"},
    ("need", "update"): {"manager_t", "administrator"},
    ("need", "delete"): {"manager_t", "administrator"},
    ("offer", "create"): {"manager_t", "administrator"},
    ("offer", "update"): {"manager_t", "administrator"},
    ("offer", "delete"): {"manager_t", "administrator"},
    ("mission", "create"): {"manager_t", "administrator"},
    ("mission", "update"): {"manager_t", "administrator"},
    ("commitment", "create"): {"manager_m", "administrator"},
    ("commitment", "update"): {"manager_m", "administrator"},
    ("commitment", "delete"): {"manager_m", "administrator"},
    ("progress", "create"): {"manager_m", "administrator"},
}


def _records(world: Clusters) -> dict[str, Any]:
    need = services.skill_need_load(profile=world.thessaly, label="Welding", year=2025, people=5)
    offer = services.training_offer_load(profile=world.thessaly, title="Welding course", provider="cluster")
    mission = services.mission_load(organisation=world.thessaly.organisation, title="Upskilling", goal="Upskill",
                                    target_date=dt.date(2030, 12, 31), indicators=[("Workers", "workers"),
                                                                                   ("Courses", "courses")])
    commitment = services.commitment_load(profile=world.murcia, mission=mission, indicator_title="Workers",
                                          text="200 by 2028", target=Decimal(200), target_year=2028)
    return {"need": need, "offer": offer, "mission": mission, "commitment": commitment,
            "courses": mission.indicators.get(title="Courses")}


def _request(world: Clusters, records: dict[str, Any], kind: str, write: str) -> tuple[str, str, dict[str, Any]]:
    thessaly, murcia = world.thessaly.pk, world.murcia.pk
    requests = {
        ("need", "create"): ("post", f"{API}/skills/needs/", {"profile_id": thessaly, "label": "Robotics",
                                                              "people": 3, "year": 2025}),
        ("need", "update"): ("patch", f"{API}/skills/needs/{records['need'].pk}", {"people": 9}),
        ("need", "delete"): ("delete", f"{API}/skills/needs/{records['need'].pk}", {}),
        ("offer", "create"): ("post", f"{API}/skills/offers/", {"profile_id": thessaly, "provider": "cluster",
                                                                "title": "Robotics course"}),
        ("offer", "update"): ("patch", f"{API}/skills/offers/{records['offer'].pk}", {"places": 9}),
        ("offer", "delete"): ("delete", f"{API}/skills/offers/{records['offer'].pk}", {}),
        ("mission", "create"): ("post", f"{API}/missions/", {
            "organisation_id": world.thessaly.organisation.pk, "title": "Green skills", "goal": "x",
            "target_date": "2030-12-31", "indicators": [{"title": "Workers", "unit": "workers"}]}),
        ("mission", "update"): ("patch", f"{API}/missions/{records['mission'].pk}", {"goal": "changed"}),
        ("commitment", "create"): ("post", f"{API}/commitments/", {
            "profile_id": murcia, "indicator_id": records["courses"].pk, "text": "10 courses", "target": "10",
            "target_year": 2028}),
        ("commitment", "update"): ("patch", f"{API}/commitments/{records['commitment'].pk}", {"target": "250"}),
        ("commitment", "delete"): ("delete", f"{API}/commitments/{records['commitment'].pk}", {}),
        ("progress", "create"): ("post", f"{API}/commitments/{records['commitment'].pk}/progress", {
            "year": 2025, "value": "20", "evidence_note": "Training register"}),
    }
    return requests[(kind, write)]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("kind", "write"), list(ALLOWED))
def test_every_role_may_do_exactly_what_the_matrix_allows(kind: str, write: str, role: str | None) -> None:
    world = build_clusters()
    records = _records(world)
    method, url, data = _request(world, records, kind, write)
    before = clusters_dump()
    response = send(world, role, method, url, data)
    if role in ALLOWED[(kind, write)]:
        assert response.status_code in (200, 201, 204), response.content[:300]
        assert clusters_dump() != before
    else:
        assert response.status_code == (401 if role is None else 403), response.content[:300]
        assert clusters_dump() == before
