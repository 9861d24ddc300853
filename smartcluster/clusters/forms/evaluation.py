"""Forms of the clusters app: evaluation."""
