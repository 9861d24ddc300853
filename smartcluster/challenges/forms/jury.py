"""The jury forms."""
