"""Writes of the clusters app: registry."""

__all__: list[str] = []
