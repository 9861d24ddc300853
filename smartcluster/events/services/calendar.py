"""Writes of the events app: calendar."""

__all__: list[str] = []
