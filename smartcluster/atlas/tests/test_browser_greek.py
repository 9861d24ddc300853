"""Real headless Chromium in Greek: the region profile (tables and drawn charts) names no cluster category in
English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from django.conf import settings

from smartcluster.atlas.tests.test_browser import DRAWN, YEAR, regions_2016  # noqa: F401 - reused fixture
from smartcluster.mapping.taxonomies import translated_category_names

ENGLISH = set(pd.read_csv("smartcluster/mapping/taxonomies/cluster_categories_nace.csv")["cluster_name"])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_region_profile_reads_its_category_names_in_greek(page: Any, live_server: Any, sbs_store: object,
                                                               regions_2016: None, screenshot_dir: Path) -> None:  # noqa: F811
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "el", "url": live_server.url}])
    page.goto(f"{live_server.url}/mapping/regions/EL61/?year={YEAR}")
    page.wait_for_selector(f"#chart-categories{DRAWN}")
    text = page.locator("main").inner_text()
    page.screenshot(path=str(screenshot_dir / "atlas-region-EL61-greek.png"), full_page=True)
    greek = set(translated_category_names("cluster_categories", "el").values())
    assert sum(name in text for name in greek) >= 10
    assert [name for name in ENGLISH if name in text] == []
