"""Network workbooks and documents (through smartcluster.reports)."""
