"""Peer reviews admin."""
