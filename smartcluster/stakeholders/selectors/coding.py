"""Coding reads."""

__all__: list[str] = []
