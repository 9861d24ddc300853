"""A small RGB canvas written as PNG in pure Python (no imaging library, no browser): lines, filled polygons and
digits, enough for the charts `reports.charts` draws without Chrome."""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Sequence

Colour = tuple[int, int, int]
WHITE: Colour = (255, 255, 255)

# 3×5 bitmap digits, rows top to bottom, 3 bits each (1 = ink)
DIGITS = {"0": (7, 5, 5, 5, 7), "1": (2, 6, 2, 2, 7), "2": (7, 1, 7, 4, 7), "3": (7, 1, 7, 1, 7),
          "4": (5, 5, 7, 1, 1), "5": (7, 4, 7, 1, 7), "6": (7, 4, 7, 5, 7), "7": (7, 1, 1, 1, 1),
          "8": (7, 5, 7, 5, 7), "9": (7, 5, 7, 1, 7)}


class Canvas:
    """A square of white pixels to draw on."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pixels = [[WHITE] * size for _ in range(size)]

    def dot(self, x: float, y: float, colour: Colour, radius: int = 0) -> None:
        for dx in range(-radius, radius + 1):
            for dy in range(-radius, radius + 1):
                px, py = int(round(x)) + dx, int(round(y)) + dy
                if 0 <= px < self.size and 0 <= py < self.size:
                    self.pixels[py][px] = colour

    def line(self, a: tuple[float, float], b: tuple[float, float], colour: Colour, radius: int = 0) -> None:
        steps = int(max(abs(b[0] - a[0]), abs(b[1] - a[1]))) + 1
        for i in range(steps + 1):
            t = i / steps
            self.dot(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, colour, radius)

    def fill_polygon(self, points: Sequence[tuple[float, float]], colour: Colour) -> None:
        """Even-odd scanline fill."""
        for y in range(self.size):
            crossings = []
            for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True):
                if (y1 <= y < y2) or (y2 <= y < y1):
                    crossings.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
            crossings.sort()
            for left, right in zip(crossings[::2], crossings[1::2], strict=False):
                for x in range(int(math.ceil(left)), int(right) + 1):
                    if 0 <= x < self.size:
                        self.pixels[y][x] = colour

    def text(self, x: float, y: float, digits: str, colour: Colour, scale: int = 3) -> None:
        """Digits centred on (x, y)."""
        width = (len(digits) * 4 - 1) * scale
        left, top = x - width / 2, y - 5 * scale / 2
        for n, char in enumerate(digits):
            for row, bits in enumerate(DIGITS[char]):
                for col in range(3):
                    if bits & (4 >> col):
                        for sx in range(scale):
                            for sy in range(scale):
                                self.dot(left + (n * 4 + col) * scale + sx, top + row * scale + sy, colour)

    def png(self) -> bytes:
        """The canvas as a PNG file (8-bit RGB, no filter; PNG specification, W3C 2003)."""
        raw = b"".join(b"\x00" + bytes(v for pixel in row for v in pixel) for row in self.pixels)

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", self.size, self.size, 8, 2, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(
            b"IEND", b"")
