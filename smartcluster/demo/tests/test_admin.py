"""The administrators' button that removes the demo: a confirmation page, then one POST (CSRF-checked)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from smartcluster.demo.models import DemoRecord
from smartcluster.organisations.models import Organisation

pytestmark = pytest.mark.django_db
REMOVE = reverse("admin:demo_demorecord_remove")


@pytest.fixture
def loaded(setup: Callable) -> int:
    setup()
    return DemoRecord.objects.count()


def browser_of(user: object) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_an_administrator_confirms_then_removes_the_demo(loaded: int) -> None:
    admin = get_user_model().objects.create_superuser(username="root", password="a-long-password-42")
    client = browser_of(admin)
    listing = client.get(reverse("admin:demo_demorecord_changelist")).content.decode()
    assert REMOVE in listing
    page = client.get(REMOVE)
    assert page.status_code == 200 and "Organisations: 60" in page.content.decode()

    assert client.post(REMOVE).status_code == 403  # no CSRF token: refused, nothing removed
    assert DemoRecord.objects.count() == loaded

    response = client.post(REMOVE, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 302
    assert (DemoRecord.objects.count(), Organisation.objects.count()) == (0, 0)


def test_staff_who_are_no_administrators_cannot_remove_the_demo(loaded: int) -> None:
    staff = get_user_model().objects.create_user(username="staff", password="a-long-password-42", is_staff=True)
    client = browser_of(staff)
    client.get(reverse("admin:index"))
    response = client.post(REMOVE, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 403
    assert DemoRecord.objects.count() == loaded
