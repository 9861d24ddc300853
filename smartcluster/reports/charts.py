"""Charts as PNG images for documents: the pages' Plotly figures drawn in the server's Chrome or Chromium
(`figure_pngs`), and a radar drawn in pure Python where no browser may be assumed (`radar_png`).

The platform does not require a browser: kaleido finds one on the PATH (or at `BROWSER_PATH`); where there is
none, or drawing fails, `figure_pngs` answers None and the document says that the charts were left out.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from django.contrib.staticfiles import finders

from smartcluster.reports.canvas import Canvas, Colour

logger = logging.getLogger(__name__)
# The pages' Plotly bundle (no CDN) and their script that keeps geo traces from asking Plotly's CDN for a base map
PLOTLY_BUNDLE, PLOTLY_OFFLINE = "vendor/plotly.min.js", "site/plotly-offline.js"
WIDTH, HEIGHT = 900, 500
GRID: Colour = (201, 209, 218)
INK: Colour = (27, 31, 36)
BRAND: Colour = (11, 79, 138)
FILL: Colour = (182, 204, 224)


def label_lines(label: str, width: int = 16) -> str:
    """A long axis label broken into lines (Plotly's `<br>`) so it fits beside a phone-sized radar or bar chart."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)


def figure_pngs(figures: list[dict]) -> list[bytes] | None:
    """Each Plotly figure as PNG bytes, all drawn in one browser session; None where they cannot be drawn."""
    if not figures:
        return []
    try:
        # In a thread of its own: the caller may be running an event loop already (an ASGI server, Playwright),
        # where asyncio.run refuses to start.
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, _drawn(figures)).result()
    except Exception:  # no browser, a browser that will not start, a timeout: the document goes out without charts
        logger.warning("charts left out of a document: kaleido could not draw them", exc_info=True)
        return None


async def _drawn(figures: list[dict]) -> list[bytes]:
    import kaleido

    # No MathJax, which the charts do not use.
    page = kaleido.PageGenerator(plotly=finders.find(PLOTLY_BUNDLE), mathjax=False,
                                 others=[finders.find(PLOTLY_OFFLINE)])
    async with kaleido.Kaleido(n=1, page_generator=page) as drawer:
        return [await drawer.calc_fig(figure, opts={
            "format": "png", "width": WIDTH, "height": figure.get("layout", {}).get("height", HEIGHT)})
            for figure in figures]


def radar_png(labels: Sequence[str], scores: Sequence[float], *, size: int = 480) -> bytes:
    """Scores 0–100 on one axis each, first axis pointing up, clockwise; axes carry numbers 1…n (the document's
    table names them), rings at 25, 50, 75, 100."""
    canvas = Canvas(size)
    centre, radius = size / 2, size * 0.38
    count = len(labels)

    def point(axis: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * axis / count
        return centre + math.cos(angle) * radius * value / 100, centre + math.sin(angle) * radius * value / 100

    shape = [point(axis, max(0.0, min(100.0, score))) for axis, score in enumerate(scores)]
    canvas.fill_polygon(shape, FILL)
    for ring in (25, 50, 75, 100):
        ring_points = [point(axis, ring) for axis in range(count)]
        for a, b in zip(ring_points, [*ring_points[1:], ring_points[0]], strict=True):
            canvas.line(a, b, GRID)
    for axis in range(count):
        canvas.line((centre, centre), point(axis, 100), GRID)
        canvas.text(*point(axis, 115), str(axis + 1), INK)
    for a, b in zip(shape, [*shape[1:], shape[0]], strict=True):
        canvas.line(a, b, BRAND, radius=1)
    return canvas.png()
