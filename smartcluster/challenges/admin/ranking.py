"""The ranking admin."""
