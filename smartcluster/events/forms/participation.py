"""Forms of the events app: participation."""
