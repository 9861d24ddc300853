"""The action plans API: a draft is the partnership's (404 to others), a published plan everyone's; an entry is
recorded with a real bearer token by the partner's editor, refused for others or for a future semester (field
named, nothing saved)."""

from __future__ import annotations

import pytest

from smartcluster.monitoring.models import MonitoringEntry
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_action,
    make_action_plan,
    monitoring_api,
    monitoring_dump,
)

pytestmark = pytest.mark.django_db


def test_a_draft_is_the_partnerships_and_a_published_plan_everyones() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    action = make_action(plan)
    assert monitoring_api(mw, "outsider", "get", f"/action-plans/{plan.pk}").status_code == 404
    assert monitoring_api(mw, "anonymous", "get", f"/actions/{action.pk}").status_code == 404
    assert monitoring_api(mw, "outsider", "get", "/action-plans/").json()["items"] == []
    read = monitoring_api(mw, "viewer", "get", f"/action-plans/{plan.pk}").json()
    assert read["policy_instrument"].startswith("Regional Programme Sterea Ellada")
    plan.is_published = True
    plan.save()
    actions = monitoring_api(mw, "anonymous", "get", f"/action-plans/{plan.pk}/actions/").json()["items"]
    assert actions[0]["players"] == action.players and actions[0]["status"] == "not_started"


def test_the_partners_editor_records_an_entry_with_a_bearer_token() -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a))
    answer = monitoring_api(mw, "editor_a", "post", f"/actions/{action.pk}/entries/",
                  {"semester": 3, "status": "implemented", "what_was_done": "Call closed.",
                   "evidence_url": "https://example.org/results"})
    assert answer.status_code == 200, answer.content
    entries = monitoring_api(mw, "viewer", "get", f"/actions/{action.pk}/entries/").json()["items"]
    assert entries[0]["status"] == "implemented"
    assert monitoring_api(mw, "viewer", "get", f"/actions/{action.pk}").json()["status"] == "implemented"


@pytest.mark.parametrize(("role", "payload", "code", "field"), [
    ("editor_b", {"semester": 3, "status": "in_progress"}, 403, None),
    ("editor_a", {"semester": 6, "status": "in_progress"}, 400, "semester"),
    ("editor_a", {"semester": 3, "status": "not_implemented"}, 400, "explanation"),
])
def test_a_refused_entry_names_its_field_and_saves_nothing(role: str, payload: dict, code: int,
                                                           field: str | None) -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a))
    before = monitoring_dump()
    answer = monitoring_api(mw, role, "post", f"/actions/{action.pk}/entries/", payload)
    assert answer.status_code == code
    if field:
        assert field in answer.content.decode()
    assert monitoring_dump() == before and not MonitoringEntry.objects.exists()


def test_an_id_or_semester_beyond_the_database_integers_is_answered_not_crashed() -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a))
    assert monitoring_api(mw, "viewer", "get", f"/action-plans/{10**30}").status_code == 404
    answer = monitoring_api(mw, "editor_a", "post", f"/actions/{action.pk}/entries/", {"semester": 10**30, "status": "delayed"})
    assert answer.status_code in {400, 422} and not MonitoringEntry.objects.exists()
