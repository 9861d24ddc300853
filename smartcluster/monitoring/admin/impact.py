"""The impact admin."""
