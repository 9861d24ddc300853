"""Admin of the clusters app: funding."""
