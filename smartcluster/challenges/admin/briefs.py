"""The briefs admin."""
