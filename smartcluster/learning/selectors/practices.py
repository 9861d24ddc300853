"""Practices reads."""

__all__: list[str] = []
