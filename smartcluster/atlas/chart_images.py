"""The page's Plotly charts as PNG images for DOCX reports, drawn by kaleido in the server's Chrome or Chromium.

The platform does not require a browser: kaleido finds one on the PATH (or at `BROWSER_PATH`); where there is
none, or drawing fails, reports keep every table and say that the charts were left out.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from smartcluster.site.vendor import VENDOR_FILES

logger = logging.getLogger(__name__)
# The pages' own script that keeps Plotly's geo traces from asking its CDN for a base map
PLOTLY_OFFLINE = Path(__file__).resolve().parent.parent / "site" / "static" / "site" / "plotly-offline.js"
WIDTH, HEIGHT = 900, 500


def chart_pngs(figures: list[dict]) -> list[bytes] | None:
    """Each figure as PNG bytes, all drawn in one browser session; None where they cannot be drawn."""
    if not figures:
        return []
    try:
        return asyncio.run(_drawn(figures))
    except Exception:  # no browser, a browser that will not start, a timeout: the report goes out without charts
        logger.warning("charts left out of a DOCX report: kaleido could not draw them", exc_info=True)
        return None


async def _drawn(figures: list[dict]) -> list[bytes]:
    import kaleido

    # The Plotly bundle and geo settings the pages use (no CDN); no MathJax, which the charts do not use.
    page = kaleido.PageGenerator(plotly=str(VENDOR_FILES["vendor/plotly.min.js"]), mathjax=False,
                                 others=[str(PLOTLY_OFFLINE)])
    async with kaleido.Kaleido(n=1, page_generator=page) as drawer:
        return [await drawer.calc_fig(figure, opts={
            "format": "png", "width": WIDTH, "height": figure.get("layout", {}).get("height", HEIGHT)})
            for figure in figures]
