"""Interviews pages: who reads which partner's interviews, the forms posted with CSRF enforced."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import build_world

pytestmark = pytest.mark.django_db


def test_interview_index_lists_only_the_readers_own_partners_with_what_is_missing() -> None:
    world = build_world()
    client = Client()
    client.force_login(world.users["viewer"])
    page = client.get(reverse("stakeholders:interview_index")).content.decode()
    assert "Agency A" in page and "Authority B" not in page
    assert "2 more SMEs" in page and "2 more universities" in page
    anonymous = Client().get(reverse("stakeholders:interview_index")).content.decode()
    assert "Agency A" not in anonymous
