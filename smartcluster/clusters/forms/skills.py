"""Forms of the clusters app: skills."""
