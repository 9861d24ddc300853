"""Real headless Chromium: a cluster manager fills the self-evaluation partly, leaves, resumes the draft and submits;
the region's reviewer accepts; the manager sees the radar against the benchmark group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from smartcluster.clusters.models import Evaluation, EvaluationStatus
from smartcluster.clusters.tests.evaluation_world import GOOD_INPUTS, YEAR, build_evaluation_world, peers_in
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
FIRST_HALF = ("members", "members_previous", "sme_members", "business_members", "members_retained")


def _logged_in(browser: Any, live_server: Any, user: Any, settings: Any) -> Any:
    """A browser context carrying the user's session (logging in by form is the accounts app's own test)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**DESKTOP)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME]
                          .value, "url": live_server.url}])
    return context


def _unlabelled_inputs(page: Any) -> int:
    """Form controls of the figures form a screen reader could not name."""
    return page.evaluate("""() => [...document.querySelectorAll('form.figures-form input:not([type=hidden]),'
        + 'form.figures-form select')].filter(el => !(el.labels && el.labels.length)).length""")


def _fill(page: Any, names: Any) -> None:
    for name in names:
        field = page.locator(f"[name={name}]")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(str(GOOD_INPUTS[name]))
        else:
            field.fill(str(GOOD_INPUTS[name]))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_manager_fills_partly_resumes_submits_reviewer_accepts_manager_sees_the_radar(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any) -> None:
    world = build_evaluation_world()
    peers_in(world.regions["DE11"], world.criteria)  # the benchmark group: five accepted peers in the region
    manager = _logged_in(browser, live_server, world.users["manager"], settings)
    page = manager.new_page()
    page.goto(f"{live_server.url}/clusters/evaluations/")
    page.get_by_label("Cluster organisation").select_option(label="Stuttgart Robotics Cluster")
    page.get_by_label("Criteria set").select_option(label="default v1")
    page.get_by_label("Data year").fill(str(YEAR))
    page.get_by_role("button", name="Start").click()
    assert page.locator("h1").inner_text() == f"Self-evaluation of Stuttgart Robotics Cluster, {YEAR}"
    assert page.get_by_label("Cluster-management staff (FTE)").input_value() == "2"  # from the registry
    assert _unlabelled_inputs(page) == 0

    _fill(page, FIRST_HALF)
    page.screenshot(path=str(screenshot_dir / "clusters-evaluation-1-partly-filled.png"), full_page=True)
    page.get_by_role("button", name="Save draft").click()
    assert "Draft saved" in page.content()
    page.goto(f"{live_server.url}/")  # leaves

    page.goto(f"{live_server.url}/clusters/evaluations/")
    page.get_by_role("link", name="Stuttgart Robotics Cluster").first.click()  # resumes the draft
    assert page.get_by_label("Members at 31 December", exact=True).input_value() == "40"
    progress = int(page.locator("#progress").get_attribute("value"))
    assert 0 < progress < 100
    _fill(page, [name for name in GOOD_INPUTS if name not in FIRST_HALF])
    page.get_by_role("button", name="Save and submit for review").click()
    assert "Submitted" in page.locator("#evaluation-status").inner_text()

    reviewer = _logged_in(browser, live_server, world.users["reviewer"], settings)
    review = reviewer.new_page()
    review.goto(f"{live_server.url}/clusters/evaluations/review/")
    review.get_by_role("link", name="Stuttgart Robotics Cluster").click()
    review.get_by_label("Accept").check()
    review.get_by_label("Comment").fill("Figures match the annual report.")
    review.screenshot(path=str(screenshot_dir / "clusters-evaluation-2-review.png"), full_page=True)
    review.get_by_role("button", name="Record the review").click()
    assert Evaluation.objects.get(profile=world.cluster).status == EvaluationStatus.ACCEPTED

    page.reload()
    assert "Accepted" in page.locator("#evaluation-status").inner_text()
    page.get_by_role("link", name="Compare with other clusters").click()
    page.locator(".plot .main-svg").first.wait_for()
    assert page.locator(".plot .scatterpolar, .plot .polarlayer").count() > 0  # Plotly drew the radar
    assert page.locator("#positions tbody tr").count() == 20
    page.screenshot(path=str(screenshot_dir / "clusters-evaluation-3-benchmark.png"), full_page=True)
    page.locator("figure.chart").screenshot(path=str(screenshot_dir / "clusters-evaluation-4-radar.png"))
    manager.close()
    reviewer.close()
