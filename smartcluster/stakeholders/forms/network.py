"""Network forms."""
