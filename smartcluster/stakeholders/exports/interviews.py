"""Interviews workbooks and documents (through smartcluster.reports)."""
