"""Admin of the events app: communication."""
