"""Coding workbooks and documents (through smartcluster.reports)."""
