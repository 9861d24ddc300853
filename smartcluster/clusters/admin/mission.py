"""Admin of the clusters app: mission."""
