"""Login lock-out (django-axes) through the real login form, CSRF enforced: after the failure limit a user name is
refused from any address, and an address is refused for any user name, even with the right password."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "a long and unusual passphrase"


@pytest.fixture(autouse=True)
def _fast_hasher(settings: Any) -> None:
    """Every attempt hashes a password; PBKDF2 is slow on purpose, which these tests need not measure."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_account(username: str) -> Any:
    return get_user_model().objects.create_user(username=username, password=PASSWORD)


def log_in(username: str, password: str, address: str = "198.51.100.1") -> Any:
    """The login form as a browser sends it: the page first (for the CSRF cookie), then the POST."""
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR=address, HTTP_REFERER="https://testserver/")
    client.get(reverse("login"), secure=True)
    return client.post(reverse("login"), {"username": username, "password": password,
                                          "csrfmiddlewaretoken": client.cookies["csrftoken"].value}, secure=True)


def test_the_right_password_after_too_many_wrong_ones_is_refused_with_a_message() -> None:
    user = make_account("ana")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in("ana", "guess").status_code == 200  # the form again, "did not match"
    assert log_in("ana", "guess").status_code == 429  # the failure that reaches the limit locks at once

    refused = log_in("ana", PASSWORD)

    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Too many failed logins" in page and f"{int(settings.LOGIN_COOLOFF.total_seconds() // 60)} minutes" in page
    assert '<form method="post"' in page  # still the login page, in the site's layout
    user.refresh_from_db()
    assert user.last_login is None


def test_a_user_name_is_locked_from_every_address() -> None:
    make_account("ana")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in("ana", "guess", address=f"203.0.113.{attempt + 1}")
    assert log_in("ana", PASSWORD, address="203.0.113.200").status_code == 429


def test_an_address_is_locked_for_every_user_name() -> None:
    make_account("ben")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(f"someone-{attempt}", "guess", address="192.0.2.50")
    assert log_in("ben", PASSWORD, address="192.0.2.50").status_code == 429
    assert log_in("ben", PASSWORD, address="192.0.2.51").status_code == 302


def test_a_few_mistakes_do_not_lock_anyone_out() -> None:
    make_account("cleo")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in("cleo", "guess")
    assert log_in("cleo", PASSWORD).status_code == 302
