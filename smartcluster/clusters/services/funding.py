"""Writes of the clusters app: funding."""

__all__: list[str] = []
