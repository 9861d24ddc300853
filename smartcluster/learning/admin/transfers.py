"""Transfers admin."""
