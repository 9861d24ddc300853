"""Forms of the events app: outcomes."""
