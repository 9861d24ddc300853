"""Writes of the clusters app: skills."""

__all__: list[str] = []
