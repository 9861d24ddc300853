"""Analysis workbooks and documents (through smartcluster.reports)."""
