"""The impact writes' permission matrix, through the pages with CSRF: the partner's editors, the lead's and
administrators name and remove an action's impact indicators; everyone else is refused (403 on a published plan,
404 on a draft outside the partnership) and every table is left unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from smartcluster.monitoring.models import ImpactIndicator
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_action,
    make_action_plan,
    monitoring_dump,
    post,
    signed_in,
)

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "viewer", "participant", "editor_a", "editor_b", "editor_lead", "administrator"]
WRITERS_OF_A = {"editor_a", "editor_lead", "administrator"}
NEW = {"source": "collaboration", "region_code": "EL64", "note": "More links between firms and the university"}


def _impact(mw: Any, *, published: bool) -> ImpactIndicator:
    action = make_action(make_action_plan(mw.partner_a, is_published=published))
    return ImpactIndicator.objects.create(action=action, source="maturity", region_code="EL64")


@pytest.mark.parametrize("role", ROLES)
def test_naming_and_removing_impact_indicators_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    impact = _impact(mw, published=True)
    page = reverse("monitoring:impact_action", args=[impact.action_id])
    client = signed_in(None if role == "anonymous" else mw.users[role], page)
    remove = reverse("monitoring:impact_remove", args=[impact.pk])
    if role in WRITERS_OF_A:
        assert post(client, page, NEW).status_code == 302
        assert post(client, remove, {}).status_code == 302
        assert list(ImpactIndicator.objects.values_list("source", "note")) == [("collaboration", NEW["note"])]
        return
    before = monitoring_dump()
    assert post(client, page, NEW).status_code == 403
    assert post(client, remove, {}).status_code == 403
    assert monitoring_dump() == before


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_a_draft_plans_impact_is_not_found_outside_the_partnership(role: str) -> None:
    mw = build_monitoring_world()
    impact = _impact(mw, published=False)
    client = signed_in(None if role == "anonymous" else mw.users[role], reverse("monitoring:action_plan_list"))
    before = monitoring_dump()
    for url in (reverse("monitoring:impact_action", args=[impact.action_id]),
                reverse("monitoring:impact_detail", args=[impact.pk])):
        assert client.get(url).status_code == 404
    assert post(client, reverse("monitoring:impact_action", args=[impact.action_id]), NEW).status_code == 404
    assert post(client, reverse("monitoring:impact_remove", args=[impact.pk]), {}).status_code == 404
    assert monitoring_dump() == before
