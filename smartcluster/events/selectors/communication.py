"""Reads of the events app: communication."""

__all__: list[str] = []
