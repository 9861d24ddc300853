"""Real headless Chromium: the network page draws the network offline (no request leaves the platform), coloured
by helix, and redraws narrower when a link source is chosen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smartcluster.stakeholders.tests.network_world import build_network_world


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_network_is_drawn_offline_and_narrowed_by_a_link_source(page: Any, live_server: Any,
                                                                      screenshot_dir: Path) -> None:
    build_network_world()
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith((live_server.url, "data:", "blob:")) else None)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/stakeholders/network/")
    page.locator(".chart .main-svg").first.wait_for()
    legend = page.locator(".chart .legendtext").all_text_contents()
    assert {"Business", "Academia and research", "Government"} <= set(legend)
    everything = page.locator(".chart .scatterlayer .point").count()
    page.screenshot(path=str(screenshot_dir / "stakeholders-network.png"), full_page=True)
    page.get_by_label("Declared collaboration").check()
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**source=declared**")
    page.locator(".chart .main-svg").first.wait_for()
    assert page.locator(".chart .scatterlayer .point").count() == 2 < everything
    assert errors == [] and outside == []
