"""Fixtures shared by the platform's Django tests (imported by each app's tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def static_files_without_manifest(settings) -> None:  # noqa: ANN001 - pytest-django's settings fixture
    """Pages render `{% static %}` without a collectstatic manifest (production storage needs one)."""
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


def _reload_middleware(server) -> None:  # noqa: ANN001 - pytest-django's LiveServer
    """Rebuild the running server's middleware so it reads the current settings (it reads them at start)."""
    static_handler = server.thread.httpd.get_app()
    static_handler.application.application.load_middleware()


@pytest.fixture
def plain_http_live_server(settings, live_server):  # noqa: ANN001, ANN201 - pytest-django fixtures
    """pytest-django's live server, answering plain HTTP (it has no TLS): no redirect to HTTPS, no cookies limited
    to HTTPS. Tests run with production's HTTPS hardening, which the shared live server read when it started."""
    hardening = {name: getattr(settings, name)
                 for name in ["SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"]}
    for name in hardening:
        setattr(settings, name, False)
    _reload_middleware(live_server)
    yield live_server
    for name, value in hardening.items():
        setattr(settings, name, value)
    _reload_middleware(live_server)
