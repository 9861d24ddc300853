"""The practices map in real headless Chromium: the locally served Plotly draws the practice's point over the
outline of its NUTS region (served by the platform), with no remote tiles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smartcluster.learning.tests.practices_world import load, practice_world
from smartcluster.regions.models import Region

# A clockwise outer ring, as d3-geo (Plotly's maps) reads them, like the GISCO boundaries.
SQUARE = {"type": "Polygon", "coordinates": [[[22, 39], [22, 40], [23, 40], [23, 39], [22, 39]]]}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_map_draws_the_point_over_its_region(page: Any, live_server: Any, screenshot_dir: Path) -> None:
    pw = practice_world()
    Region.objects.filter(pk=pw.region.pk).update(boundary=SQUARE)
    load(pw, status="project_approved")
    load(pw, title="Declined vouchers", status="declined", latitude="39.2", longitude="22.7")
    page.goto(f"{live_server.url}/learning/practices/map/")
    page.wait_for_selector("#chart-practices-map[data-drawn=true]", timeout=30_000)
    assert page.locator("#chart-practices-map path.choroplethlocation").count() == 1
    assert page.locator("#chart-practices-map .scattergeo path.point").count() == 1
    assert page.locator("table tbody tr").count() == 1
    page.screenshot(path=str(screenshot_dir / "learning-practices-map.png"), full_page=True)
