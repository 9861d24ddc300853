"""Writes of the events app: outcomes."""

__all__: list[str] = []
