"""Real headless Chromium: partner B's (Murcia, ES62) editor opens their action, follows the territorial impact link, names the
location quotient of a cluster category in their region on the starter pack's statistics, and reads its series as
a table and a Plotly chart with the action's start marked (on a desktop and on a phone)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.monitoring.models import ImpactIndicator
from smartcluster.monitoring.tests.browser import DESKTOP, PHONE, signed_in_page
from smartcluster.monitoring.tests.world import build_monitoring_world, make_action, make_action_plan

DATASET, CATEGORY = "sbs_r_nuts06_r2", "18"  # the starter pack's SBS 2008-2015; Food Processing and Manufacturing
NOTE = "A food cluster more specialised than before the vouchers"


@pytest.fixture
def starter_statistics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data directory of this test's own holding the starter pack's statistics (the live server reads it)."""
    from smartcluster.starter_pack import statistics_load
    from smartcluster.statistics import StatisticsStore

    monkeypatch.setenv("SMARTCLUSTER_DATA_DIR", str(tmp_path))
    statistics_load(StatisticsStore())


def _chart_drawn(page: Any) -> None:
    page.locator(".impact-indicator .chart .main-svg").first.wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_partner_editor_names_a_mapping_figure_and_reads_its_series_and_chart(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any, starter_statistics: None) -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_b), starts_on=dt.date(2012, 3, 1), ends_on=dt.date(2016, 12, 31))
    editor = mw.users["editor_b"]
    page = signed_in_page(browser, live_server, editor, settings, DESKTOP)
    page.goto(live_server.url + reverse("monitoring:action_detail", args=[action.pk]))
    page.get_by_role("link", name="Name or remove the figures this action should move").click()
    page.get_by_label("Source").select_option("mapping")
    page.get_by_label("Region (NUTS code)").fill("ES62")
    page.get_by_label("Dataset (mapping figures)").select_option(DATASET)
    page.get_by_label("Cluster category (mapping figures)").select_option(CATEGORY)
    page.get_by_label("Figure (employment, LQ or stars)").select_option("lq")
    page.get_by_label("What should change").fill(NOTE)
    page.screenshot(path=str(screenshot_dir / "monitoring-impact-1.png"), full_page=True)
    page.get_by_role("button", name="Add the impact indicator").click()

    page.get_by_text("The impact indicator was added.").wait_for()
    indicator = ImpactIndicator.objects.get(action=action)
    assert (indicator.source, indicator.region_code, indicator.dataset, indicator.category, indicator.measure,
            indicator.note) == ("mapping", "ES62", DATASET, CATEGORY, "lq", NOTE)
    page.get_by_role("heading", name="ES62 · 18 Food Processing and Manufacturing · Location quotient").wait_for()
    table = page.locator(".impact-indicator table")
    assert table.locator("tbody tr").count() == 8  # 2008-2015
    table.get_by_text("2012 (action starts)").wait_for()
    assert table.locator("tbody tr", has_text="before the action").count() == 4  # 2008-2011
    _chart_drawn(page)
    assert page.locator(".impact-indicator .chart .shapelayer path").count() >= 1  # the start marker
    page.screenshot(path=str(screenshot_dir / "monitoring-impact-2.png"), full_page=True)

    phone = signed_in_page(browser, live_server, editor, settings, PHONE)
    phone.goto(page.url)
    _chart_drawn(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the impact page scrolls sideways on a phone: {width}px"
    phone.screenshot(path=str(screenshot_dir / "monitoring-impact-3.png"), full_page=True)
