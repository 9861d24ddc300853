"""Downloads of the events app (composed with smartcluster.reports): communication."""
