"""Writes of the clusters app: evaluation."""

__all__: list[str] = []
