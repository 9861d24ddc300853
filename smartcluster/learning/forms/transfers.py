"""Transfers forms."""
