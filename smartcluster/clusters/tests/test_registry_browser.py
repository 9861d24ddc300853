"""The registry's map in real headless Chromium: one shape per region with cluster organisations, drawn by the
locally served Plotly from the boundaries the platform serves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smartcluster.clusters.tests.registry_world import build_registry
from smartcluster.regions.models import Region

# Clockwise outer rings, as d3-geo (Plotly's maps) reads them, like the GISCO boundaries.
SQUARE = {"type": "Polygon", "coordinates": [[[22, 39], [22, 40], [23, 40], [23, 39], [22, 39]]]}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_map_draws_one_shape_per_region_with_clusters(page: Any, live_server: Any, screenshot_dir: Path) -> None:
    build_registry()
    Region.objects.filter(code="EL61").update(boundary=SQUARE)
    Region.objects.filter(code="ES62").update(boundary={**SQUARE, "coordinates": [
        [[-1, 38], [-1, 39], [0, 39], [0, 38], [-1, 38]]]})
    page.goto(f"{live_server.url}/clusters/map/")
    page.wait_for_selector("#chart-clusters-map[data-drawn=true]", timeout=30_000)
    assert page.locator("#chart-clusters-map path.choroplethlocation").count() == 2
    assert page.locator("table tbody tr").count() == 2
    page.screenshot(path=str(screenshot_dir / "clusters-registry-map.png"), full_page=True)
