"""The jobs app has no forms: jobs are started by the forms of the apps that own the work."""
