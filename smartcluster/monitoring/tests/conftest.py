"""Fixtures of every test of the monitoring app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    """Uploaded evidence goes to a folder of the test's own, so a test can prove what was (not) stored."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
