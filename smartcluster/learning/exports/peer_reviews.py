"""Peer reviews workbooks and documents (through smartcluster.reports)."""
