"""A real browser opens a region page and sees its boundary drawn by Plotly, with no request leaving the machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from smartcluster.regions.services import region_reference_load


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_region_page_draws_the_region_on_its_map(
    live_server: object, page: object, screenshot_dir: Path, reference_urls: dict
) -> None:
    region_reference_load(base_url=reference_urls["nuts"], versions=[2021])
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(live_server.url) else outside.append(request.url))

    page.goto(live_server.url + reverse("regions:detail", args=["EL61", 2021]))
    region_path = page.locator("#region-map path.choroplethlocation")
    region_path.first.wait_for(state="visible", timeout=15_000)

    assert region_path.count() == 1
    assert len(region_path.first.get_attribute("d")) > 100  # a real outline, not an empty path
    assert page.get_by_role("img", name="Map of the boundary of EL61 Thessalia (NUTS 2021)").is_visible()
    assert outside == []  # no CDN: Plotly and the boundary are served by the platform itself
    page.screenshot(path=str(screenshot_dir / "region-el61-map.png"), full_page=True)
