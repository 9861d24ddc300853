"""The evaluation API with real bearer tokens: who reads which evaluation, the benchmark, and the writes (start,
figures, submit, review, publish); a refusal is named and leaves the database unchanged; a session without the
CSRF token is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from smartcluster.clusters.models import Evaluation, EvaluationStatus
from smartcluster.clusters.tests.evaluation_world import (
    GOOD_INPUTS,
    YEAR,
    EvaluationWorld,
    build_evaluation_world,
    evaluation_dump,
    peers_in,
)
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)

pytestmark = pytest.mark.django_db
API = "/api/clusters"


@pytest.fixture
def world() -> EvaluationWorld:
    return build_evaluation_world()


def bearer(world: EvaluationWorld, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[role]}"}


def call(world: EvaluationWorld, role: str | None, method: str, path: str, body: Any = None) -> Any:
    client = Client(enforce_csrf_checks=True)
    headers = bearer(world, role) if role else {}
    if method == "get":
        return client.get(f"{API}{path}", headers=headers)
    return getattr(client, method)(f"{API}{path}", json.dumps(body or {}), content_type="application/json",
                                   headers=headers)


def _started(world: EvaluationWorld) -> int:
    answer = call(world, "manager", "post", "/evaluations/", {"cluster_id": world.cluster.pk,
                                                              "criteria_id": world.criteria.pk, "data_year": YEAR})
    assert answer.status_code == 201, answer.content
    return answer.json()["id"]


def test_criteria_sets_are_listed_with_their_definition(world: EvaluationWorld) -> None:
    body = Client().get(f"{API}/criteria-sets/").json()
    assert body["count"] == 1
    default = body["items"][0]
    assert (default["code"], default["version"], default["status"], default["publisher"]) == (
        "default", 1, "published", None)
    assert default["definition"]["excellent_at"] == 80
    assert Client().get(f"{API}/criteria-sets/{default['id']}").json()["title"].startswith("Default criteria set")


def test_the_full_cycle_through_the_api(world: EvaluationWorld) -> None:
    peers_in(world.regions["DE11"], world.criteria)
    pk = _started(world)
    started = call(world, "manager", "get", f"/evaluations/{pk}").json()
    assert started["status"] == "draft" and started["inputs"]["management_fte"] == 2.0
    saved = call(world, "manager", "put", f"/evaluations/{pk}/figures", {"inputs": GOOD_INPUTS})
    assert saved.status_code == 200 and saved.json()["progress_percent"] == 100.0
    assert call(world, "manager", "post", f"/evaluations/{pk}/submit").json()["status"] == "submitted"
    accepted = call(world, "reviewer", "post", f"/evaluations/{pk}/review", {"action": "accept"})
    assert accepted.status_code == 200 and accepted.json()["result"]["percent"] == 100.0
    assert [step["action"] for step in accepted.json()["reviews"]] == ["submit", "accept"]
    benchmark = call(world, "manager", "get", f"/evaluations/{pk}/benchmark").json()
    assert (benchmark["peer_group"], benchmark["peer_group_size"], benchmark["shown"]) == ("region DE11", 5, "shown")
    members = next(item for item in benchmark["positions"] if item["key"] == "members")
    assert (members["position"], members["peer_median"]) == (70.0, 30.0)
    assert call(world, "manager", "post", f"/evaluations/{pk}/publish").json()["is_published"]
    public = Client().get(f"{API}/evaluations/{pk}").json()
    assert public["result"]["percent"] == 100.0 and public["reviews"] == []  # the trail stays private


def test_private_drafts_are_read_only_by_their_cluster_and_the_regions_reviewers(world: EvaluationWorld) -> None:
    pk = _started(world)
    for role, status in (("manager", 200), ("viewer", 200), ("administrator", 200), ("outsider", 404),
                         ("reviewer", 404), (None, 404)):
        assert call(world, role, "get", f"/evaluations/{pk}").status_code == status, role
    call(world, "manager", "post", f"/evaluations/{pk}/submit")
    assert call(world, "reviewer", "get", f"/evaluations/{pk}").status_code == 200  # submitted: its reviewer
    assert call(world, "greek_reviewer", "get", f"/evaluations/{pk}").status_code == 404
    assert call(world, "outsider", "get", "/evaluations/").json()["count"] == 0


def test_refusals_are_named_and_change_nothing(world: EvaluationWorld) -> None:
    pk = _started(world)
    before = evaluation_dump()
    bad = call(world, "manager", "put", f"/evaluations/{pk}/figures",
               {"inputs": {"members": -1, "label": "platinum", "colour": 3}})
    assert bad.status_code == 400
    detail = bad.json()["detail"]
    assert "members:" in detail and "label:" in detail and "colour:" in detail
    assert call(world, "outsider", "put", f"/evaluations/{pk}/figures",
                {"inputs": {"members": 3}}).status_code == 404
    assert call(world, "viewer", "put", f"/evaluations/{pk}/figures", {"inputs": {"members": 3}}).status_code == 403
    assert call(world, "viewer", "post", f"/evaluations/{pk}/submit").status_code == 403
    assert call(world, "outsider", "post", "/evaluations/", {"cluster_id": world.cluster.pk,
                                                             "criteria_id": world.criteria.pk,
                                                             "data_year": 2024}).status_code == 403
    assert call(world, "manager", "post", f"/evaluations/{pk}/review", {"action": "accept"}).status_code == 403
    assert call(world, None, "post", f"/evaluations/{pk}/submit").status_code == 401
    assert evaluation_dump() == before
    call(world, "manager", "post", f"/evaluations/{pk}/submit")
    before = evaluation_dump()
    assert call(world, "greek_reviewer", "post", f"/evaluations/{pk}/review",
                {"action": "accept"}).status_code == 404
    no_comment = call(world, "reviewer", "post", f"/evaluations/{pk}/review", {"action": "ask_changes"})
    assert no_comment.status_code == 400 and "comment" in no_comment.json()["detail"]
    assert evaluation_dump() == before


def test_a_session_without_the_csrf_token_is_refused(world: EvaluationWorld) -> None:
    pk = _started(world)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["manager"])
    before = evaluation_dump()
    forged = client.post(f"{API}/evaluations/{pk}/submit", content_type="application/json")
    assert forged.status_code == 403
    assert Evaluation.objects.get(pk=pk).status == EvaluationStatus.DRAFT
    assert evaluation_dump() == before


def test_a_benchmark_of_a_group_under_five_gives_no_positions(world: EvaluationWorld) -> None:
    peers_in(world.regions["DE11"], world.criteria, count=4)
    pk = _started(world)
    call(world, "manager", "put", f"/evaluations/{pk}/figures", {"inputs": GOOD_INPUTS})
    call(world, "manager", "post", f"/evaluations/{pk}/submit")
    call(world, "reviewer", "post", f"/evaluations/{pk}/review", {"action": "accept"})
    body = call(world, "manager", "get", f"/evaluations/{pk}/benchmark?scope=country").json()
    assert (body["shown"], body["peer_group_size"], body["positions"]) == ("too_small", 4, [])
    assert call(world, "manager", "get", f"/evaluations/{pk}/benchmark?scope=galaxy").status_code == 422
