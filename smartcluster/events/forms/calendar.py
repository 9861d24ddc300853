"""Forms of the events app: calendar."""
