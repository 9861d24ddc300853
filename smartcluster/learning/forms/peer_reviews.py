"""Peer reviews forms."""
