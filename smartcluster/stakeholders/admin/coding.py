"""Coding admin."""
