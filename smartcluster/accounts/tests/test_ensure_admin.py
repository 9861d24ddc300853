"""`ensure_admin`: a first administrator when there is none, and nothing when there is one."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run() -> str:
    output = StringIO()
    call_command("ensure_admin", stdout=output, stderr=output)
    return output.getvalue()


def test_creates_the_administrator_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCLUSTER_ADMIN_USERNAME", "secretariat")
    monkeypatch.setenv("SMARTCLUSTER_ADMIN_PASSWORD", "correct horse battery staple")
    output = run()
    user = get_user_model().objects.get(username="secretariat")
    assert user.is_superuser and user.is_staff
    assert user.check_password("correct horse battery staple")
    assert "correct horse" not in output  # a password given by the environment is never printed
    assert "/accounts/login/" in output


def test_prints_a_random_password_once_when_none_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SMARTCLUSTER_ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("SMARTCLUSTER_ADMIN_PASSWORD", raising=False)
    output = run()
    password = next(line.split(": ", 1)[1] for line in output.splitlines() if "password:" in line)
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert len(password) >= 16


def test_writes_nothing_when_an_administrator_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    get_user_model().objects.create_superuser(username="root", password=None)
    monkeypatch.setenv("SMARTCLUSTER_ADMIN_USERNAME", "another")
    output = run()
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["root"]
    assert "exists already" in output
