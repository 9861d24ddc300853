"""The reports forms: none. The report page's partner filter is a plain GET choice the selector checks
(`project_partner_get`: 404 for a partner of another project)."""
