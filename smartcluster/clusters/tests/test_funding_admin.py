"""Administrators keep funding records in the admin under the pages' rules: the shares' sum is refused with its
own message (not the database constraint's name), and a right record is saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.tests.funding_world import FundingWorld, build_funding_world, funding_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> FundingWorld:
    return build_funding_world()


def admin_client(world: FundingWorld) -> Client:
    user = world.users["administrator"]
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def post_data(world: FundingWorld, **overrides: Any) -> dict[str, Any]:
    data = {key: "" if value is None else value for key, value in funding_data(**overrides).items()}
    return {**data, "profile": world.alpha.pk, "year": 2024, "is_published": "on"}


def test_the_admin_refuses_shares_not_summing_to_100_with_the_sum(world: FundingWorld) -> None:
    response = admin_client(world).post(reverse("admin:clusters_fundingrecord_add"), post_data(world, eu_grants=0))
    html = response.content.decode()
    assert response.status_code == 200 and "The shares sum to 90 %" in html
    assert "cluster_funding_shares_sum_to_100" not in html
    assert not FundingRecord.objects.exists()


def test_the_admin_saves_a_right_record(world: FundingWorld) -> None:
    response = admin_client(world).post(reverse("admin:clusters_fundingrecord_add"), post_data(world))
    assert response.status_code == 302
    assert FundingRecord.objects.get().revenue == 100000
    assert admin_client(world).get(reverse("admin:clusters_fundingrecord_changelist")).status_code == 200
