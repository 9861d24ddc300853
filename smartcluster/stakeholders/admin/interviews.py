"""Interviews admin."""
