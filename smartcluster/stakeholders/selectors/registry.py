"""Registry reads."""

__all__: list[str] = []
