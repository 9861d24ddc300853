"""Real headless Chromium: an anonymous SME answers a campaign on a phone, leaves mid-way, resumes, sees its report."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from smartcluster.maturity import services
from smartcluster.maturity.models import Assessment, AssessmentStatus

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _unlabelled_inputs(page: Any) -> int:
    """Form controls a screen reader could not name (no <label for>, no aria-label)."""
    return page.evaluate("""() => [...document.querySelectorAll('form.assessment-form input:not([type=hidden]),'
        + 'form.assessment-form select')].filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).length""")


def _answer_step(page: Any) -> None:
    """Tick the first two options of every question and choose the second stage in every row."""
    for question in page.locator("fieldset.question").all():
        choices = question.locator(":scope > ul.choices input[type=checkbox]")
        for index in range(min(2, choices.count())):
            choices.nth(index).check()
        for row in question.locator("fieldset.row").all():
            inputs = row.locator("input")
            inputs.nth(min(1, inputs.count() - 1)).check()


def _browser_closed(context: Any, browser: Any, device: dict) -> Any:
    """A new browser session: only cookies that outlive the browser (with an expiry) are kept."""
    state = context.storage_state()
    state["cookies"] = [cookie for cookie in state["cookies"] if cookie.get("expires", -1) > 0]
    context.close()
    return browser.new_context(storage_state=state, **device)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("device_name", ["phone", "desktop"])
def test_anonymous_sme_completes_a_campaign_resumes_its_draft_and_sees_its_report(
        device_name: str, browser: Any, live_server: Any, screenshot_dir: Path, questionnaire: Any, regions: Any,
        sectors: Any, cluster: Any, cluster_manager: Any) -> None:
    device = PHONE if device_name == "phone" else DESKTOP
    campaign = services.campaign_create(user=cluster_manager, organisation=cluster, questionnaire=questionnaire,
                                        name="Robotics check-up 2026", opens_at=timezone.now() - timedelta(days=1))
    link = f"{live_server.url}/maturity/c/{campaign.token}/"
    context = browser.new_context(**device)
    page = context.new_page()
    page.goto(link)
    page.get_by_role("button", name="Start the self-assessment").click()

    page.get_by_label("Name of your organisation").fill(f"Vilnius Precision ({device_name})")
    page.get_by_label("Micro (1–9 persons)").check()
    page.get_by_label("Sector").select_option(label="C Manufacturing")
    page.get_by_label("Region", exact=True).select_option(label="Sostinės regionas (LT01)")
    page.screenshot(path=str(screenshot_dir / f"maturity-{device_name}-1-profile.png"), full_page=True)
    page.get_by_role("button", name="Save and continue").click()

    first_choice = page.locator("fieldset.question input[type=checkbox]").first
    first_choice.focus()
    page.keyboard.press("Space")  # operable from the keyboard alone
    assert first_choice.is_checked()
    for _step in range(2):
        assert page.locator("h1").count() == 1 and _unlabelled_inputs(page) == 0
        _answer_step(page)
        page.get_by_role("button", name="Save and continue").click()
    page.screenshot(path=str(screenshot_dir / f"maturity-{device_name}-2-mid-way.png"), full_page=True)
    _answer_step(page)
    page.get_by_role("button", name="Save and finish later").click()
    assert "Your answers are saved" in page.content()

    context = _browser_closed(context, browser, device)
    page = context.new_page()
    page.goto(link)
    page.get_by_role("button", name="Resume your draft").click()
    assert page.locator("h1").inner_text() == "Data management and connectedness"  # the next unanswered step
    page.get_by_role("button", name="Back").click()
    assert page.locator("h1").inner_text() == "Human-centric digitalisation"
    assert page.locator("fieldset.question input:checked").count() == 4  # the answers left mid-way are back
    page.get_by_role("button", name="Save and continue").click()
    while page.get_by_role("button", name="Save and review").count() == 0:
        _answer_step(page)
        page.get_by_role("button", name="Save and continue").click()
    _answer_step(page)
    page.get_by_role("button", name="Save and review").click()
    page.get_by_role("button", name="Submit and see my results").click()

    page.locator(".plot .main-svg").first.wait_for()
    assert page.locator(".plot .scatterpolar, .plot .polarlayer").count() > 0  # Plotly drew the radar
    assessment = Assessment.objects.get(organisation__name=f"Vilnius Precision ({device_name})")
    assert assessment.status == AssessmentStatus.SUBMITTED
    level = page.locator(".level-name").inner_text()
    assert level == {"basic": "Basic", "average": "Average", "moderate": "Moderately advanced",
                     "advanced": "Advanced"}[assessment.level]
    assert page.get_by_role("heading", name="Your next steps").is_visible()
    assert page.locator(".recommendation").count() >= 1
    assert page.locator("#score-table tbody tr").count() == 6
    page.screenshot(path=str(screenshot_dir / f"maturity-{device_name}-3-report.png"), full_page=True)
    page.locator("figure.chart").screenshot(path=str(screenshot_dir / f"maturity-{device_name}-4-radar.png"))
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= device["viewport"]["width"] + 1, "the report must not scroll sideways"
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_cluster_manager_creates_a_campaign_and_reads_its_anonymised_results(
        browser: Any, live_server: Any, screenshot_dir: Path, questionnaire: Any, cluster: Any,
        cluster_manager: Any, submitted: Any, settings: Any) -> None:
    from django.test import Client

    client = Client()
    client.force_login(cluster_manager)
    context = browser.new_context(**DESKTOP)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/maturity/campaigns/new/")
    page.get_by_label("Name").fill("Members' check-up 2026")
    page.get_by_label("Organisations invited").fill("12")
    page.get_by_role("button", name="Save").click()
    assert page.locator("h1").inner_text() == "Members' check-up 2026"
    link = page.get_by_label("Link to share with respondents").input_value()
    assert "/maturity/c/" in link

    campaign = cluster.maturity_campaigns.get()
    for number in range(5):
        submitted(f"Member {number}", k=number + 1, campaign=campaign, size_class="small" if number % 2 else "micro")
    page.reload()
    page.locator(".plot .main-svg").first.wait_for()
    counts = page.locator("dl.counts dd").all_inner_texts()
    assert counts == ["12", "5", "5"]
    assert page.locator("table.aggregate").first.locator("tbody tr").count() == 1
    page.get_by_label("Break down by").select_option("size_class")
    page.get_by_role("button", name="Show").click()
    first_table = page.locator("table.aggregate").first
    assert first_table.locator("td.suppressed").count() == 2  # micro (3) and small (2) under five firms
    page.screenshot(path=str(screenshot_dir / "maturity-campaign-results.png"), full_page=True)
    context.close()
