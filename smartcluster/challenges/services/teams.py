"""teams of the challenges app."""

from __future__ import annotations

__all__: list[str] = []
