"""Admin of the clusters app: evaluation."""
