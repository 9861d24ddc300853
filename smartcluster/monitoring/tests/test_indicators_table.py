"""The indicator table page: progress by semester (cumulative achieved of submitted reports against the target),
the live count from the records, the partner filter (the project's partners only) and the joint panel."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import EvidenceReview, IndicatorMeasure
from smartcluster.monitoring.tests.browser import DESKTOP, PHONE, signed_in_page
from smartcluster.monitoring.tests.world import (
    MonitoringWorld,
    build_monitoring_world,
    make_action_plan,
    make_progress_report,
    signed_in,
)
from smartcluster.organisations.models import Partner

pytestmark = pytest.mark.django_db


def _reported_world() -> tuple[MonitoringWorld, object]:
    """RCO87 with targets A 3, B 5: A submits 2 (S1) and 1 (S3), B 4 (S2) and a rejected 9 (S1), A drafts 6 (S4)."""
    mw = build_monitoring_world()
    indicator = services.indicator_load(project=mw.project, code="RCO87")
    services.target_load(indicator=indicator, partner=mw.partner_a, value=3)
    services.target_load(indicator=indicator, partner=mw.partner_b, value=5)
    make_progress_report(mw.partner_a, semester=1, submitted=True, values={indicator: 2})
    make_progress_report(mw.partner_a, semester=3, submitted=True, values={indicator: 1})
    make_progress_report(mw.partner_b, semester=2, submitted=True, values={indicator: 4})
    make_progress_report(mw.partner_b, semester=1, submitted=True, values={indicator: 9}).values.update(
        review=EvidenceReview.REJECTED)
    make_progress_report(mw.partner_a, semester=4, values={indicator: 6})
    return mw, indicator


def test_the_series_cumulates_the_submitted_values_up_to_the_running_semester() -> None:
    mw, _ = _reported_world()
    (project,) = selectors.indicator_progress_series(project=mw.project)
    # semester 3 runs: S1 2, S2 2 + 4 = 6, S3 6 + 1 = 7; the target is the partners' 3 + 5
    assert (project.semesters, project.achieved, project.target) == ([1, 2, 3], [2, 6, 7], Decimal(8))
    (partner_a,) = selectors.indicator_progress_series(project=mw.project, partner=mw.partner_a)
    assert (partner_a.achieved, partner_a.target) == ([2, 2, 3], Decimal(3))
    assert partner_a.chart["achieved"] == [2.0, 2.0, 3.0] and partner_a.chart["target"] == 3.0
    assert partner_a.rows == [(1, 2), (2, 2), (3, 3)]


def test_a_measured_indicator_carries_its_live_count_and_a_hand_entered_one_none() -> None:
    mw, _ = _reported_world()
    services.indicator_load(project=mw.project, code="RCO83", measure=IndicatorMeasure.ACTION_PLANS_DEVELOPED)
    plan = make_action_plan(mw.partner_a)
    plan.developed_with.add(mw.partner_b)
    live = {item.indicator.code: item.live for item in selectors.indicator_progress_series(project=mw.project)}
    assert live == {"RCO83": Decimal(1), "RCO87": None}


def test_the_page_shows_the_partners_progress_chart_data_and_its_table() -> None:
    mw, indicator = _reported_world()
    client = signed_in(mw.users["viewer"], "/")
    url = reverse("monitoring:indicator_table", args=[mw.project.pk])
    page = client.get(url, {"partner": mw.partner_a.pk}).content.decode()
    assert f'id="indicator-data-{indicator.pk}"' in page and '"achieved": [2.0, 2.0, 3.0]' in page
    assert "vendor/plotly.min.js" in page and "monitoring/indicators.js" in page and "://cdn" not in page
    assert "Counted now from the records" in page and "achieved by semester (cumulative)" in page
    assert f'<option value="{mw.partner_a.pk}" selected>' in page and "100 %" in page  # 3 of 3
    whole = client.get(url).content.decode()
    assert '"achieved": [2.0, 6.0, 7.0]' in whole and "88 %" in whole  # 7 of 8


@pytest.mark.parametrize("partner_id", ["foreign", "x", "99999999", "9" * 30])
def test_a_partner_outside_the_project_gets_a_404(partner_id: str) -> None:
    mw, _ = _reported_world()
    other = Partner.objects.exclude(project=mw.project).first()
    value = str(other.pk) if partner_id == "foreign" and other else partner_id
    client = signed_in(mw.users["viewer"], "/")
    url = reverse("monitoring:indicator_table", args=[mw.project.pk])
    assert client.get(url, {"partner": value}).status_code == 404


def test_the_page_lists_the_action_plans_with_their_countries_and_whether_joint() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a, title="Sterea Ellada cluster plan")
    plan.developed_with.add(mw.partner_b)
    make_action_plan(mw.partner_b, title="Murcia plan")
    page = signed_in(mw.users["viewer"], "/").get(
        reverse("monitoring:indicator_table", args=[mw.project.pk])).content.decode()
    assert "Sterea Ellada cluster plan" in page and "EL, ES" in page and "No: fewer than two countries" in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_progress_chart_draws_offline_for_the_partner_chosen_and_fits_a_phone(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any) -> None:
    mw, indicator = _reported_world()
    page = signed_in_page(browser, live_server, mw.users["viewer"], settings, DESKTOP)
    elsewhere: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(live_server.url) else elsewhere.append(
        request.url))
    page.goto(live_server.url + reverse("monitoring:indicator_table", args=[mw.project.pk]))
    page.get_by_label("Partner", exact=True).select_option(str(mw.partner_a.pk))
    page.get_by_role("button", name="Show").click()
    page.locator(f"#indicator-chart-{indicator.pk} .main-svg").first.wait_for()
    assert page.locator(f"#indicator-chart-{indicator.pk} .legendtext").all_text_contents() == [
        "Achieved (cumulative)", "Target"]
    assert elsewhere == []
    page.screenshot(path=str(screenshot_dir / "indicators-1-progress-partner.png"), full_page=True)

    phone = signed_in_page(browser, live_server, mw.users["viewer"], settings, PHONE)
    phone.goto(page.url)
    phone.locator(f"#indicator-chart-{indicator.pk} .main-svg").first.wait_for()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the indicator table scrolls sideways on a phone: {width}px"
    phone.screenshot(path=str(screenshot_dir / "indicators-2-progress-phone.png"), full_page=True)
