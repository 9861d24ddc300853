"""The impact admin is read-mostly: the changelist and an indicator's page open for the administrator; nothing is
added there (the service checks an indicator against its source)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.monitoring.models import ImpactIndicator
from smartcluster.monitoring.tests.world import build_monitoring_world, make_action, make_action_plan
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_administrator_reads_the_impact_indicators() -> None:
    mw = build_monitoring_world()
    impact = ImpactIndicator.objects.create(action=make_action(make_action_plan(mw.partner_a)), source="maturity",
                                            region_code="EL64", note="More SMEs at level 3")
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    page = client.get(reverse("admin:monitoring_impactindicator_changelist"))
    assert page.status_code == 200 and "EL64" in page.content.decode()
    assert client.get(reverse("admin:monitoring_impactindicator_change", args=[impact.pk])).status_code == 200
    assert client.get(reverse("admin:monitoring_impactindicator_add")).status_code == 403
