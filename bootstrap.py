#!/usr/bin/env python3
"""The two Quick start commands, needing only Python 3.11 and the package registries.

    python3 bootstrap.py start    install (from the lock file), set up the embedded stores, serve on :8000
    python3 bootstrap.py test     install the development dependencies, check the import contracts and run the
                                  whole test suite
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("SMARTCLUSTER_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _say(message: str) -> None:
    print(f"[smartcluster] {message}", flush=True)


def _run(*command: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(part) for part in command], cwd=ROOT, env=env)


def _check(*command: str | Path) -> None:
    code = _run(*command)
    if code != 0:
        sys.exit(f"[smartcluster] failed (exit {code}): {' '.join(str(part) for part in command)}")


def _ensure_environment(lock_name: str) -> None:
    """Create the virtual environment and install the lock file; skipped when nothing changed since last time."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"[smartcluster] Python 3.11 is required; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        _say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    lock = ROOT / "requirements" / lock_name
    fingerprint = hashlib.sha256(lock.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    marker = VENV / f".installed-{lock_name}"
    if marker.exists() and marker.read_text() == fingerprint:
        return
    _say(f"installing dependencies from requirements/{lock_name}")
    _check(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _check(PYTHON, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", lock)
    _check(PYTHON, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ROOT)
    marker.write_text(fingerprint)


def start(arguments: argparse.Namespace) -> int:
    _ensure_environment("app.lock")
    env = {**os.environ}
    env.setdefault("SMARTCLUSTER_HTTPS", "0")  # the local server speaks plain HTTP on 127.0.0.1
    cli = BIN / "smartcluster"
    setup = [cli, "setup"] + (["--empty"] if arguments.empty else [])
    code = _run(*setup, env=env)
    if code != 0:
        return code
    return _run(cli, "serve", "--host", arguments.host, "--port", str(arguments.port), env=env)


def test(arguments: argparse.Namespace) -> int:
    _ensure_environment("dev.lock")
    env = {**os.environ, "SMARTCLUSTER_DEBUG": "0", "SMARTCLUSTER_HTTPS": "0"}
    _say("checking the import contracts (.importlinter)")
    contracts_code = _run(BIN / "lint-imports", "--no-logo", "--no-cache", env=env)
    # Two workers: the machines this runs on (and CI) have two cores.
    pytest = [PYTHON, "-m", "pytest", *(arguments.pytest_args or ["-n", "2"])]
    _say("running the test suite on SQLite")
    code = _run(*pytest, env={**env, "DATABASE_URL": ""})
    postgres = os.environ.get("SMARTCLUSTER_TEST_POSTGRES_URL")
    if postgres:
        # The platform's tests again on PostgreSQL (the library tests do not touch the application database).
        _say("running the platform's tests on PostgreSQL")
        pg_code = _run(*pytest, "smartcluster", "-m", "not browser", env={**env, "DATABASE_URL": postgres})
        code = code or pg_code
    elif os.environ.get("CI"):
        _say("CI is set but SMARTCLUSTER_TEST_POSTGRES_URL is not: the PostgreSQL run is required in CI")
        code = code or 1
    if contracts_code:
        _say("an import contract is broken (see its report above, before the tests)")
    return code or contracts_code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    start_parser = commands.add_parser("start", help="install, set up and serve the platform")
    start_parser.add_argument("--empty", action="store_true", help="do not load the demo partnership")
    start_parser.add_argument("--host", default="127.0.0.1")
    start_parser.add_argument("--port", type=int, default=8000)
    start_parser.set_defaults(handler=start)
    test_parser = commands.add_parser("test", help="install the development dependencies and run all tests")
    test_parser.add_argument("pytest_args", nargs=argparse.REMAINDER, help="passed to pytest")
    test_parser.set_defaults(handler=test)
    arguments = parser.parse_args()
    return arguments.handler(arguments)


if __name__ == "__main__":
    sys.exit(main())
