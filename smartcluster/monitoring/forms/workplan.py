"""The workplan forms."""
