"""The registry tests' world: the organisations app's roles (build_world) and a dump of every registry row."""

from __future__ import annotations

from typing import Any

from django.core import serializers
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import database_dump
from smartcluster.stakeholders.models import Stakeholder, StakeholderNote


def registry_dump() -> str:
    """Every row a registry write could touch (organisations, people, stakeholders, notes), to prove a refusal
    changed nothing."""
    rows = [serializers.serialize("json", model.objects.order_by("pk")) for model in (Stakeholder, StakeholderNote)]
    return "\n".join([database_dump(), *rows])


def signed_in(user: Any) -> Client:
    """A client with CSRF checks on, signed in (unless None), holding the CSRF cookie a page gave it."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    client.get(reverse("stakeholders:registry_index"))
    return client


def post(client: Client, url: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
    """A form post carrying the page's CSRF token, as a browser sends it."""
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)
