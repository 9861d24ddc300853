"""services of the monitoring app: impact."""

from __future__ import annotations

__all__: list[str] = []
