"""Transfers writes: permission check, validation, then save."""

__all__: list[str] = []
