"""Forms of the clusters app: funding."""
