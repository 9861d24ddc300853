"""The indicators pages: the partnership reads the project's table with its roll-up; anyone else gets a 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from smartcluster.monitoring import services
from smartcluster.monitoring.tests.world import build_monitoring_world, signed_in

pytestmark = pytest.mark.django_db


def test_the_partnership_reads_the_indicator_table_with_achieved_and_drafted() -> None:
    mw = build_monitoring_world()
    indicator = services.indicator_load(project=mw.project, code="RCO84")
    services.target_load(indicator=indicator, partner=mw.partner_a, value=2)
    services.progress_report_load(partner=mw.partner_a, semester=1, values={"RCO84": 1},
                                  submitted_at=timezone.now() - dt.timedelta(days=9))
    client = signed_in(mw.users["viewer"], "/")
    assert reverse("monitoring:indicator_table", args=[mw.project.pk]) in client.get(
        reverse("monitoring:indicator_projects")).content.decode()
    page = client.get(reverse("monitoring:indicator_table", args=[mw.project.pk])).content.decode()
    assert "RCO84" in page and "50 %" in page


@pytest.mark.parametrize("role", ["outsider", None])
def test_anyone_outside_the_partnership_gets_a_404(role: str | None) -> None:
    mw = build_monitoring_world()
    client = signed_in(mw.users[role], "/") if role else signed_in(None, "/")
    assert client.get(reverse("monitoring:indicator_table", args=[mw.project.pk])).status_code == 404
