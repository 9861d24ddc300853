"""Chart images: Plotly figures drawn by the server's Chromium, or left out (None) where no browser can draw."""

from __future__ import annotations

import asyncio
import struct
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from smartcluster.reports.charts import HEIGHT, WIDTH, figure_pngs

BARS = {"data": [{"type": "bar", "x": ["EL", "SE"], "y": [3, 1]}], "layout": {"title": {"text": "Registrations"}}}


def _size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


def test_no_figure_needs_no_browser() -> None:
    assert figure_pngs([]) == []


def test_figures_are_left_out_where_no_browser_can_draw_them(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chrome-here"))
    assert figure_pngs([BARS]) is None


def test_figures_are_drawn_as_pngs_at_the_page_width_and_their_own_height(chromium: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", chromium)
    tall = {**BARS, "layout": {**BARS["layout"], "height": 320}}
    first, second = figure_pngs([BARS, tall])
    assert first.startswith(b"\x89PNG\r\n\x1a\n") and _size(first) == (WIDTH, HEIGHT)
    assert _size(second) == (WIDTH, 320)


def test_figures_are_drawn_even_where_an_event_loop_is_running(chromium: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", chromium)

    async def inside_a_loop() -> list[bytes] | None:
        return figure_pngs([BARS])

    # The loop runs in a thread of its own: the test process may be running one (Playwright's) already.
    with ThreadPoolExecutor(max_workers=1) as pool:
        (png,) = pool.submit(asyncio.run, inside_a_loop()).result()
    assert _size(png) == (WIDTH, HEIGHT)
