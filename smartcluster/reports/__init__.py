"""Shared report helpers: what people read in downloaded tables (XLSX, DOCX)."""
