"""The action plans admin is read-mostly: pages open, nothing is added or changed there, publishing goes through
the service."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.monitoring.tests.world import build_monitoring_world, make_action, make_action_plan
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_admin_reads_and_publishes_through_the_service() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    make_action(plan)
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    assert client.get(reverse("admin:monitoring_actionplan_change", args=[plan.pk])).status_code == 200
    assert client.get(reverse("admin:monitoring_actionplan_add")).status_code == 403
    client.post(reverse("admin:monitoring_actionplan_changelist"),
                {"action": "publish", "_selected_action": [plan.pk]})
    plan.refresh_from_db()
    assert plan.is_published
