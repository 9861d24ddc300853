"""Interviews reads."""

__all__: list[str] = []
