"""Registry workbooks and documents (through smartcluster.reports)."""
