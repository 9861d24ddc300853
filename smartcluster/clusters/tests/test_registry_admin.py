"""Registry admin: list, add and change pages open; a profile for an organisation that is not a cluster, or a
category outside the mapping taxonomies, is refused naming the field."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.clusters.models import ClusterLabel, ClusterMember, ClusterProfile
from smartcluster.clusters.tests.registry_world import add_members, build_registry
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def root() -> Client:
    world = build_registry()
    add_members(world.thessaly, 1)
    ClusterLabel.objects.create(profile=world.thessaly, kind="national", level="gold", year=2020)
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize("model", [ClusterProfile, ClusterMember, ClusterLabel], ids=lambda m: m.__name__)
def test_admin_pages_open(root: Client, model: type) -> None:
    opts = model._meta
    record = model.objects.first()
    for name, args in [("changelist", []), ("change", [record.pk]), ("add", [])]:
        assert root.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args),
                        secure=True).status_code == 200


def _add_form(organisation: Organisation, category: str) -> dict[str, str]:
    data = {"organisation": str(organisation.pk), "keeps_member_list": "on", "is_published": "on",
            "legal_form": "", "eccp_profile_url": ""}
    for prefix, rows in [("categories", [("cluster_categories", category)]), ("members", []),
                         ("member_counts", []), ("services", []), ("labels", []), ("agreements", [])]:
        data.update({f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"})
        for number, (taxonomy, key) in enumerate(rows):
            data.update({f"{prefix}-{number}-taxonomy": taxonomy, f"{prefix}-{number}-category": key})
    return data


def test_admin_refuses_a_profile_of_a_non_cluster_and_an_unknown_category(root: Client) -> None:
    url = reverse("admin:clusters_clusterprofile_add")
    sme = Organisation.objects.create(name="An SME", type=OrganisationType.SME)
    page = root.post(url, _add_form(sme, "22"), secure=True)
    assert page.status_code == 200 and "is not of type cluster organisation" in page.content.decode()
    young = Organisation.objects.create(name="Young Cluster", type=OrganisationType.CLUSTER)
    page = root.post(url, _add_form(young, "999"), secure=True)
    assert page.status_code == 200 and "is not a category" in page.content.decode()
    assert not ClusterProfile.objects.filter(organisation__in=[sme, young]).exists()
    assert root.post(url, _add_form(young, "22"), secure=True).status_code == 302
    assert ClusterProfile.objects.get(organisation=young).categories.get().category == "22"
