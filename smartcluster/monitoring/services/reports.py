"""services of the monitoring app: reports."""

from __future__ import annotations

__all__: list[str] = []
