"""Writes of the events app: participation."""

__all__: list[str] = []
