"""Real headless Chromium: a cluster manager adds a year of funding, watches the shares' running sum while typing,
saves, and sees the year in the table and the stacked chart drawn; the group view redraws when filtered."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smartcluster.clusters import services
from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.tests.funding_world import build_funding_world, funding_data

PASSWORD = "a-long-test-password-42"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_manager_adds_a_year_with_the_running_sum_and_sees_the_chart(browser: Any, live_server: Any,
                                                                       screenshot_dir: Path) -> None:
    world = build_funding_world()
    manager = world.users["manager"]
    manager.set_password(PASSWORD)
    manager.save()
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("manager")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/clusters/{world.alpha.pk}/funding/")
    page.get_by_role("link", name="Add a year").click()
    page.get_by_label("Year").fill("2024")
    page.get_by_label("Total revenue (EUR)").fill("250000")
    page.get_by_label("Regional grants (%)").fill("50")
    page.get_by_label("Membership fees (%)").fill("40")
    sum_output = page.locator("#shares-sum")
    sum_output.filter(has_text="90 %").wait_for()
    assert "must sum to 100" in sum_output.inner_text()
    page.get_by_label("Paid services (%)").fill("10")
    sum_output.filter(has_text="100 %").wait_for()
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save").click()
    page.locator("#funding-years").wait_for()
    assert page.locator("#funding-years tbody th").all_inner_texts() == ["2024"]
    page.locator(".chart .main-svg").first.wait_for()  # Plotly drew the stacked bars
    page.screenshot(path=str(screenshot_dir / "clusters-funding.png"), full_page=True)
    record = FundingRecord.objects.get()
    assert (record.year, record.revenue, record.paid_services) == (2024, 250000, 10)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_group_view_redraws_its_chart_when_filtered(page: Any, live_server: Any) -> None:
    world = build_funding_world()
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    services.funding_record_load(profile=world.beta, year=2024, data=funding_data(revenue=Decimal(300000)))
    page.goto(f"{live_server.url}/clusters/funding/group/")
    page.locator("#results .chart .main-svg").first.wait_for()
    assert page.locator("#group-years tbody td").first.inner_text() == "2"
    page.get_by_label("Country (two letters)").fill("EL")
    page.locator("#group-years tbody td", has_text="300,000").first.wait_for()  # swapped in by htmx
    assert page.locator("#group-years tbody td").first.inner_text() == "1"
    page.locator("#results .chart .main-svg").first.wait_for()  # and drawn again
    assert "country=EL" in page.url
