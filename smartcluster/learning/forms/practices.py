"""Practices forms."""
