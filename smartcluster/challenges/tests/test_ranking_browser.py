"""The statistics page in real headless Chromium: the locally served Plotly draws one bar chart per count (no CDN),
and the organiser's ranking page lays out its table inside the page's width on a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from smartcluster.challenges.tests.ranking_world import build_ranking_world


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_statistics_draw_bar_charts_offline(page: Any, live_server: Any, screenshot_dir: Path) -> None:
    rw = build_ranking_world()
    remote = []
    page.on("request", lambda request: remote.append(request.url)
            if not request.url.startswith(live_server.url) else None)
    page.goto(f"{live_server.url}/challenges/statistics/?challenge={rw.challenge.pk}")
    page.wait_for_selector(".plot .main-svg", timeout=30_000)
    assert page.locator(".plot .main-svg").count() >= 5
    assert page.locator(".plot .bars path").count() >= 5
    assert remote == []
    page.screenshot(path=str(screenshot_dir / "challenges-statistics.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_ranking_table_scrolls_inside_its_wrapper_on_a_phone(browser: Any, live_server: Any, settings: Any,
                                                                  screenshot_dir: Path) -> None:
    rw = build_ranking_world()
    client = Client()
    client.force_login(rw.users["editor_a"])
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME]
                          .value, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/challenges/briefs/{rw.challenge.pk}/ranking/")
    assert page.locator("#ranking tbody tr").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshot_dir / "challenges-ranking-phone.png"), full_page=True)
