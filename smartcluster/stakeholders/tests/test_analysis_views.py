"""Analysis pages: who reads which project's analysis."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import build_world

pytestmark = pytest.mark.django_db


def test_analysis_index_lists_the_project_for_its_partners_and_nothing_for_anonymous_users() -> None:
    world = build_world()
    client = Client()
    client.force_login(world.users["editor_b"])
    assert "Clusters in Smart Industry" in client.get(reverse("stakeholders:analysis_index")).content.decode()
    anonymous = Client().get(reverse("stakeholders:analysis_index")).content.decode()
    assert "Clusters in Smart Industry" not in anonymous
