"""Practices workbooks and documents (through smartcluster.reports)."""
