"""Admin of the clusters app: skills."""
