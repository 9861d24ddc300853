"""The import contracts of `.importlinter` are live: a deliberate violation breaks the contract it names.

Each probe runs lint-imports with the real configuration against a copy of the package's Python files plus a few
modules that break (or respect) one rule; the copy comes first on PYTHONPATH, so the working tree is untouched.
"""

from __future__ import annotations

import argparse
import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".importlinter"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _python_files_only(directory: str, names: list[str]) -> list[str]:
    """copytree's filter: keep packages and .py files (not the data, templates or translations)."""
    return [name for name in names if name == "__pycache__"
            or not (name.endswith(".py") or Path(directory, name).is_dir())]


def lint_imports(tmp_path: Path, contract: str, probes: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """lint-imports' verdict on one contract for the package plus `probes` (module path → source)."""
    shutil.copytree(ROOT / "smartcluster", tmp_path / "smartcluster", ignore=_python_files_only)
    for relative_path, source in probes.items():
        (tmp_path / relative_path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative_path).write_text(source)
    # wide enough that rich never wraps an import chain across lines
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "COLUMNS": "300"}
    return subprocess.run([LINT_IMPORTS, "--no-logo", "--no-cache", "--contract", contract, CONFIG],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


VIOLATIONS = [
    pytest.param("libraries-without-django", "Libraries never import Django or an app",
                 {"smartcluster/mapping/_violation_probe.py": "import django\n"},
                 "smartcluster.mapping._violation_probe -> django", id="library-imports-django"),
    pytest.param("libraries-without-django", "Libraries never import Django or an app",
                 {"smartcluster/scheduling/_violation_probe.py": "from smartcluster.matchmaking import services\n"},
                 "smartcluster.scheduling._violation_probe -> smartcluster.matchmaking.services",
                 id="library-imports-an-app"),
    pytest.param("apps-meet-through-public-face", "Apps import one another only through services",
                 {"smartcluster/atlas/_violation_probe.py": "from smartcluster.organisations.models import Tag\n"},
                 "smartcluster.atlas._violation_probe -> smartcluster.organisations.models",
                 id="app-imports-another-apps-models"),
    pytest.param("no-cycles-between-packages", "No import cycles between the packages of smartcluster",
                 {"smartcluster/_probe_a/__init__.py": "import smartcluster._probe_b\n",
                  "smartcluster/_probe_b/__init__.py": "import smartcluster._probe_a\n"},
                 # the breakers are listed sorted, so "._probe_…" comes before every real package
                 re.compile(r"\._probe_[ab] -> \._probe_[ab]"), id="two-packages-import-each-other"),
    pytest.param("documents-only-in-reports", "Only smartcluster.reports imports openpyxl",
                 {"smartcluster/maturity/_violation_probe.py": "from openpyxl import Workbook\n"},
                 "smartcluster.maturity._violation_probe -> openpyxl", id="app-builds-a-workbook"),
]


@pytest.mark.parametrize(("contract", "name", "probes", "reported"), VIOLATIONS)
def test_a_deliberate_violation_fails_the_contract_naming_the_import(
        tmp_path: Path, contract: str, name: str, probes: dict[str, str], reported: str | re.Pattern[str]) -> None:
    result = lint_imports(tmp_path, contract, probes)

    assert result.returncode != 0, result.stdout
    assert f"{name}" in result.stdout and "BROKEN" in result.stdout
    if isinstance(reported, str):
        assert reported in result.stdout, result.stdout
    else:
        assert reported.search(result.stdout), result.stdout


ALLOWED = [
    pytest.param("apps-meet-through-public-face",
                 {"smartcluster/atlas/_allowed_probe.py": "from smartcluster.organisations import selectors, services\n"
                                                          "from smartcluster.accounts import permissions\n"},
                 id="app-uses-another-apps-services-selectors-and-permissions"),
    pytest.param("apps-meet-through-public-face",
                 {"smartcluster/atlas/tests/_allowed_probe.py": "from smartcluster.organisations.models import Tag\n"},
                 id="a-test-uses-another-apps-models"),
    pytest.param("documents-only-in-reports",
                 {"smartcluster/reports/_allowed_probe.py": "import docx\nimport kaleido\nimport openpyxl\n"},
                 id="reports-builds-documents"),
    pytest.param("libraries-without-django",
                 {"smartcluster/mapping/_allowed_probe.py": "from smartcluster import config, statistics\n"},
                 id="library-uses-another-library-and-config"),
]


@pytest.mark.parametrize(("contract", "probes"), ALLOWED)
def test_an_allowed_import_is_not_reported(tmp_path: Path, contract: str, probes: dict[str, str]) -> None:
    result = lint_imports(tmp_path, contract, probes)

    assert "Analyzed" in result.stdout, result.stdout + result.stderr  # the check ran
    assert "_allowed_probe" not in result.stdout


def test_the_working_tree_keeps_every_contract() -> None:
    result = subprocess.run([LINT_IMPORTS, "--no-logo", "--no-cache", CONFIG], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stdout + result.stderr


def _load_bootstrap() -> Any:
    """bootstrap.py (at the repository root, not a package) as a module."""
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("contracts_exit", "pytest_exit", "expected_exit"), [(1, 0, 1), (0, 0, 0), (0, 2, 2)])
def test_the_test_command_runs_lint_imports_and_fails_when_a_contract_is_broken(
        monkeypatch: pytest.MonkeyPatch, contracts_exit: int, pytest_exit: int, expected_exit: int) -> None:
    bootstrap = _load_bootstrap()
    commands: list[list[str]] = []

    def run(*command: str | Path, env: dict[str, str] | None = None) -> int:
        commands.append([str(part) for part in command])
        return contracts_exit if Path(commands[-1][0]).name == "lint-imports" else pytest_exit

    monkeypatch.setattr(bootstrap, "_ensure_environment", lambda lock_name: None)
    monkeypatch.setattr(bootstrap, "_run", run)
    monkeypatch.delenv("SMARTCLUSTER_TEST_POSTGRES_URL", raising=False)
    monkeypatch.delenv("CI", raising=False)

    code = bootstrap.test(argparse.Namespace(pytest_args=["tests/mapping"]))

    assert code == expected_exit
    assert [Path(command[0]).name for command in commands] == ["lint-imports", "python"]


def _listed(contract: str, option: str) -> set[str]:
    """The modules one option of a contract in `.importlinter` lists."""
    config = configparser.ConfigParser()
    config.read(CONFIG)
    return set(config[f"importlinter:contract:{contract}"][option].split())


def test_every_app_is_held_to_its_public_face_and_forbidden_to_the_libraries() -> None:
    installed = {name for name in settings.INSTALLED_APPS if name.startswith("smartcluster.")}

    assert _listed("apps-meet-through-public-face", "modules") == installed
    assert installed <= _listed("libraries-without-django", "forbidden_modules")


def test_every_package_of_smartcluster_is_an_app_a_library_or_reports() -> None:
    """A new package is classified in `.importlinter` before it lands, so no contract misses it."""
    packages = {f"smartcluster.{path.stem}" for path in (ROOT / "smartcluster").iterdir()
                if (path / "__init__.py").exists() or (path.suffix == ".py" and path.stem not in {"__init__", "cli"})}
    apps = _listed("apps-meet-through-public-face", "modules")
    libraries = _listed("libraries-without-django", "source_modules")

    assert packages - apps - libraries == {"smartcluster.reports"}
