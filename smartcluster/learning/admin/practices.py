"""Practices admin."""
