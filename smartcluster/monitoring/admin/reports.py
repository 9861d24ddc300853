"""The reports admin."""
