"""Admin of declared collaborations: the pair in any order is stored in id order; one organisation twice is refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smartcluster.organisations.tests.factories import build_world
from smartcluster.stakeholders.models import Collaboration

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Any) -> Any:
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests-1"))
    return client


def test_the_admin_stores_a_reversed_pair_in_id_order_and_refuses_one_organisation_twice(admin_client: Any) -> None:
    world = build_world()
    url = reverse("admin:stakeholders_collaboration_add")
    data = {"kind": "supply", "since_year": "2020", "description": "", "declared_by": world.partner_a.pk}
    refused = admin_client.post(url, {**data, "first": world.org_a.pk, "second": world.org_a.pk}, secure=True)
    assert refused.status_code == 200 and "two different organisations" in refused.content.decode()
    assert not Collaboration.objects.exists()
    saved = admin_client.post(url, {**data, "first": world.candidate.pk, "second": world.org_a.pk}, secure=True)
    assert saved.status_code == 302
    collaboration = Collaboration.objects.get()
    assert (collaboration.first_id, collaboration.second_id) == (world.org_a.pk, world.candidate.pk)
    change = reverse("admin:stakeholders_collaboration_change", args=[collaboration.pk])
    assert admin_client.get(change, secure=True).status_code == 200
    assert "Agency A" in admin_client.get(reverse("admin:stakeholders_collaboration_changelist"),
                                          secure=True).content.decode()
