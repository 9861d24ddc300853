"""services of the monitoring app: workplan."""

from __future__ import annotations

__all__: list[str] = []
