from smartcluster.site.testing import static_files_without_manifest  # noqa: F401
