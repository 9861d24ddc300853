"""The impact API: an action's impact indicators and one with its series, read as the action's plan is (a draft by
the partnership, 404 to anyone else; a published plan by everyone, anonymous included)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from smartcluster.monitoring.models import ImpactIndicator
from smartcluster.monitoring.tests.world import build_monitoring_world, make_action, make_action_plan

pytestmark = pytest.mark.django_db


def _get(mw: Any, role: str, path: str) -> Any:
    headers = {"Authorization": f"Bearer {mw.tokens[role]}"} if role != "anonymous" else {}
    return Client().get(f"/api/monitoring{path}", headers=headers)


def _impact(mw: Any, *, published: bool = False, **fields: Any) -> ImpactIndicator:
    plan = make_action_plan(mw.partner_a, is_published=published)
    values = {"source": "maturity", "region_code": "EL64", "note": "More SMEs at level 3", **fields}
    return ImpactIndicator.objects.create(action=make_action(plan), **values)


def test_the_partnership_lists_an_actions_impact_indicators() -> None:
    mw = build_monitoring_world()
    impact = _impact(mw)
    items = _get(mw, "viewer", f"/actions/{impact.action_id}/impact-indicators/").json()["items"]
    assert [(item["id"], item["source"], item["region_code"], item["note"]) for item in items] == [
        (impact.pk, "maturity", "EL64", "More SMEs at level 3")]


def test_the_detail_carries_the_series_with_the_actions_start_year() -> None:
    mw = build_monitoring_world()
    impact = _impact(mw)
    series = _get(mw, "editor_b", f"/impact-indicators/{impact.pk}").json()["series"]
    assert series["start_year"] == impact.action.starts_on.year
    assert series["points"] == [] and series["before"] is None and series["message"]


def test_a_mapping_indicator_on_a_dataset_not_stored_says_why_its_series_is_empty() -> None:
    mw = build_monitoring_world()
    impact = _impact(mw, source="mapping", dataset="no-such-dataset", category="ICT", measure="lq")
    answer = _get(mw, "editor_a", f"/impact-indicators/{impact.pk}")
    assert answer.status_code == 200, answer.content
    assert answer.json()["series"]["points"] == [] and answer.json()["series"]["message"]


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_a_draft_plans_impact_is_404_outside_the_partnership(role: str) -> None:
    mw = build_monitoring_world()
    impact = _impact(mw)
    assert _get(mw, role, f"/actions/{impact.action_id}/impact-indicators/").status_code == 404
    assert _get(mw, role, f"/impact-indicators/{impact.pk}").status_code == 404


def test_a_published_plans_impact_is_read_by_everyone() -> None:
    mw = build_monitoring_world()
    impact = _impact(mw, published=True)
    assert _get(mw, "anonymous", f"/impact-indicators/{impact.pk}").json()["region_code"] == "EL64"
    assert len(_get(mw, "outsider", f"/actions/{impact.action_id}/impact-indicators/").json()["items"]) == 1


def test_an_unknown_or_huge_id_is_404() -> None:
    mw = build_monitoring_world()
    assert _get(mw, "administrator", "/impact-indicators/999999").status_code == 404
    assert _get(mw, "administrator", f"/impact-indicators/{10**30}").status_code == 404
