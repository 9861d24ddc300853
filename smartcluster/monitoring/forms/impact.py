"""The impact forms."""
