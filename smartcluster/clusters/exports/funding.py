"""Downloads of the clusters app (composed with smartcluster.reports): funding."""
