"""Admin of the events app: calendar."""
