"""Interviews forms."""
