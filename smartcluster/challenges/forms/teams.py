"""The teams forms."""
