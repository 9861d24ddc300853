"""Chart specifications and the DOCX radar image (no database)."""

from __future__ import annotations

import struct
import zlib

from smartcluster.maturity.charts import median_bars_figure, radar_figure
from smartcluster.reports.charts import label_lines, radar_png


def test_radar_labels_are_wrapped_and_the_outline_closed():
    assert label_lines("Data management and connectedness") == "Data management<br>and<br>connectedness"
    trace = radar_figure(["A", "B", "C"], [("now", [10.0, 20.04, None])])["data"][0]
    assert trace["type"] == "scatterpolar"
    assert trace["r"] == [10.0, 20.0, None, 10.0] and trace["theta"] == ["A", "B", "C", "A"]


def test_median_bars_carry_the_interquartile_range_not_the_extremes():
    bars = median_bars_figure(["A"], [50.0], [40.0], [70.0], title="t")["data"][0]
    assert bars["y"] == [50.0] and bars["error_y"]["array"] == [20.0] and bars["error_y"]["arrayminus"] == [10.0]


def test_radar_png_is_a_valid_png_with_the_outline_drawn():
    data = radar_png(["a", "b", "c", "d", "e", "f"], [100, 50, 0, 25, 75, 100], size=200)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (200, 200)
    idat = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat - 4:idat])[0]
    pixels = zlib.decompress(data[idat + 4:idat + 4 + length])
    assert bytes((11, 79, 138)) in pixels  # the brand-coloured outline
