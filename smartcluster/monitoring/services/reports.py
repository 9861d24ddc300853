"""services of the monitoring app: reports. None: a semester report is read from the records, never written."""

from __future__ import annotations

__all__: list[str] = []
