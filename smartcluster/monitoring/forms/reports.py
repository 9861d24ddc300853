"""The reports forms."""
