"""Admin of criteria sets and evaluations: uploads go through the pages' service; published versions and
evaluations are read-only."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from smartcluster.clusters.models import CriteriaSet, CriteriaStatus
from smartcluster.clusters.tests.evaluation_world import (
    EvaluationWorld,
    build_evaluation_world,
    evaluation_dump,
)
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)

pytestmark = pytest.mark.django_db
SET = "code: admin-set\nversion: 1\ntitle: Admin set\nareas:\n  - key: a\n    title: A\n    indicators:\n" \
      "      - key: members\n        title: Members\n        threshold: {minimum: 15}\n"


@pytest.fixture
def world() -> EvaluationWorld:
    return build_evaluation_world()


@pytest.fixture
def admin_client(world: EvaluationWorld) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", None))
    return client


def test_an_uploaded_set_is_a_draft_and_a_bad_one_is_refused_naming_the_field(admin_client: Client) -> None:
    before = evaluation_dump()
    refused = admin_client.post("/admin/clusters/criteriaset/add/", {"organisation": "",
                                                                    "source_text": SET.replace("15", "many")})
    assert refused.status_code == 200 and "indicators.members.threshold.minimum" in refused.content.decode()
    assert evaluation_dump() == before
    stored = admin_client.post("/admin/clusters/criteriaset/add/", {"organisation": "", "source_text": SET})
    assert stored.status_code == 302
    criteria = CriteriaSet.objects.get(code="admin-set")
    assert (criteria.version, criteria.status, criteria.title) == (1, CriteriaStatus.DRAFT, "Admin set")
    admin_client.post("/admin/clusters/criteriaset/", {"action": "publish", "_selected_action": [criteria.pk]})
    assert CriteriaSet.objects.get(pk=criteria.pk).status == CriteriaStatus.PUBLISHED


def test_a_published_version_and_evaluations_are_read_only(admin_client: Client, world: EvaluationWorld) -> None:
    page = admin_client.get(f"/admin/clusters/criteriaset/{world.criteria.pk}/change/").content.decode()
    assert 'name="source_text"' not in page
    assert admin_client.get("/admin/clusters/evaluation/").status_code == 200
    assert admin_client.get("/admin/clusters/evaluation/add/").status_code == 403
