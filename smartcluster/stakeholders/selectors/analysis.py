"""Analysis reads."""

__all__: list[str] = []
