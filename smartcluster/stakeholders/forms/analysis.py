"""Analysis forms."""
