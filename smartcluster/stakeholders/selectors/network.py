"""Network reads."""

__all__: list[str] = []
