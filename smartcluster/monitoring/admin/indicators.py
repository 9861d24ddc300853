"""The indicators admin."""
