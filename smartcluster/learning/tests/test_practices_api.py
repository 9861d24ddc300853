"""Practices API over real bearer tokens: lists with filters, a practice with topics, the trail for those who may
read it, similar practices; create, change and status changes refused as the services refuse (403/400, 401
anonymous), leaving the database as it was."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from smartcluster.learning.models import GoodPractice
from smartcluster.learning.tests.practices_world import (
    DESCRIPTION,
    PracticeWorld,
    load,
    practice_dump,
    practice_world,
)

pytestmark = pytest.mark.django_db
BASE = "/api/learning/practices/"


def _bearer(pw: PracticeWorld, role: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {pw.tokens[role]}"}


def _send(method: str, url: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
    client = Client(enforce_csrf_checks=True)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json", **headers)


def test_lists_filter_and_a_practice_has_its_topics_and_fields() -> None:
    pw = practice_world()
    practice = load(pw, status="project_approved", source_event=pw.event)
    load(pw, title="Failed fair", status="project_approved", is_successful=False)
    items = Client().get(BASE, {"successful": "false"}).json()["items"]
    assert [item["title"] for item in items] == ["Failed fair"]
    items = Client().get(BASE, {"source_event": pw.event.pk, "region": "EL"}).json()["items"]
    assert [item["id"] for item in items] == [practice.pk]
    detail = Client().get(f"{BASE}{practice.pk}").json()
    assert detail["topics"] == [{"taxonomy": "smart_industry_40", "code": "technology_providers"}]
    assert detail["region"] == "EL61" and detail["description"] == DESCRIPTION and detail["is_published"]


def test_the_trail_is_read_by_the_partnership_and_not_by_the_public() -> None:
    pw = practice_world()
    practice = load(pw, status="project_approved")
    assert Client().get(f"{BASE}{practice.pk}/trail").status_code == 404
    trail = Client().get(f"{BASE}{practice.pk}/trail", **_bearer(pw, "viewer")).json()
    assert [change["to_status"] for change in trail] == ["submitted", "project_approved"]


def test_similar_practices_rank_a_near_duplicate_first() -> None:
    pw = practice_world()
    original = load(pw, status="project_approved")
    load(pw, title="Summer school", status="project_approved", description="Managers learn export marketing.")
    near = load(pw, title="Vouchers again", status="project_approved", description=DESCRIPTION + " Edited.")
    similar = Client().get(f"{BASE}{original.pk}/similar").json()
    assert similar[0]["id"] == near.pk and similar[0]["score"] > 0.5


def test_a_partner_editor_creates_and_changes_a_practice_with_a_bearer_token() -> None:
    pw = practice_world()
    created = _send("post", BASE, {"partner_id": pw.partner_b.pk, "title": "Robot vouchers",
                                   "organisation_in_charge_id": pw.world.candidate.pk, "description": DESCRIPTION,
                                   "region": "EL61", "latitude": "39.6", "longitude": "22.4",
                                   "source_event_id": pw.event.pk,
                                   "topics": [{"taxonomy": "cluster_categories", "code": "1"}]},
                    _bearer(pw, "editor_b"))
    assert created.status_code == 201, created.content
    practice_id = created.json()["id"]
    assert created.json()["status"] == "submitted" and created.json()["topics"][0]["code"] == "1"
    changed = _send("patch", f"{BASE}{practice_id}", {"timescale": "2022-2025"}, _bearer(pw, "editor_b"))
    assert changed.status_code == 200 and changed.json()["timescale"] == "2022-2025"
    assert changed.json()["region"] == "EL61"  # not given: kept


def test_transitions_over_the_api_follow_the_flow_and_its_refusals() -> None:
    pw = practice_world()
    practice = load(pw)
    before = practice_dump()
    early = _send("post", f"{BASE}{practice.pk}/transition", {"to_status": "expert_validated"},
                  _bearer(pw, "administrator"))
    assert early.status_code == 400 and "after the project approves it" in early.json()["detail"]
    denied = _send("post", f"{BASE}{practice.pk}/transition", {"to_status": "project_approved"},
                   _bearer(pw, "editor_b"))
    assert denied.status_code == 403
    anonymous = _send("post", f"{BASE}{practice.pk}/transition", {"to_status": "project_approved"}, {})
    assert anonymous.status_code == 401
    assert practice_dump() == before
    approved = _send("post", f"{BASE}{practice.pk}/transition", {"to_status": "project_approved", "note": "ok"},
                     _bearer(pw, "editor_a"))
    assert approved.status_code == 200 and approved.json()["is_published"]


def test_writes_refused_leave_the_database_unchanged() -> None:
    pw = practice_world()
    practice = load(pw)
    before = practice_dump()
    body = {"partner_id": pw.partner_b.pk, "title": "Robot vouchers", "description": DESCRIPTION,
            "organisation_in_charge_id": pw.world.candidate.pk}
    assert _send("post", BASE, body, _bearer(pw, "editor_a")).status_code == 403
    assert _send("post", BASE, {**body, "latitude": "39.6"}, _bearer(pw, "editor_b")).status_code == 400
    assert _send("post", BASE, {**body, "region": "XX99"}, _bearer(pw, "editor_b")).status_code == 400
    assert _send("patch", f"{BASE}{practice.pk}", {"title": "Mine now"}, _bearer(pw, "editor_a")).status_code == 403
    assert _send("patch", f"{BASE}{practice.pk}", {"title": "Mine now"}, {}).status_code == 401
    assert practice_dump() == before
    assert not GoodPractice.objects.filter(title="Robot vouchers").exists()
