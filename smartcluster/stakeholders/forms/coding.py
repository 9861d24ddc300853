"""Coding forms."""
