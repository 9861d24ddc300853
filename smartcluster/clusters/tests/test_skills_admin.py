"""Admin of skills and missions: an ESCO URI is checked as the services check it; progress needs evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smartcluster.clusters import services
from smartcluster.clusters.models import SkillNeed
from smartcluster.clusters.tests.test_skills_services import SKILL_URI, Clusters, build_clusters

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> Clusters:
    return build_clusters()


@pytest.fixture
def admin_client(client: Any) -> Any:
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests-1"))
    return client


def need(world: Clusters, uri: str) -> dict[str, Any]:
    return {"profile": world.thessaly.pk, "kind": "skill", "label": "Welding", "esco_uri": uri, "urgency": "high",
            "people": "4", "year": "2025", "notes": ""}


def test_the_admin_refuses_an_uri_that_is_not_escos_and_stores_a_good_one(world: Clusters, admin_client: Any) -> None:
    url = reverse("admin:clusters_skillneed_add")
    refused = admin_client.post(url, need(world, "https://example.org/skill/1"))
    assert refused.status_code == 200 and "is not an ESCO URI" in refused.content.decode()
    assert not SkillNeed.objects.exists()
    assert admin_client.post(url, need(world, SKILL_URI)).status_code == 302
    assert SkillNeed.objects.get().esco_uri == SKILL_URI


def test_the_mission_and_commitment_pages_of_the_admin_open(world: Clusters, admin_client: Any) -> None:
    mission = services.mission_load(organisation=world.thessaly.organisation, title="Upskilling", goal="x",
                                    target_date=dt.date(2030, 1, 1), indicators=[("Workers", "workers")])
    commitment = services.commitment_load(profile=world.murcia, mission=mission, indicator_title="Workers",
                                          text="100", target=100, target_year=2029)
    for name, pk in (("mission", mission.pk), ("commitment", commitment.pk), ("trainingoffer", None)):
        url = reverse(f"admin:clusters_{name}_change", args=[pk]) if pk else reverse(
            f"admin:clusters_{name}_changelist")
        assert admin_client.get(url).status_code == 200
