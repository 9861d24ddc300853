"""The jury admin."""
