"""Fixtures shared by the platform's Django tests (imported by each app's tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def static_files_without_manifest(settings) -> None:  # noqa: ANN001 - pytest-django's settings fixture
    """Pages render `{% static %}` without a collectstatic manifest (production storage needs one)."""
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
