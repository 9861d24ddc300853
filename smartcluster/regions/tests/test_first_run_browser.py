"""The first run as a new user lives it, in real headless Chromium: `smartcluster setup --offline` into an empty data
directory with every official source on a closed port, `smartcluster serve` from that directory, then the mapping
home, a click on the map, the region's profile and the maturity self-assessment to its report (screenshots saved)."""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest

from smartcluster.atlas.engine import Params, atlas_result
from smartcluster.maturity.tests.test_browser import _answer_step
from smartcluster.statistics import StatisticsStore

CLOSED = "http://127.0.0.1:9/"  # nothing listens on the discard port
OFFICIAL_URLS = ("SMARTCLUSTER_NUTS_BASE_URL", "SMARTCLUSTER_NUTS_HISTORY_BASE_URL", "SMARTCLUSTER_NACE_BASE_URL",
                 "SMARTCLUSTER_EUROSTAT_BASE_URL")
DATASET = "sbs_r_nuts06_r2"  # the home's default: the starter series with the most regions
DRAWN = "[data-drawn=true]"
CLI = [sys.executable, "-m", "smartcluster.cli"]


def _environment(data_dir: Path) -> dict[str, str]:
    """The test process's environment pointed at the fresh data directory and its own SQLite file, served over plain
    HTTP with the collected (hashed) static files as in production, every official source unreachable."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"DATABASE_URL", "SMARTCLUSTER_STATIC_MANIFEST"}}
    environment |= dict.fromkeys(OFFICIAL_URLS, CLOSED)
    environment |= {"SMARTCLUSTER_DATA_DIR": str(data_dir), "SMARTCLUSTER_HTTPS": "0",
                    "DATABASE_URL": f"sqlite:///{data_dir / 'first-run.sqlite3'}"}
    return environment


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, server: subprocess.Popen, log: Path, *, seconds: float = 90) -> None:
    """Poll until the server answers (a server that died says why in the failure)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"`smartcluster serve` stopped (exit {server.returncode}): {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    pytest.fail(f"`smartcluster serve` did not answer {url} within {seconds:.0f} s")


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """`smartcluster setup --offline` in an empty data directory, then `smartcluster serve` from it (stopped after)."""
    data_dir = tmp_path_factory.mktemp("first-run-browser")
    environment = _environment(data_dir)
    setup = subprocess.run([*CLI, "setup", "--offline"], env=environment, capture_output=True, text=True,
                           timeout=900, check=False)
    assert setup.returncode == 0, setup.stdout + setup.stderr
    # The figures the profile must show, computed here from the store setup wrote (before the server opens it).
    engine = atlas_result(StatisticsStore(data_dir / "statistics.duckdb"), Params(dataset=DATASET))
    port = _free_port()
    log = data_dir / "serve.log"  # a file, not a pipe: an unread pipe would block gunicorn once full
    with log.open("w") as output:
        server = subprocess.Popen([*CLI, "serve", "--port", str(port), "--workers", "1", "--threads", "4"],
                                  env=environment, stdout=output, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_serving(f"{url}/mapping/", server, log)
        yield SimpleNamespace(url=url, data_dir=data_dir, setup=setup, engine=engine)
    finally:
        server.terminate()  # gunicorn's master stops its workers on SIGTERM
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _region_name(data_dir: Path, code: str, version: int) -> str:
    """The region's name as the loaded reference data holds it (Latin script first), read from the server's SQLite."""
    with sqlite3.connect(data_dir / "first-run.sqlite3") as database:
        row = database.execute("SELECT name_latn, name FROM regions_region WHERE code = ? AND version = ?",
                               (code, version)).fetchone()
    assert row is not None, f"{code} (NUTS {version}) is not in the loaded reference data"
    return row[0] or row[1]


def test_offline_setup_never_tries_the_official_sources_and_says_what_it_loaded(first_run: SimpleNamespace) -> None:
    output = first_run.setup.stdout + first_run.setup.stderr
    assert "Official reference sources not usable" not in output and "could not reach" not in output
    assert "NUTS 2024: reading the starter pack" in output and "Reference data ready (starter pack)." in output
    assert f"{DATASET}: starter statistics loaded (Eurostat SBS, extracted 2017, years 2008-2015)" in output
    assert "dma-sme-v1: Published" in output and "Traceback" not in output


@pytest.mark.browser
def test_a_click_on_the_home_map_opens_the_region_profile_with_its_name_and_stars(
        first_run: SimpleNamespace, page: Any, screenshot_dir: Path) -> None:
    page.goto(f"{first_run.url}/mapping/")
    page.wait_for_selector(f"#chart-map{DRAWN}", timeout=60_000)
    assert f"(dataset {DATASET})" in page.inner_text("#vintage")
    shapes = page.locator("#chart-map path.choroplethlocation")
    assert shapes.count() > 200  # one shape per NUTS 2 region with a boundary
    page.screenshot(path=str(screenshot_dir / "first-run-1-mapping-home.png"), full_page=True)
    box = max((shapes.nth(i).bounding_box() for i in range(shapes.count())), key=lambda b: b["width"] * b["height"])
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/mapping/regions/*/**", timeout=30_000)
    page.wait_for_selector(f"#chart-categories{DRAWN}", timeout=60_000)
    page.screenshot(path=str(screenshot_dir / "first-run-2-region-profile.png"), full_page=True)

    code = page.url.split("/mapping/regions/", 1)[1].split("/", 1)[0]
    year = int(page.locator("select[name=year]").input_value())
    rows = first_run.engine.table
    rows = rows[(rows["region"] == code) & (rows["year"] == year)]
    assert page.inner_text("h1") == f"{code} {_region_name(first_run.data_dir, code, int(rows['nuts_version'].iloc[0]))}"
    assert int(page.inner_text("#headline-starred")) == int((rows["stars"].fillna(0) > 0).sum())
    table = page.locator("table[data-table=categories] tbody tr")
    shown = dict(zip(table.locator("td:nth-child(1)").all_inner_texts(),
                     table.locator("td:nth-child(9)").evaluate_all("cells => cells.map(c => c.dataset.value)"),
                     strict=True))
    # A category whose stars are unknown (no LQ) shows an empty cell.
    expected = {str(category): "" if pd.isna(stars) else str(int(stars))
                for category, stars in zip(rows["category"], rows["stars"], strict=True)}
    assert shown and {category: expected[category] for category in shown} == shown


@pytest.mark.browser
def test_the_published_questionnaire_is_taken_to_its_report(first_run: SimpleNamespace, page: Any,
                                                            screenshot_dir: Path) -> None:
    page.goto(f"{first_run.url}/maturity/")
    page.get_by_role("button", name="Start the self-assessment").click()
    page.get_by_label("Name of your organisation").fill("Larissa Robotics")
    page.get_by_label("Micro (1–9 persons)").check()
    # NACE section names as the official file spells them (capitals in Eurostat's Nace2_long.csv), in any case here.
    manufacturing = page.get_by_label("Sector").locator("option").filter(has_text=re.compile("^C manufacturing$", re.I))
    page.get_by_label("Sector").select_option(manufacturing.get_attribute("value"))
    page.get_by_label("Region", exact=True).select_option(label="Thessalia (EL61)")
    page.screenshot(path=str(screenshot_dir / "first-run-3-assessment-profile.png"), full_page=True)
    page.get_by_role("button", name="Save and continue").click()
    while page.get_by_role("button", name="Save and review").count() == 0:
        _answer_step(page)
        page.get_by_role("button", name="Save and continue").click()
    _answer_step(page)
    page.screenshot(path=str(screenshot_dir / "first-run-4-assessment-last-step.png"), full_page=True)
    page.get_by_role("button", name="Save and review").click()
    page.get_by_role("button", name="Submit and see my results").click()

    page.locator(".plot .main-svg").first.wait_for(timeout=30_000)
    assert "/maturity/a/" in page.url and page.locator("#score-table tbody tr").count() == 6
    assert page.locator(".level-name").inner_text() in {"Basic", "Average", "Moderately advanced", "Advanced"}
    assert page.get_by_role("heading", name="Your next steps").is_visible()
    page.screenshot(path=str(screenshot_dir / "first-run-5-assessment-report.png"), full_page=True)

