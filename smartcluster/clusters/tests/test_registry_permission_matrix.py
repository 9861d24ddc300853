"""Registry rows of the permission matrix: every role × every registry write on the Thessaly cluster (services,
then the API over real bearer tokens). Allowed writes succeed; refused ones raise PermissionDenied (403 through
the API, 401 anonymous) and leave every registry table exactly as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client

from smartcluster.clusters import services
from smartcluster.clusters.models import ClusterLabel, ClusterMember, ClusterService, InternationalAgreement
from smartcluster.clusters.tests.registry_world import RegistryWorld, build_registry, registry_dump
from smartcluster.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "viewer", "manager_b", "manager", "administrator"]
EDITORS = {"manager", "administrator"}  # of the Thessaly cluster organisation


def _writes(world: RegistryWorld) -> dict[str, Callable[[Any], Any]]:
    """Each registry write on the Thessaly cluster, as a call taking the user."""
    profile = world.thessaly
    member = ClusterMember.objects.create(
        profile=profile, member_type="sme", year_joined=2020,
        organisation=Organisation.objects.create(name="Member SME", type=OrganisationType.SME))
    service = ClusterService.objects.create(profile=profile, kind="networking", year=2022)
    label = ClusterLabel.objects.create(profile=profile, kind="national", level="bronze", year=2021)
    agreement = InternationalAgreement.objects.create(profile=profile, partner_name="P", country="DE", year=2020)
    young = Organisation.objects.create(name="Young Cluster", type=OrganisationType.CLUSTER)
    return {
        "profile create": lambda user: services.cluster_profile_create(user=user, organisation=young),
        "profile update": lambda user: services.cluster_profile_update(user=user, profile=profile,
                                                                       data={"founding_year": 2001}),
        "member add": lambda user: services.cluster_member_add(user=user, profile=profile,
                                                               organisation_name="New Member Ltd",
                                                               data={"member_type": "sme", "year_joined": 2021}),
        "member update": lambda user: services.cluster_member_update(user=user, member=member,
                                                                     data={"committed": False}),
        "member remove": lambda user: services.cluster_member_remove(user=user, member=member),
        "counts save": lambda user: services.member_counts_save(user=user, profile=profile, year=2021,
                                                                counts={"sme": 4}),
        "service save": lambda user: services.cluster_service_save(user=user, profile=profile, service=service,
                                                                   data={"members_served": 3}),
        "service delete": lambda user: services.cluster_service_delete(user=user, service=service),
        "label save": lambda user: services.cluster_label_save(user=user, profile=profile,
                                                               data={"kind": "regional", "level": "gold",
                                                                     "year": 2023}),
        "label delete": lambda user: services.cluster_label_delete(user=user, label=label),
        "agreement save": lambda user: services.international_agreement_save(
            user=user, profile=profile, agreement=agreement, data={"subject": "robots"}),
        "agreement delete": lambda user: services.international_agreement_delete(user=user, agreement=agreement),
    }


WRITES = ["profile create", "profile update", "member add", "member update", "member remove", "counts save",
          "service save", "service delete", "label save", "label delete", "agreement save", "agreement delete"]


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("role", ROLES)
def test_registry_writes_follow_the_matrix(role: str, write: str) -> None:
    world = build_registry()
    call = _writes(world)[write]
    user = AnonymousUser() if role == "anonymous" else world.users[role]
    # Creating the young cluster's profile is for its own editors (none here) and administrators.
    allowed = role == "administrator" if write == "profile create" else role in EDITORS
    before = registry_dump()
    if allowed:
        call(user)
        assert registry_dump() != before
    else:
        with pytest.raises(PermissionDenied):
            call(user)
        assert registry_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_api_profile_update_follows_the_matrix(role: str) -> None:
    world = build_registry()
    headers = {} if role == "anonymous" else {"HTTP_AUTHORIZATION": f"Bearer {world.tokens[role]}"}
    before = registry_dump()
    answer = Client().patch(f"/api/clusters/profiles/{world.thessaly.pk}", json.dumps({"founding_year": 2001}),
                            content_type="application/json", secure=True, **headers)
    if role in EDITORS:
        assert answer.status_code == 200 and registry_dump() != before
    else:
        assert answer.status_code == (401 if role == "anonymous" else 403)
        assert registry_dump() == before
