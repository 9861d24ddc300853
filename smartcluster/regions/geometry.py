"""Light outlines of NUTS boundaries: coordinates rounded, islets that collapse dropped (no Django, so the starter
pack's build script rounds exactly as the loader does)."""

from __future__ import annotations

COORDINATE_DECIMALS = 3  # ~100 m: plenty for a 1:20M/1:60M outline, and keeps each page light


def _round_positions(positions: list, decimals: int) -> list:
    """Round a ring's positions and drop consecutive duplicates created by rounding."""
    ring: list[list[float]] = []
    for position in positions:
        point = [round(float(position[0]), decimals), round(float(position[1]), decimals)]
        if not ring or ring[-1] != point:
            ring.append(point)
    return ring


def _round_polygon(rings: list, decimals: int) -> list | None:
    rounded = [_round_positions(ring, decimals) for ring in rings]
    if len(rounded[0]) < 4:  # the outer ring collapsed: an islet smaller than the rounding step
        return None
    return [ring for ring in rounded if len(ring) >= 4]


def geometry_simplified(geometry: dict, *, decimals: int = COORDINATE_DECIMALS) -> dict | None:
    """A Polygon/MultiPolygon with coordinates rounded to `decimals`; collapsed islets are dropped."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"unexpected geometry type {geometry['type']!r}")
    kept = [polygon for polygon in (_round_polygon(p, decimals) for p in polygons) if polygon]
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}
