"""Peer reviews reads."""

__all__: list[str] = []
