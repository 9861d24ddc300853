"""Admin of the clusters app: registry."""
