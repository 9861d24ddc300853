"""selectors of the monitoring app: action_plans."""

from __future__ import annotations

__all__: list[str] = []
