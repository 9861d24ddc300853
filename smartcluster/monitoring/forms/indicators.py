"""The indicators forms."""
