"""Analysis admin."""
