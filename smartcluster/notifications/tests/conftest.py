"""Two users with addresses and a registered kind of notification, as any sending app would have."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from smartcluster.notifications import kinds

PASSWORD = "a-long-test-password-42"
GREETING = "tests.greeting"
DIGEST = "tests.digest"


def make_user(username: str, *, email: bool = True) -> Any:
    return get_user_model().objects.create_user(username=username, password=PASSWORD,
                                                email=f"{username}@example.org" if email else "")


@pytest.fixture
def registered_kinds(monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Two kinds registered for this test only (the registry is the process's)."""
    monkeypatch.setitem(kinds.KINDS, GREETING, "Greetings")
    monkeypatch.setitem(kinds.KINDS, DIGEST, "Weekly digests")
    return GREETING, DIGEST


@pytest.fixture
def ana(db: None) -> Any:
    return make_user("ana")


@pytest.fixture
def ben(db: None) -> Any:
    return make_user("ben")
