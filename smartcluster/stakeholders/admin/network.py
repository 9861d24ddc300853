"""Network admin."""
