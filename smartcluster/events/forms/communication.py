"""Forms of the events app: communication."""
