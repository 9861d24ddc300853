"""Settings are read once: `smartcluster.config` is the only module reading the environment, its readers refuse bad
values naming the variable, the Django settings start from them, and the README's table names every variable."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from smartcluster import config
from smartcluster.config import ConfigError, env_bool, env_float, env_int, env_list

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "smartcluster"
READER = PACKAGE / "config.py"
# These set the environment for what starts after them (Django's settings module, the test data directory); they
# may write os.environ but never read it.
SETTERS = {PACKAGE / "cli.py", PACKAGE / "site" / "wsgi.py", PACKAGE / "site" / "pytest_environment.py"}
WRITES = {"setdefault"}


def _runtime_modules() -> list[Path]:
    """Every module of the package that runs in the platform or the library (not tests, not migrations)."""
    return sorted(path for path in PACKAGE.rglob("*.py")
                  if not {"tests", "migrations"} & set(path.relative_to(PACKAGE).parts)
                  and path.name != "conftest.py")


def _environment_uses(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, how) of every use of os.environ / os.getenv / os.putenv, and of `from os import environ…`."""
    uses: list[tuple[int, str]] = []
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            uses += [(node.lineno, f"from os import {alias.name}") for alias in node.names
                     if alias.name in {"environ", "getenv", "environb", "getenvb"}]
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os"
                and node.attr in {"environ", "getenv", "environb", "getenvb"}):
            continue
        parent = parents.get(node)
        writes = (isinstance(parent, ast.Attribute) and parent.attr in WRITES
                  or isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Store))
        uses.append((node.lineno, "write" if writes else "read"))
    return sorted(uses)


def test_only_config_reads_the_environment() -> None:
    offenders = []
    for path in _runtime_modules():
        if path == READER:
            continue
        uses = _environment_uses(ast.parse(path.read_text(), filename=str(path)))
        allowed = {"write"} if path in SETTERS else set()
        offenders += [f"{path.relative_to(REPO)}:{line} ({how})" for line, how in uses if how not in allowed]
    assert not offenders, "read the environment through smartcluster.config: " + ", ".join(offenders)


def test_the_rule_catches_a_read_hidden_in_a_setter() -> None:
    tree = ast.parse("import os\nos.environ.setdefault('A', '1')\nos.environ['B'] = '2'\nx = os.environ.get('C')\n"
                     "y = os.environ['D']\nz = os.getenv('E')\nfrom os import environ\n")
    assert _environment_uses(tree) == [(2, "write"), (3, "write"), (4, "read"), (5, "read"), (6, "read"),
                                       (7, "from os import environ")]


@pytest.mark.parametrize(("reader", "value", "message"), [
    (lambda: env_int("SMARTCLUSTER_TEST_SETTING", 5), "five", "SMARTCLUSTER_TEST_SETTING must be a whole number, "
                                                              "not 'five'"),
    (lambda: env_int("SMARTCLUSTER_TEST_SETTING", 5, minimum=1), "0", "SMARTCLUSTER_TEST_SETTING must be a positive "
                                                                       "whole number, not '0'"),
    (lambda: env_int("SMARTCLUSTER_TEST_SETTING", 5, minimum=0), "-1", "SMARTCLUSTER_TEST_SETTING must be a whole "
                                                                       "number of at least 0, not '-1'"),
    (lambda: env_float("SMARTCLUSTER_TEST_SETTING", 60), "1 minute", "SMARTCLUSTER_TEST_SETTING must be a number"),
    (lambda: env_float("SMARTCLUSTER_TEST_SETTING", 60), "nan", "SMARTCLUSTER_TEST_SETTING must be a number"),
    (lambda: env_float("SMARTCLUSTER_TEST_SETTING", 60, minimum=0), "-1", "SMARTCLUSTER_TEST_SETTING must be a "
                                                                            "number of at least 0, not '-1'"),
    (lambda: env_bool("SMARTCLUSTER_TEST_SETTING", True), "enabled", "SMARTCLUSTER_TEST_SETTING must be one of 1, "
                                                                     "true"),
])
def test_a_bad_value_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch, reader: object, value: str,
                                                    message: str) -> None:
    monkeypatch.setenv("SMARTCLUSTER_TEST_SETTING", value)
    with pytest.raises(ConfigError, match=re.escape(message)):
        reader()


def test_readers_give_the_default_when_unset_and_the_value_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SMARTCLUSTER_TEST_SETTING", raising=False)
    assert (env_int("SMARTCLUSTER_TEST_SETTING", 5), env_float("SMARTCLUSTER_TEST_SETTING", 0.5),
            env_bool("SMARTCLUSTER_TEST_SETTING", True), env_list("SMARTCLUSTER_TEST_SETTING", "a, b")) == (
        5, 0.5, True, ["a", "b"])
    for value, expected in [("50_000", 50000), (" 7 ", 7)]:
        monkeypatch.setenv("SMARTCLUSTER_TEST_SETTING", value)
        assert env_int("SMARTCLUSTER_TEST_SETTING", 5) == expected
    for value, expected in [("On", True), ("0", False), ("", False)]:
        monkeypatch.setenv("SMARTCLUSTER_TEST_SETTING", value)
        assert env_bool("SMARTCLUSTER_TEST_SETTING", True) is expected
    monkeypatch.setenv("SMARTCLUSTER_TEST_SETTING", "x.example.org, ,y.example.org")
    assert env_list("SMARTCLUSTER_TEST_SETTING", "") == ["x.example.org", "y.example.org"]


def test_library_settings_come_from_their_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SMARTCLUSTER_DISCLOSURE_THRESHOLD", raising=False)
    monkeypatch.delenv("SMARTCLUSTER_SPARK_MASTER", raising=False)
    assert (config.disclosure_threshold(), config.spark_master()) == (3, "local[*]")
    monkeypatch.setenv("SMARTCLUSTER_DISCLOSURE_THRESHOLD", "10")
    monkeypatch.setenv("SMARTCLUSTER_SPARK_MASTER", "spark://cluster:7077")
    monkeypatch.setenv("SMARTCLUSTER_XLSX_MAX_ROWS", "1_000")
    assert (config.disclosure_threshold(), config.spark_master()) == (10, "spark://cluster:7077")
    assert config.file_limits().xlsx_max_rows == 1000
    monkeypatch.setenv("SMARTCLUSTER_XLSX_MAX_ROWS", "0")
    with pytest.raises(ConfigError, match="SMARTCLUSTER_XLSX_MAX_ROWS must be a positive whole number, not '0'"):
        config.file_limits()


def _settings(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess:
    """Import the Django settings in a fresh process with `variables` set; prints two of the values read."""
    env = {**os.environ, "SMARTCLUSTER_DATA_DIR": str(tmp_path), **variables}
    code = "from smartcluster.site import settings as s; print(s.SECURE_HSTS_SECONDS, s.ALLOWED_HOSTS)"
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)


def test_django_settings_take_their_values_from_config(tmp_path: Path) -> None:
    started = _settings(tmp_path, SMARTCLUSTER_HTTPS="1", SMARTCLUSTER_HSTS_SECONDS="600",
                        SMARTCLUSTER_ALLOWED_HOSTS="cluster.example.org")
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "600 ['cluster.example.org']"
    refused = _settings(tmp_path, SMARTCLUSTER_HTTPS="1", SMARTCLUSTER_HSTS_SECONDS="a year")
    assert refused.returncode != 0
    assert "ConfigError: SMARTCLUSTER_HSTS_SECONDS must be a whole number of at least 0, not 'a year'" in refused.stderr


def _variables_read() -> set[str]:
    """Every variable name given as a literal to a config reader anywhere in the package."""
    names = set()
    for path in _runtime_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.startswith("env_")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                names.add(node.args[0].value)
    return names


def test_the_readme_configuration_table_names_every_variable_read() -> None:
    section = (REPO / "README.md").read_text().split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = [name for row in section.splitlines() if row.startswith("| `")
                  for name in re.findall(r"`([A-Z_…]+)`", row.split(" | ")[0])]
    read = _variables_read()
    assert {"SMARTCLUSTER_DEBUG", "DATABASE_URL", "SMARTCLUSTER_ADMIN_PASSWORD"} <= read

    def listed(name: str) -> bool:
        return any(name == entry or (entry.startswith("…") and name.endswith(entry[1:])) for entry in documented)

    assert sorted(name for name in read if not listed(name)) == []
