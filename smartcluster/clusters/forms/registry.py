"""Forms of the clusters app: registry."""
