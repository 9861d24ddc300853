"""The briefs forms."""
