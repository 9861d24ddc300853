from smartcluster.site.testing import plain_http_live_server, static_files_without_manifest  # noqa: F401
