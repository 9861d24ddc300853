"""The indicators API's target and review writes with real bearer tokens: the lead sets a partner's and the
project's target and accepts or rejects a submitted value (a rejection says why); refusals answer 400 naming the
field, 403 or 404, and save nothing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_indicator,
    make_progress_report,
    monitoring_dump,
)

pytestmark = pytest.mark.django_db


def _post(mw: Any, role: str, path: str, json: dict) -> Any:
    return Client().post(f"/api/monitoring{path}", json, content_type="application/json",
                         headers={"Authorization": f"Bearer {mw.tokens[role]}"})


def test_the_lead_sets_a_partners_and_the_projects_target() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    mine = _post(mw, "editor_lead", f"/indicators/{indicator.pk}/targets", {"partner": mw.partner_a.pk, "value": 2})
    whole = _post(mw, "editor_lead", f"/indicators/{indicator.pk}/targets", {"partner": None, "value": "7.5"})
    assert (mine.status_code, whole.status_code) == (200, 200)
    assert (mine.json()["partner_id"], Decimal(whole.json()["value"])) == (mw.partner_a.pk, Decimal("7.5"))
    assert {t.partner_id: t.value for t in indicator.targets.all()} == {mw.partner_a.pk: 2, None: Decimal("7.5")}


@pytest.mark.parametrize(("payload", "field"), [({"partner": 999999, "value": 1}, "partner"),
                                                ({"partner": None, "value": -1}, "value")])
def test_a_bad_target_is_refused_naming_the_field(payload: dict, field: str) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    before = monitoring_dump()
    answer = _post(mw, "editor_lead", f"/indicators/{indicator.pk}/targets", payload)
    assert answer.status_code == 400 and answer.json()["detail"].startswith(f"{field}:")
    assert monitoring_dump() == before


def test_the_lead_rejects_a_value_with_a_comment_and_it_is_read_back() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a, submitted=True, values={indicator: 3})
    value = report.values.get()
    answer = _post(mw, "editor_lead", f"/indicator-values/{value.pk}/review",
                   {"decision": "rejected", "comment": "The minutes are unsigned."})
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["review"], body["review_comment"], body["reviewed_at"] is not None) == (
        "rejected", "The minutes are unsigned.", True)
    listed = Client().get(f"/api/monitoring/progress-reports/{report.pk}/values/",
                          headers={"Authorization": f"Bearer {mw.tokens['viewer']}"}).json()["items"][0]
    assert listed["review"] == "rejected"


@pytest.mark.parametrize(("role", "payload", "status"), [
    ("editor_lead", {"decision": "rejected"}, 400), ("editor_lead", {"decision": "later"}, 400),
    ("editor_a", {"decision": "accepted"}, 403), ("outsider", {"decision": "accepted"}, 404)])
def test_a_refused_review_saves_nothing(role: str, payload: dict, status: int) -> None:
    mw = build_monitoring_world()
    value = make_progress_report(mw.partner_a, submitted=True, values={make_indicator(mw): 3}).values.get()
    before = monitoring_dump()
    assert _post(mw, role, f"/indicator-values/{value.pk}/review", payload).status_code == status
    assert monitoring_dump() == before

