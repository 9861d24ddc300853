"""services of the monitoring app: indicators."""

from __future__ import annotations

__all__: list[str] = []
