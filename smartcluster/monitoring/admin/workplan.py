"""The workplan admin."""
