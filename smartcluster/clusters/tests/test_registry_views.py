"""Registry pages: the searchable list (htmx partial), the map, the public profile (ECCP reasons, consenting
contacts only, members of unpublished organisations counted not named), the manager's edit pages posted with
CSRF enforced, and refusals that leave the database unchanged."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from smartcluster.clusters.models import (
    ClusterLabel,
    ClusterMember,
    ClusterProfile,
    ClusterService,
    Evaluation,
)
from smartcluster.clusters.services import criteria_set_default_ensure
from smartcluster.clusters.tests.registry_world import (
    RegistryWorld,
    add_members,
    build_registry,
    region,
    registry_dump,
)
from smartcluster.clusters.tests.test_registry_import import GOOD, workbook
from smartcluster.organisations.models import Organisation, OrganisationType, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> RegistryWorld:
    return build_registry()


def signed_in(user: object) -> Client:
    """A client with CSRF checks on, signed in, holding the CSRF cookie."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("clusters:cluster_list"))
    return client


def post(client: Client, url: str, data: dict) -> object:
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_list_filters_and_answers_htmx_with_the_results_only(world: RegistryWorld) -> None:
    url = reverse("clusters:cluster_list")
    page = Client().get(url, {"region": "ES"})
    html = page.content.decode()
    assert page.status_code == 200 and "Murcia Cluster" in html and "Thessaly Cluster" not in html
    assert "<h1>" in html and 'hx-get="' in html
    partial = Client().get(url, {"q": "thessaly"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Thessaly Cluster" in partial and "<h1>" not in partial


def test_anonymous_reads_published_profiles_only(world: RegistryWorld) -> None:
    ClusterProfile.objects.filter(pk=world.murcia.pk).update(is_published=False)
    anonymous = Client()
    assert "Murcia Cluster" not in anonymous.get(reverse("clusters:cluster_list")).content.decode()
    assert anonymous.get(reverse("clusters:cluster_detail", args=[world.murcia.pk])).status_code == 404
    assert anonymous.get(reverse("clusters:cluster_detail", args=[world.thessaly.pk])).status_code == 200
    own = signed_in(world.users["manager_b"]).get(reverse("clusters:cluster_detail", args=[world.murcia.pk]))
    assert own.status_code == 200 and "not published" in own.content.decode()


def test_profile_page_shows_the_eccp_reason_of_14_members(world: RegistryWorld) -> None:
    add_members(world.thessaly, 14)
    html = Client().get(reverse("clusters:cluster_detail", args=[world.thessaly.pk])).content.decode()
    row = html.split('<tr data-key="committed_members">', 1)[1].split("</tr>", 1)[0]
    assert "≥ 15 committed members" in row and "not met" in row
    assert "committed members: 14; at least 15 required" in row


def test_profile_page_lists_consenting_contacts_and_counts_unpublished_members(world: RegistryWorld) -> None:
    listed = Person.objects.create(name="Eleni Listed", organisation=world.thessaly.organisation,
                                   consent_to_list=True)
    hidden = Person.objects.create(name="Nikos Private", organisation=world.thessaly.organisation)
    world.thessaly.contacts.set([listed, hidden])
    secret = Organisation.objects.create(name="Secret Member", type=OrganisationType.SME, is_published=False)
    ClusterMember.objects.create(profile=world.thessaly, organisation=secret, member_type="sme", year_joined=2020)
    add_members(world.thessaly, 1)
    html = Client().get(reverse("clusters:cluster_detail", args=[world.thessaly.pk])).content.decode()
    assert "Eleni Listed" in html and "Nikos Private" not in html
    assert "Secret Member" not in html and "and 1 member not listed publicly" in html
    manager_view = signed_in(world.users["manager"]).get(reverse("clusters:cluster_detail",
                                                                 args=[world.thessaly.pk])).content.decode()
    assert "Secret Member" in manager_view and "Nikos Private" in manager_view


def test_map_counts_clusters_per_region_and_serves_their_boundaries(world: RegistryWorld) -> None:
    from smartcluster.regions.models import Region

    Region.objects.filter(code="EL61").update(boundary={"type": "Polygon", "coordinates": [
        [[22, 39], [23, 39], [23, 40], [22, 39]]]})
    page = Client().get(reverse("clusters:cluster_map"))
    html = page.content.decode()
    assert page.status_code == 200 and "vendor/plotly.min.js" in html
    figure = json.loads(html.split('id="figure-clusters-map">', 1)[1].split("</script>", 1)[0])
    assert figure["data"][0]["locations"] == ["EL61", "ES62"] and figure["data"][0]["z"] == [1, 1]
    shapes = Client().get(reverse("clusters:cluster_map_boundaries")).json()
    assert [feature["id"] for feature in shapes["features"]] == ["EL61"]


def test_manager_edits_its_profile_with_csrf(world: RegistryWorld) -> None:
    client = signed_in(world.users["manager"])
    url = reverse("clusters:cluster_edit", args=[world.thessaly.pk])
    assert client.get(url).status_code == 200
    answer = post(client, url, {"legal_form": "association", "founding_year": "2011", "keeps_member_list": "on",
                                "management_fte": "1.25", "is_published": "on", "regions_version": "2021",
                                "categories": ["cluster_categories:22"], "technology_tags": "Robotics, IoT",
                                "regions_served": "EL61"})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    profile = ClusterProfile.objects.get(pk=world.thessaly.pk)
    assert (profile.founding_year, str(profile.management_fte)) == (2011, "1.25")
    assert [c.category for c in profile.categories.all()] == ["22"]
    assert [r.code for r in profile.regions_served.all()] == ["EL61"]


def test_a_post_without_csrf_token_is_refused(world: RegistryWorld) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["manager"])
    before = registry_dump()
    answer = client.post(reverse("clusters:cluster_edit", args=[world.thessaly.pk]), {"founding_year": "1999"})
    assert answer.status_code == 403 and registry_dump() == before


def test_a_manager_cannot_edit_another_cluster_by_any_page(world: RegistryWorld) -> None:
    label = ClusterLabel.objects.create(profile=world.murcia, kind="national", level="gold", year=2020)
    member = ClusterMember.objects.create(profile=world.murcia, member_type="sme", year_joined=2020,
                                          organisation=Organisation.objects.create(name="M SME", type="sme"))
    client = signed_in(world.users["manager"])
    before = registry_dump()
    murcia = world.murcia.pk
    attempts = [
        (reverse("clusters:cluster_edit", args=[murcia]), {"founding_year": "1999", "regions_version": "2021"}),
        (reverse("clusters:cluster_members", args=[murcia]), {"action": "member", "member-organisation_name": "X",
                                                               "member-member_type": "sme",
                                                               "member-year_joined": "2020"}),
        (reverse("clusters:cluster_member_delete", args=[murcia, member.pk]), {}),
        (reverse("clusters:cluster_rows", args=[murcia, "labels"]), {"kind": "national", "level": "gold",
                                                                    "year": "2021"}),
        (reverse("clusters:cluster_row_delete", args=[murcia, "labels", label.pk]), {}),
        # a row of another cluster under one's own profile is not found either
        (reverse("clusters:cluster_row_delete", args=[world.thessaly.pk, "labels", label.pk]), {}),
    ]
    for url, data in attempts:
        assert post(client, url, data).status_code in (403, 404), url
    assert registry_dump() == before


def test_manager_adds_members_counts_services_labels_and_agreements(world: RegistryWorld) -> None:
    client = signed_in(world.users["manager"])
    pk = world.thessaly.pk
    members = reverse("clusters:cluster_members", args=[pk])
    assert post(client, members, {"action": "member", "member-organisation_name": "Olive Robotics",
                                  "member-member_type": "sme", "member-year_joined": "2019",
                                  "member-committed": "on"}).status_code == 302
    assert world.thessaly.members.get().organisation.name == "Olive Robotics"
    assert post(client, members, {"action": "counts", "counts-year": "2022", "counts-count_sme": "30",
                                  "counts-count_public": "2"}).status_code == 302
    assert dict(world.thessaly.member_counts.values_list("member_type", "count")) == {"sme": 30, "public": 2}
    assert post(client, reverse("clusters:cluster_rows", args=[pk, "services"]),
                {"kind": "networking", "year": "2023", "members_served": "12"}).status_code == 302
    assert post(client, reverse("clusters:cluster_rows", args=[pk, "labels"]),
                {"kind": "national", "level": "silver", "year": "2021"}).status_code == 302
    assert post(client, reverse("clusters:cluster_rows", args=[pk, "agreements"]),
                {"partner_name": "Bavaria Robotics", "country": "DE", "year": "2020"}).status_code == 302
    service = ClusterService.objects.get(profile=world.thessaly)
    again = post(client, reverse("clusters:cluster_rows", args=[pk, "services"]),
                 {"kind": "networking", "year": "2023"})
    assert again.status_code == 200 and "already exists" in again.content.decode()
    assert post(client, reverse("clusters:cluster_row_edit", args=[pk, "services", service.pk]),
                {"kind": "networking", "year": "2023", "members_served": "15"}).status_code == 302
    assert ClusterService.objects.get(pk=service.pk).members_served == 15
    html = Client().get(reverse("clusters:cluster_detail", args=[pk])).content.decode()
    assert "Bavaria Robotics" in html and "Networking and matchmaking" in html


def test_create_profile_page_offers_only_clusters_the_user_edits(world: RegistryWorld) -> None:
    from smartcluster.accounts.models import Membership, MembershipRole

    new = Organisation.objects.create(name="Young Cluster", type=OrganisationType.CLUSTER)
    Membership.objects.create(user=world.users["manager"], organisation=new, role=MembershipRole.PARTNER_EDITOR)
    client = signed_in(world.users["manager"])
    page = client.get(reverse("clusters:cluster_create")).content.decode()
    assert "Young Cluster" in page and "Murcia Cluster" not in page and "Thessaly Cluster</option>" not in page
    answer = post(client, reverse("clusters:cluster_create"), {"organisation": world.murcia.organisation_id})
    assert answer.status_code == 200 and ClusterProfile.objects.count() == 2
    answer = post(client, reverse("clusters:cluster_create"), {"organisation": new.pk})
    assert answer.status_code == 302 and ClusterProfile.objects.filter(organisation=new).exists()
    assert signed_in(world.users["outsider"]).get(reverse("clusters:cluster_create")).status_code == 403


def test_import_page_lists_three_bad_cells_and_saves_nothing_then_imports_a_good_file(world: RegistryWorld) -> None:
    region("EL64")
    client = signed_in(world.users["manager"])
    url = reverse("clusters:registry_import")
    bad = {**GOOD, "profiles": [{**GOOD["profiles"][0], "founding_year": "long ago"}],
           "members": [{**GOOD["members"][0], "member_type": "friend"}],
           "labels": [{**GOOD["labels"][0], "level": "platinum"}]}
    before = registry_dump()
    page = post(client, url, {"file": SimpleUploadedFile("r.xlsx", workbook(**bad)), "sheet": "Profiles"})
    html = page.content.decode()
    assert page.status_code == 200 and "3 problems: nothing was saved" in html
    problems = html.split('id="problems"', 1)[1].split("</table>", 1)[0]
    assert problems.count("<tr>") == 4  # the header and three problems
    assert "Founding year" in problems and "Membership type" in problems and "platinum" in problems
    assert registry_dump() == before
    ok = post(client, url, {"file": SimpleUploadedFile("r.xlsx", workbook(**GOOD)), "sheet": "Profiles"})
    assert ok.status_code == 302 and world.thessaly.members.count() == 2
    download = Client().get(reverse("clusters:registry_export"), {"format": "csv", "sheet": "Members"})
    assert download["Content-Type"].startswith("text/csv") and b"Thessaly Cluster,Olive Robotics" in download.content
    assert Client().get(url).status_code == 302  # sign in first


def test_a_profile_links_its_funding_and_lists_only_the_evaluations_the_reader_may_see(world: RegistryWorld) -> None:
    criteria = criteria_set_default_ensure()
    Evaluation.objects.create(profile=world.thessaly, criteria=criteria, data_year=2024, status="accepted",
                              is_published=True, result={"percent": 82.5, "excellent": True})
    Evaluation.objects.create(profile=world.thessaly, criteria=criteria, data_year=2025)  # a draft
    page = Client().get(reverse("clusters:cluster_detail", args=[world.thessaly.pk])).content.decode()
    assert reverse("clusters:funding_detail", args=[world.thessaly.pk]) in page
    assert "82.5 %" in page and "2024" in page and "2025, on" not in page
