"""Transfers workbooks and documents (through smartcluster.reports)."""
