"""The ranking forms."""
