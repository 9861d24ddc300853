"""Transfers reads."""

__all__: list[str] = []
