"""The indicators admin is read-mostly: the changelists and a report's page open for the administrator with its
values; nothing is added there."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.monitoring.models import IndicatorTarget
from smartcluster.monitoring.tests.world import build_monitoring_world, make_indicator, make_progress_report
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_administrator_reads_indicators_targets_reports_and_values() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    IndicatorTarget.objects.create(indicator=indicator, partner=mw.partner_a, value=2)
    report = make_progress_report(mw.partner_a, values={indicator: 1})
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    shown = {"indicator": "Pilot actions developed jointly", "indicatortarget": "Pilot actions developed jointly",
             "progressreport": "Agency A", "indicatorvalue": "Pilot actions developed jointly"}
    for model, text in shown.items():
        page = client.get(reverse(f"admin:monitoring_{model}_changelist"))
        assert page.status_code == 200 and text in page.content.decode(), model
    assert client.get(reverse("admin:monitoring_progressreport_change", args=[report.pk])).status_code == 200
    assert client.get(reverse("admin:monitoring_indicator_add")).status_code == 403
