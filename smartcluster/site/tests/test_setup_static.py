"""`smartcluster setup` collects the static files only when something changed: a re-run with nothing new skips the
slow collectstatic, a changed source file or a collected file removed since brings collectstatic back."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from django.core import management

from smartcluster.cli import _static_collected


@pytest.fixture
def collections(tmp_path: Path, settings: object, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A fresh data directory with one extra static source folder; every real collectstatic run is recorded."""
    settings.DATA_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "first-run.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [tmp_path / "source"]
    ran: list[str] = []
    real = management.call_command

    def recorded(name: str, *args: object, **options: object) -> None:
        ran.append(name)
        real(name, *args, **options)

    monkeypatch.setattr(management, "call_command", recorded)
    return ran


def test_a_second_setup_with_nothing_changed_skips_collectstatic(collections: list[str], tmp_path: Path) -> None:
    _static_collected()
    _static_collected()
    assert collections == ["collectstatic"]
    assert (tmp_path / "static" / "first-run.css").read_text() == "body { color: black; }"


def test_a_changed_source_file_is_collected_again(collections: list[str], tmp_path: Path) -> None:
    _static_collected()
    source = tmp_path / "source" / "first-run.css"
    source.write_text("body { color: darkblue; }")
    # collectstatic copies a file only when its time is newer to the second: an edit a second later, as in real use.
    os.utime(source, (time.time() + 2, time.time() + 2))
    _static_collected()
    assert collections == ["collectstatic", "collectstatic"]
    assert (tmp_path / "static" / "first-run.css").read_text() == "body { color: darkblue; }"


def test_a_collected_file_removed_since_is_put_back(collections: list[str], tmp_path: Path) -> None:
    _static_collected()
    (tmp_path / "static" / "first-run.css").unlink()
    _static_collected()
    assert collections == ["collectstatic", "collectstatic"]
    assert (tmp_path / "static" / "first-run.css").exists()
