"""Real headless Chromium on the real 7-country SBS extract: the region profile, the category map and the
comparison show the engine's figures, the map draws one shape per mapped region, and screenshots are saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smartcluster.atlas.engine import Params, atlas_result
from smartcluster.atlas.tests.conftest import SBS

YEAR = 2014
DRAWN = "[data-drawn=true]"


@pytest.fixture
def regions_2016(reference_urls: dict[str, str]) -> None:
    """NUTS 2016 regions with boundaries, loaded by the real loader (the transactional test flushes them after)."""
    from smartcluster.regions.services import region_reference_load

    region_reference_load(base_url=reference_urls["nuts"], history_base_url=reference_urls["history"],
                          versions=[2016])


@pytest.fixture(scope="module")
def engine(sbs_store: object) -> object:
    return atlas_result(sbs_store, Params(dataset=SBS))


def _cells(page: Any, table: str, column: int) -> list[str]:
    return page.locator(f"table[data-table={table}] tbody tr td:nth-child({column})").all_inner_texts()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_region_profile_in_a_browser_shows_the_engine_figures(page: Any, live_server: Any, engine: Any,
                                                              regions_2016: None, screenshot_dir: Path) -> None:
    page.goto(f"{live_server.url}/mapping/regions/EL61/?year={YEAR}")
    page.wait_for_selector(f"#chart-categories{DRAWN}")
    page.wait_for_selector(f"#chart-trends{DRAWN}")
    covered = engine.totals[(engine.totals["region"] == "EL61") & (engine.totals["year"] == YEAR)]
    assert page.inner_text("#headline-employment") == f"{covered['employment_covered'].iloc[0]:,.0f}"
    rows = engine.table[(engine.table["region"] == "EL61") & (engine.table["year"] == YEAR)]
    expected = rows.sort_values(["lq", "employment"], ascending=False, na_position="last")
    shown_lq = [float(text) for text in _cells(page, "categories", 4)[:10]]
    assert shown_lq == pytest.approx(expected["lq"].head(10).round(2).tolist(), abs=0.006)
    assert page.locator("#chart-categories .bars .point").count() == min(20, int(rows["lq"].notna().sum()))
    page.screenshot(path=str(screenshot_dir / "atlas-region-EL61.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_category_map_draws_one_shape_per_mapped_region(page: Any, live_server: Any, engine: Any,
                                                        regions_2016: None, screenshot_dir: Path) -> None:
    page.goto(f"{live_server.url}/mapping/categories/13/?year={YEAR}&measure=lq")
    page.wait_for_selector(f"#chart-map{DRAWN}", timeout=30_000)
    rows = engine.table[(engine.table["category"] == "13") & (engine.table["year"] == YEAR)]
    unmapped = set(page.inner_text(".unmapped").split(", ")) if page.locator(".unmapped").count() else set()
    shapes = page.locator("#chart-map path.choroplethlocation").count()
    # Regions with an unknown LQ are drawn too (in grey): one shape per region that has a boundary.
    assert shapes == len(set(rows["region"]) - unmapped) > 50
    shown = dict(zip(_cells(page, "regions", 1), _cells(page, "regions", 4), strict=True))
    for row in rows.dropna(subset=["lq"]).itertuples():
        assert float(shown[row.region]) == pytest.approx(round(row.lq, 2), abs=0.006)
    page.screenshot(path=str(screenshot_dir / "atlas-category-13-map.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_comparison_page_shows_the_engine_lq_of_each_region(page: Any, live_server: Any, engine: Any,
                                                           regions_2016: None, screenshot_dir: Path) -> None:
    page.goto(f"{live_server.url}/mapping/compare/?regions=EL61,LT00,ES30&year={YEAR}")
    page.wait_for_selector(f"#chart-lq{DRAWN}")
    page.wait_for_selector(f"#chart-portfolio{DRAWN}")
    lookup = engine.table[engine.table["year"] == YEAR].set_index(["region", "category"])["lq"]
    regions = _cells(page, "compare", 1)
    categories = _cells(page, "compare", 3)
    lqs = _cells(page, "compare", 6)
    assert len(regions) > 10
    for region, category, lq in zip(regions, categories, lqs, strict=True):
        expected = lookup[(region, category)]
        assert (lq == "") if expected != expected else float(lq) == pytest.approx(round(expected, 2), abs=0.006)
    assert page.locator("#chart-lq .legendtext").count() == 3
    legend = page.locator("#chart-lq .legend").bounding_box()
    for label in page.locator("#chart-lq .ytick text").all():  # category names never run into the legend
        box = label.bounding_box()
        assert box["y"] >= legend["y"] + legend["height"] or box["x"] >= legend["x"] + legend["width"]
    page.screenshot(path=str(screenshot_dir / "atlas-compare.png"), full_page=True)

# The centre of the largest region whose centre lies inside the region itself (a coastal strip's or an
# archipelago's centre may fall in the sea, where a click opens nothing), in the viewport's coordinates.
INSIDE_A_REGION = """() => {
  const paths = [...document.querySelectorAll('#chart-map path.choroplethlocation')]
    .map(path => [path, path.getBoundingClientRect()])
    .sort((a, b) => b[1].width * b[1].height - a[1].width * a[1].height);
  for (const [path, box] of paths) {
    const x = box.x + box.width / 2, y = box.y + box.height / 2;
    const local = new DOMPoint(x, y).matrixTransform(path.getScreenCTM().inverse());
    if (path.isPointInFill(local)) return [x, y];
  }
  return null;
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_mapping_home_maps_europe_and_a_click_on_a_region_opens_its_profile(
        page: Any, live_server: Any, engine: Any, regions_2016: None, screenshot_dir: Path) -> None:
    # The session's store may hold other datasets by now (imports of other tests): map the SBS extract by name.
    page.goto(f"{live_server.url}/mapping/?dataset={SBS}")
    page.wait_for_selector(f"#chart-map{DRAWN}", timeout=30_000)
    shapes = page.locator("#chart-map path.choroplethlocation")
    assert shapes.count() > 50
    assert "Data: Eurostat SBS" in page.inner_text("#vintage")
    page.screenshot(path=str(screenshot_dir / "atlas-home-map.png"), full_page=True)
    page.locator("#chart-map").scroll_into_view_if_needed()
    point = page.evaluate(INSIDE_A_REGION)
    assert point is not None, "no region of the map has its centre inside itself"
    page.mouse.click(*point)
    page.wait_for_url("**/mapping/regions/*/**", timeout=15_000)
    code = page.url.split("/mapping/regions/", 1)[1].split("/", 1)[0]
    assert code in set(engine.totals["region"])
    assert page.inner_text("h1").startswith(code)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_administrator_uploads_a_bad_file_and_sees_each_problem_and_nothing_imported(
        page: Any, live_server: Any, sbs_store: Any, settings: Any, tmp_path: Path, screenshot_dir: Path) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.SMARTCLUSTER_JOBS_RUNNER = "thread"
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    session = Client()
    session.force_login(admin)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": session.cookies[settings.SESSION_COOKIE_NAME].value}])
    bad = tmp_path / "regional.csv"
    bad.write_text("region,industry,year,measure,value\nEL61,C10,2014,persons_employed,1200\n"
                   "XX99,C10,2014,persons_employed,300\nEL61,C11,2014,persons_employed,many\n")
    before = sbs_store.datasets()["dataset"].tolist()
    page.goto(f"{live_server.url}/mapping/data/")
    form = page.locator("form.import-file")
    form.locator("input[type=file]").set_input_files(str(bad))
    form.locator("input[name=dataset]").fill("regional_upload")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("table.problems", timeout=30_000)
    problems = page.locator("table.problems tbody tr").all_inner_texts()
    assert problems[0].split("\t")[:2] == ["3", "region"] and "XX99" in problems[0]
    assert problems[1].split("\t")[:2] == ["4", "value"] and "many" in problems[1]
    assert "2 problem(s) in regional.csv; nothing was imported." in page.inner_text("#job-progress")
    assert "/tmp" not in page.content()
    assert "nothing was imported" in page.inner_text("#job-progress")
    assert sbs_store.datasets()["dataset"].tolist() == before
    page.screenshot(path=str(screenshot_dir / "atlas-import-problems.png"), full_page=True)
