"""The demo's regions and NACE sections (as the reference data would have them), and `smartcluster setup` with
the slow steps (migrate, static files, reference data, starter statistics) left out: the tests' database is migrated already."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django.core.management
import pytest
from click.testing import CliRunner, Result

from smartcluster import cli
from smartcluster.industries.models import Industry, NaceLevel
from smartcluster.regions.models import Region

# (code, level, country) of the NUTS 2021 regions the demo places its organisations in
DEMO_REGIONS = (("LT01", 2, "LT"), ("EL61", 2, "EL"), ("ES62", 2, "ES"), ("DE7", 1, "DE"), ("IE", 0, "IE"),
                ("HR063", 3, "HR"), ("HU", 0, "HU"),
               ("IE0", 1, "IE"), ("HU22", 2, "HU"))
SKIPPED_BY_TESTS = {"migrate", "collectstatic", "load_reference", "ensure_admin"}


@pytest.fixture
def reference_data(db: None) -> None:
    for code, level, country in DEMO_REGIONS:
        Region.objects.create(code=code, version=2021, level=level, country=country, name=code)
    for section in "CHJM":
        Industry.objects.create(code=section, eurostat_code=section, level=NaceLevel.SECTION, section=section,
                                name=f"Section {section}")


@pytest.fixture
def setup(reference_data: None, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """`smartcluster setup <options>` as `bootstrap.py start` runs it; fails the test on a non-zero exit."""
    real = django.core.management.call_command

    def call_command(name: str, *args: Any, **options: Any) -> None:
        if name not in SKIPPED_BY_TESTS:
            real(name, *args, **options)

    monkeypatch.setattr(django.core.management, "call_command", call_command)
    monkeypatch.setattr(cli, "_starter_statistics_load", lambda: None, raising=False)

    def run(*options: str) -> Result:
        result = CliRunner().invoke(cli.main, ["setup", *options])
        assert result.exit_code == 0, result.output
        return result

    return run
