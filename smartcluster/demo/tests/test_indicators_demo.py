"""The demo's indicators: the verified codes and the project's own with targets, the partners' reports of semesters
1–3 submitted and Thessaly's fourth in draft; loaded once, removed with the demo; the table shows what was achieved
and passes RCR79 ≤ RCO83."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.demo import monitoring_content as content
from smartcluster.monitoring import selectors
from smartcluster.monitoring.choices import ReportStatus
from smartcluster.monitoring.models import Indicator, IndicatorTarget, IndicatorValue, ProgressReport
from smartcluster.organisations.models import Project

pytestmark = pytest.mark.django_db
MODELS = (Indicator, IndicatorTarget, ProgressReport, IndicatorValue)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_loads_the_indicators_once_and_a_reload_adds_nothing(setup: Callable) -> None:
    output = setup().output
    loaded = counts()

    again = setup("--demo").output

    assert counts() == loaded and all(loaded.values()), loaded
    assert "Left out" not in output and "Left out" not in again
    assert loaded["Indicator"] == len(content.INDICATORS)
    # six reporting partners (the advisory one reports nothing): three submitted reports each, one draft
    assert ProgressReport.objects.filter(status=ReportStatus.SUBMITTED).count() == 6 * 3
    assert ProgressReport.objects.filter(status=ReportStatus.DRAFT).count() == 1


def test_removing_the_demo_removes_its_indicators(setup: Callable) -> None:
    setup()

    setup("--remove-demo")

    assert set(counts().values()) == {0}


def test_the_demo_table_shows_the_achieved_values_and_passes_rcr79_within_rco83(setup: Callable) -> None:
    setup()
    project = Project.objects.get()
    rows = {row.indicator.code: row for row in selectors.indicator_progress_list(project=project)}
    # RCO87: 1 in semester 1 and 1 in semester 2 for each of six partners, against 3 each
    assert (rows["RCO87"].achieved, rows["RCO87"].target, rows["RCO87"].percentage) == (12, 18, 67)
    checks = {check.name: check for check in selectors.indicator_check_list(project=project)}
    assert checks["RCR79 ≤ RCO83"].passed
    # the counted indicator is frozen at the records' count of semesters 1–3 (the demo approves its practices
    # today, in semester 4); Thessaly's draft of semester 4 holds today's count
    practices = next(row for row in selectors.indicator_progress_list(project=project) if not row.indicator.code)
    counted = sum(selectors.indicator_live_value(indicator=practices.indicator, partner=partner, semester=3,
                                                 cumulative=True) for partner in project.partners.all())
    assert practices.achieved == counted
    draft = IndicatorValue.objects.get(report__status=ReportStatus.DRAFT, indicator=practices.indicator)
    assert draft.is_computed and draft.value == selectors.indicator_live_value(
        indicator=practices.indicator, partner=draft.report.partner, semester=4) > 0
    lead = project.partners.get(role="lead")
    client = Client()
    client.force_login(lead.organisation.memberships.first().user)
    page = client.get(reverse("monitoring:indicator_table", args=[project.pk])).content.decode()
    assert "RCO87 Organisations cooperating across borders" in page and "67 %" in page
    assert "Passed: RCR79 ≤ RCO83" in page
