"""Importers into the statistics store: Eurostat, CSV/Excel files, firm microdata; NUTS versions; validation."""
