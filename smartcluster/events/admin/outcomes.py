"""Admin of the events app: outcomes."""
