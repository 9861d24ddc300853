"""Shared test fixtures: the real data folder, a local HTTP server for recorded responses, headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parent.parent / "shared" / "data"
CHROMIUM = os.environ.get("SMARTCLUSTER_CHROMIUM", "/usr/bin/chromium")
IN_CI = bool(os.environ.get("CI"))


def require(condition: bool, message: str) -> None:
    """Skip a test whose outside requirement is missing, except in CI where everything must run."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{message} (CI must run this test: .ci/run installs what it needs)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data folder `../shared/data`, read in place."""
    require(SHARED_DATA.is_dir(), f"the real data folder {SHARED_DATA} is absent")
    return SHARED_DATA


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def local_http_server() -> Iterator[callable]:
    """Serve a folder on 127.0.0.1: `url = local_http_server(folder)` gives its base URL (ending in '/')."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of Debian's `chromium` (required: skipped locally without it, a failure in CI)."""
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which(CHROMIUM)
    require(path is not None, f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return str(path)


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[object]:
    """Real headless Chromium (Debian's `chromium`) driven by Playwright; no browser download."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser page (own cookies) at desktop size."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where browser tests save screenshots: `test-output/screenshots` (kept by CI for people to look at)."""
    folder = Path(__file__).resolve().parent / "test-output" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language: a test (or a request it made) that activated another language
    must not change what the next test in the same worker reads."""
    from django.utils import translation

    yield
    translation.deactivate()
