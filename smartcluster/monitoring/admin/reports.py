"""The reports admin: nothing to register. A semester report is generated from the records on demand (the
partners' own ProgressReport records are the indicators part's admin)."""
