"""Admin of the events app: participation."""
