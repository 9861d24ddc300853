"""The teams admin."""
