"""Reads of the clusters app: mission."""

__all__: list[str] = []
