"""Registry writes and reads: profiles only for cluster organisations, categories from the mapping taxonomies,
members found or created (never copied), counts by year and type, the ECCP check with translated reasons, the
filters of the list, and a cluster manager changing only its own cluster."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import ClusterLabel, ClusterMember, ClusterProfile, MemberCount
from smartcluster.clusters.tests.registry_world import (
    RegistryWorld,
    add_members,
    build_registry,
    region,
    registry_dump,
)
from smartcluster.organisations.models import Organisation, OrganisationType, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> RegistryWorld:
    return build_registry()


def test_a_profile_is_refused_for_an_organisation_that_is_not_a_cluster_naming_the_field(world: RegistryWorld) -> None:
    sme = Organisation.objects.create(name="Plain SME", type=OrganisationType.SME)
    with pytest.raises(ValidationError) as refused:
        services.cluster_profile_create(user=world.users["administrator"], organisation=sme)
    assert "organisation" in refused.value.message_dict
    assert "only an organisation of type" in refused.value.message_dict["organisation"][0]
    assert not ClusterProfile.objects.filter(organisation=sme).exists()


def test_one_profile_per_organisation(world: RegistryWorld) -> None:
    with pytest.raises(ValidationError, match="already has a cluster profile"):
        services.cluster_profile_create(user=world.users["administrator"], organisation=world.thessaly.organisation)


def test_an_editor_of_a_cluster_organisation_creates_its_profile_but_not_another_ones(world: RegistryWorld) -> None:
    new = Organisation.objects.create(name="New Cluster", type=OrganisationType.CLUSTER)
    with pytest.raises(PermissionDenied):
        services.cluster_profile_create(user=world.users["manager"], organisation=new)
    profile = services.cluster_profile_create(user=world.users["administrator"], organisation=new,
                                              data={"legal_form": "association"})
    assert profile.legal_form == "association"


def test_profile_update_keeps_categories_of_the_taxonomies_and_sets_the_organisations_own_tags(
        world: RegistryWorld) -> None:
    contact = Person.objects.create(name="Eleni", organisation=world.thessaly.organisation, consent_to_list=True)
    profile = services.cluster_profile_update(
        user=world.users["manager"], profile=world.thessaly,
        data={"founding_year": 2012, "management_fte": "1.5", "eccp_profile_url": "https://example.org/eccp"},
        categories=[("cluster_categories", "22"), ("smart_industry_40", "technology_providers")],
        technology_tags=["Robotics", "IoT", "robotics"], regions_served=[region("EL6", 1)], contacts=[contact])
    assert sorted((c.taxonomy, c.category) for c in profile.categories.all()) == [
        ("cluster_categories", "22"), ("smart_industry_40", "technology_providers")]
    assert [tag.name for tag in world.thessaly.organisation.technology_tags.order_by("name")] == ["IoT", "Robotics"]
    assert [r.code for r in profile.regions_served.all()] == ["EL6"]
    assert list(profile.contacts.all()) == [contact]
    services.cluster_profile_update(user=world.users["manager"], profile=profile,
                                    categories=[("cluster_categories", "22")])
    assert [(c.taxonomy, c.category) for c in profile.categories.all()] == [("cluster_categories", "22")]


def test_an_unknown_category_key_is_refused_naming_categories_and_nothing_changes(world: RegistryWorld) -> None:
    before = registry_dump()
    with pytest.raises(ValidationError) as refused:
        services.cluster_profile_update(user=world.users["manager"], profile=world.thessaly,
                                        data={"founding_year": 2001},
                                        categories=[("cluster_categories", "22"), ("cluster_categories", "999")])
    assert "“999” is not a category" in refused.value.message_dict["categories"][0]
    assert registry_dump() == before


def test_a_contact_of_another_organisation_is_refused(world: RegistryWorld) -> None:
    stranger = Person.objects.create(name="Pablo", organisation=world.murcia.organisation)
    with pytest.raises(ValidationError) as refused:
        services.cluster_profile_update(user=world.users["manager"], profile=world.thessaly, contacts=[stranger])
    assert "Pablo" in refused.value.message_dict["contacts"][0]


def test_a_manager_changes_only_its_own_cluster_and_a_refusal_changes_nothing(world: RegistryWorld) -> None:
    before = registry_dump()
    for call in [
        lambda: services.cluster_profile_update(user=world.users["manager"], profile=world.murcia,
                                                data={"founding_year": 1999}),
        lambda: services.cluster_member_add(user=world.users["manager"], profile=world.murcia,
                                            organisation_name="Intruder Ltd", data={"member_type": "sme",
                                                                                    "year_joined": 2020}),
        lambda: services.cluster_label_save(user=world.users["manager"], profile=world.murcia,
                                            data={"kind": "national", "level": "gold", "year": 2020}),
        lambda: services.member_counts_save(user=world.users["viewer"], profile=world.thessaly, year=2020,
                                            counts={"sme": 3}),
        lambda: services.cluster_profile_update(user=world.users["outsider"], profile=world.thessaly,
                                                data={"founding_year": 1999}),
    ]:
        with pytest.raises(PermissionDenied):
            call()
    assert registry_dump() == before


def test_a_member_named_is_the_existing_published_organisation_never_a_copy(world: RegistryWorld) -> None:
    existing = Organisation.objects.create(name="Olive Robotics", type=OrganisationType.SME)
    member = services.cluster_member_add(user=world.users["manager"], profile=world.thessaly,
                                         organisation_name="olive robotics ",
                                         data={"member_type": "sme", "year_joined": 2019})
    assert member.organisation == existing
    assert Organisation.objects.filter(name__iexact="olive robotics").count() == 1
    with pytest.raises(ValidationError, match="already a member"):
        services.cluster_member_add(user=world.users["manager"], profile=world.thessaly,
                                    organisation_name="Olive Robotics",
                                    data={"member_type": "sme", "year_joined": 2019})


def test_a_new_member_organisation_is_created_unpublished_with_the_type_of_its_membership(
        world: RegistryWorld) -> None:
    member = services.cluster_member_add(user=world.users["manager"], profile=world.thessaly,
                                         organisation_name="University of Thessaly",
                                         organisation_fields={"region": region("EL61")},
                                         data={"member_type": "research_education", "year_joined": 2015})
    assert member.organisation.type == OrganisationType.RESEARCH
    assert member.organisation.is_published is False
    assert member.organisation.region.code == "EL61"


def test_an_unpublished_organisation_the_manager_does_not_belong_to_is_not_linked(world: RegistryWorld) -> None:
    Organisation.objects.create(name="Hidden Ltd", type=OrganisationType.SME, is_published=False)
    before = registry_dump()
    with pytest.raises(ValidationError) as refused:
        services.cluster_member_add(user=world.users["manager"], profile=world.thessaly,
                                    organisation_name="Hidden Ltd", data={"member_type": "sme", "year_joined": 2020})
    assert "organisation" in refused.value.message_dict
    assert registry_dump() == before


def test_member_update_and_remove(world: RegistryWorld) -> None:
    add_members(world.thessaly, 1)
    member = world.thessaly.members.get()
    services.cluster_member_update(user=world.users["manager"], member=member, data={"year_left": 2023})
    assert ClusterMember.objects.get(pk=member.pk).year_left == 2023
    with pytest.raises(ValidationError) as refused:
        services.cluster_member_update(user=world.users["manager"], member=member, data={"year_left": 2000})
    assert refused.value.message_dict  # leaving before joining breaks a constraint
    with pytest.raises(PermissionDenied):
        services.cluster_member_remove(user=world.users["manager_b"], member=member)
    services.cluster_member_remove(user=world.users["manager"], member=member)
    assert not ClusterMember.objects.filter(pk=member.pk).exists()


def test_member_counts_from_the_list_count_the_members_at_31_december_of_the_year(
        world: RegistryWorld) -> None:
    add_members(world.thessaly, 2, member_type="sme", year=2018)
    add_members(world.thessaly, 1, member_type="public", year=2022)
    smes = list(ClusterMember.objects.filter(member_type="sme").order_by("pk"))
    ClusterMember.objects.filter(pk=smes[0].pk).update(year_left=2020)
    ClusterMember.objects.filter(pk=smes[1].pk).update(year_left=2021)
    assert selectors.cluster_member_counts(world.thessaly, 2019)["sme"] == 2
    assert selectors.cluster_member_counts(world.thessaly, 2020)["sme"] == 1  # the one who left in 2020 is gone
    assert selectors.cluster_member_counts(world.thessaly, 2021) == {
        "sme": 0, "large_firm": 0, "research_education": 0, "public": 0, "other": 0}
    assert selectors.cluster_member_counts(world.thessaly, 2022)["public"] == 1


def test_member_counts_without_a_list_come_from_the_counts_of_the_year(world: RegistryWorld) -> None:
    ClusterProfile.objects.filter(pk=world.murcia.pk).update(keeps_member_list=False)
    murcia = ClusterProfile.objects.get(pk=world.murcia.pk)
    services.member_counts_save(user=world.users["manager_b"], profile=murcia, year=2023,
                                counts={"sme": 20, "research_education": 3})
    services.member_counts_save(user=world.users["manager_b"], profile=murcia, year=2023, counts={"sme": 21})
    assert selectors.cluster_member_counts(murcia, 2023)["sme"] == 21
    assert selectors.cluster_member_counts(murcia, 2023)["research_education"] == 0
    assert selectors.cluster_member_counts(murcia, 2022)["sme"] == 0
    with pytest.raises(ValidationError) as refused:
        services.member_counts_save(user=world.users["manager_b"], profile=murcia, year=2023, counts={"sme": -1})
    assert "counts.sme" in refused.value.message_dict
    assert MemberCount.objects.get(profile=murcia, year=2023).count == 21


def test_eccp_a_cluster_with_14_members_fails_at_least_15_committed_members_with_that_message(
        world: RegistryWorld) -> None:
    add_members(world.thessaly, 10, member_type="sme")
    add_members(world.thessaly, 4, member_type="research_education")
    checks = {check.key: check for check in selectors.cluster_eccp_checks(world.thessaly)}
    committed = checks["committed_members"]
    assert committed.criterion == "≥ 15 committed members"
    assert committed.met is False
    assert committed.reason == "committed members: 14; at least 15 required"
    assert checks["management_fte"].met and checks["website"].met and checks["member_types"].met
    add_members(world.thessaly, 1, member_type="large_firm")
    checks = {check.key: check for check in selectors.cluster_eccp_checks(world.thessaly)}
    assert checks["committed_members"].met is True
    assert checks["committed_members"].reason == "committed members: 15 (at least 15 required)"


def test_eccp_reasons_are_translated(world: RegistryWorld) -> None:
    Organisation.objects.filter(pk=world.thessaly.organisation_id).update(website="")
    world.thessaly.refresh_from_db()
    with translation.override("de"):
        checks = {check.key: check for check in selectors.cluster_eccp_checks(world.thessaly)}
        german = translation.gettext("no website given")
    assert checks["website"].met is False
    assert german != "no website given"  # the German catalogue holds it
    assert checks["website"].reason == german


def test_labels_services_and_agreements_are_saved_and_checked(world: RegistryWorld) -> None:
    manager = world.users["manager"]
    label = services.cluster_label_save(user=manager, profile=world.thessaly,
                                        data={"kind": "cluster_management", "level": "silver", "year": 2022})
    services.cluster_label_save(user=manager, profile=world.thessaly, label=label, data={"level": "gold"})
    assert ClusterLabel.objects.get(pk=label.pk).level == "gold"
    with pytest.raises(ValidationError) as refused:
        services.cluster_label_save(user=manager, profile=world.thessaly, data={"kind": "x", "level": "gold",
                                                                                  "year": 2022})
    assert "kind" in refused.value.message_dict
    service = services.cluster_service_save(user=manager, profile=world.thessaly,
                                            data={"kind": "networking", "year": 2023, "members_served": 12})
    assert service.members_served == 12
    with pytest.raises(ValidationError):
        services.cluster_service_save(user=manager, profile=world.thessaly, data={"kind": "networking",
                                                                                   "year": 2023})
    agreement = services.international_agreement_save(user=manager, profile=world.thessaly, data={
        "partner_name": "Bavarian Robotics", "country": "de", "year": 2021})
    assert agreement.country == "DE"
    with pytest.raises(PermissionDenied):
        services.international_agreement_delete(user=world.users["manager_b"], agreement=agreement)
    with pytest.raises(PermissionDenied):  # a row of another cluster cannot be moved under one's own
        services.cluster_label_save(user=world.users["manager_b"], profile=world.murcia, label=label,
                                    data={"level": "bronze"})


def test_list_filters_by_region_prefix_category_technology_size_label_and_words(world: RegistryWorld) -> None:
    admin = world.users["administrator"]
    services.cluster_profile_update(user=admin, profile=world.thessaly, categories=[("cluster_categories", "22")],
                                    technology_tags=["Robotics"])
    services.cluster_label_save(user=admin, profile=world.murcia, data={"kind": "national", "level": "gold",
                                                                         "year": 2022})
    add_members(world.murcia, 16)

    def names(**filters: str) -> list[str]:
        return [p.organisation.name for p in selectors.cluster_profile_list(user=admin, **filters)]

    assert names(region="EL") == ["Thessaly Cluster"]
    assert names(region="es62") == ["Murcia Cluster"]
    assert names(category="22") == ["Thessaly Cluster"]
    assert names(technology="robotics") == ["Thessaly Cluster"]
    assert names(size="medium") == ["Murcia Cluster"]
    assert names(size="small") == ["Thessaly Cluster"]
    assert names(label_kind="national", label_level="gold") == ["Murcia Cluster"]
    assert names(search="thessaly") == ["Thessaly Cluster"]


def test_anonymous_reads_published_profiles_only(world: RegistryWorld) -> None:
    from django.contrib.auth.models import AnonymousUser

    ClusterProfile.objects.filter(pk=world.murcia.pk).update(is_published=False)
    assert [p.pk for p in selectors.cluster_profile_list(user=AnonymousUser())] == [world.thessaly.pk]
    assert {p.pk for p in selectors.cluster_profile_list(user=world.users["manager_b"])} == {
        world.thessaly.pk, world.murcia.pk}


def test_profiles_in_a_region_by_organisation_region_regions_served_and_containing_codes(
        world: RegistryWorld) -> None:
    admin = world.users["administrator"]
    services.cluster_profile_update(user=admin, profile=world.murcia, regions_served=[region("EL")])
    assert [p.organisation.name for p in selectors.cluster_profiles_in_region(user=admin, code="EL61")] == [
        "Murcia Cluster", "Thessaly Cluster"]
    assert [p.organisation.name for p in selectors.cluster_profiles_in_region(user=admin, code="ES")] == [
        "Murcia Cluster"]
    assert selectors.cluster_region_counts(user=admin) == {"EL61": 1, "ES62": 1}


def test_the_trusted_loaders_create_then_update_in_place(world: RegistryWorld) -> None:
    young = Organisation.objects.create(name="Demo Cluster", type=OrganisationType.CLUSTER)
    profile = services.cluster_profile_load(organisation=young, data={"founding_year": 2015},
                                            categories=[("cluster_categories", "22")])
    assert services.cluster_profile_load(organisation=young, data={"founding_year": 2016}).pk == profile.pk
    sme = Organisation.objects.create(name="Demo SME", type=OrganisationType.SME)
    services.cluster_member_load(profile=profile, organisation=sme, data={"member_type": "sme", "year_joined": 2016})
    services.cluster_member_load(profile=profile, organisation=sme, data={"member_type": "sme", "year_joined": 2017})
    assert list(profile.members.values_list("year_joined", flat=True)) == [2017]
    for _ in range(2):
        services.cluster_row_load(profile=profile, kind="services", data={"kind": "skills", "year": 2024})
        services.cluster_row_load(profile=profile, kind="labels", data={"kind": "national", "level": "gold",
                                                                        "year": 2023})
        services.cluster_row_load(profile=profile, kind="agreements", data={"partner_name": "P", "country": "DE",
                                                                            "year": 2022})
    assert (profile.services.count(), profile.labels.count(), profile.agreements.count()) == (1, 1, 1)
    services.member_counts_load(profile=profile, year=2024, counts={"sme": 3})
    assert selectors.cluster_member_counts(profile, 2024)["sme"] == 1  # a listed cluster counts its list, not 3
    with pytest.raises(ValidationError):
        services.cluster_profile_load(organisation=Organisation.objects.create(name="Not a cluster", type="sme"))
