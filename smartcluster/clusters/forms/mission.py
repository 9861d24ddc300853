"""Forms of the clusters app: mission."""
