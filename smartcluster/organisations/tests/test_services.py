"""Business rules of organisations, people and partners, through the services and selectors."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.industries.models import Industry
from smartcluster.organisations import selectors, services
from smartcluster.organisations.models import (
    HELIX_ROLE_BY_TYPE,
    HelixRole,
    Organisation,
    OrganisationType,
    Partner,
    PartnerRole,
    Person,
    Tag,
)
from smartcluster.organisations.tests.factories import World, build_world, database_dump, make_user
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


@pytest.fixture
def admin(world: World):  # noqa: ANN201
    return world.users["administrator"]


def test_duplicate_organisation_name_is_refused_with_a_message_naming_it(admin) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as error:
        services.organisation_create(user=admin, data={"name": "  agency a ", "type": OrganisationType.SME})
    assert "“Agency A” already exists" in str(error.value.message_dict["name"])
    assert Organisation.objects.filter(name__iexact="agency a").count() == 1


def test_renaming_onto_another_organisations_name_is_refused(world: World, admin) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError, match="Authority B"):
        services.organisation_update(user=admin, organisation=world.org_a, data={"name": "AUTHORITY B"})
    world.org_a.refresh_from_db()
    assert world.org_a.name == "Agency A"


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (OrganisationType.SME, HelixRole.BUSINESS),
        (OrganisationType.CLUSTER, HelixRole.BUSINESS),
        (OrganisationType.UNIVERSITY, HelixRole.ACADEMIA),
        (OrganisationType.RESEARCH, HelixRole.ACADEMIA),
        (OrganisationType.PUBLIC_AUTHORITY, HelixRole.GOVERNMENT),
        (OrganisationType.DEVELOPMENT_AGENCY, HelixRole.GOVERNMENT),
        (OrganisationType.NGO, HelixRole.CIVIL_SOCIETY),
    ],
)
def test_helix_role_is_derived_from_the_type(admin, kind: str, role: str) -> None:  # noqa: ANN001
    organisation = services.organisation_create(user=admin, data={"name": f"A {kind}", "type": kind})
    assert organisation.helix_role == role
    assert list(selectors.organisation_list(user=None, helix_role=role).filter(pk=organisation.pk))


def test_every_organisation_type_has_a_helix_role() -> None:
    assert set(HELIX_ROLE_BY_TYPE) == set(OrganisationType.values)


def test_tags_are_created_once_and_reused_ignoring_case(world: World, admin) -> None:  # noqa: ANN001
    first = services.organisation_create(user=admin, data={"name": "Robotics SME", "type": "sme"},
                                         technology_tags=["Robotics", "IoT", " "])
    second = services.organisation_create(user=admin, data={"name": "Robotics Lab", "type": "research"},
                                          technology_tags=["robotics"])
    assert Tag.objects.filter(name__iexact="robotics").count() == 1
    assert {tag.name for tag in first.technology_tags.all()} == {"Robotics", "IoT"}
    assert list(selectors.organisation_list(user=None, tag="ROBOTICS").order_by("name")) == [second, first]


def test_unknown_field_is_refused(world: World, admin) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError, match="Unknown fields: colour"):
        services.organisation_update(user=admin, organisation=world.org_a, data={"colour": "red"})


def test_an_organisation_that_is_a_partner_cannot_be_deleted(world: World, admin) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError, match="partner of CSI"):
        services.organisation_delete(user=admin, organisation=world.org_a)
    assert Organisation.objects.filter(pk=world.org_a.pk).exists()


def test_unpublished_organisation_is_seen_by_its_members_and_administrators_only(world: World) -> None:
    services.organisation_update(user=world.users["editor_a"], organisation=world.org_a, data={"is_published": False})
    assert world.org_a not in selectors.organisation_list(user=AnonymousUser())
    assert world.org_a not in selectors.organisation_list(user=world.users["editor_b"])
    assert world.org_a in selectors.organisation_list(user=world.users["viewer"])
    assert world.org_a in selectors.organisation_list(user=world.users["administrator"])


def test_filters_by_country_region_and_nace_match_the_codes_below() -> None:
    thessalia = Region.objects.create(code="EL61", version=2021, level=2, country="EL", name="Θεσσαλία",
                                      name_latn="Thessalia")
    murcia = Region.objects.create(code="ES62", version=2021, level=2, country="ES", name="Región de Murcia")
    manufacturing = Industry.objects.create(code="C", eurostat_code="C", level=1, section="C", name="Manufacturing")
    machinery = Industry.objects.create(code="28", eurostat_code="C28", level=2, section="C", name="Machinery",
                                        parent=manufacturing)
    software = Industry.objects.create(code="J", eurostat_code="J", level=1, section="J", name="Information")
    larissa_sme = Organisation.objects.create(name="Larissa Machines", type="sme", region=thessalia, nace=machinery)
    murcia_sme = Organisation.objects.create(name="Murcia Soft", type="sme", region=murcia, nace=software)

    def names(**filters: str) -> list[str]:
        return [o.name for o in selectors.organisation_list(user=None, **filters)]

    assert names(country="el") == [larissa_sme.name]
    assert names(region="EL6") == [larissa_sme.name]
    assert names(nace="C") == [larissa_sme.name]
    assert names(nace="C28") == [larissa_sme.name]
    assert names(nace="J", search="soft") == [murcia_sme.name]
    assert names(type="university") == []


def test_consent_is_dated_when_given_and_the_date_cleared_when_withdrawn(world: World) -> None:
    editor = world.users["editor_a"]
    person = services.person_create(user=editor, data={"name": "Bo Berg", "organisation": world.org_a})
    assert person.consent_date is None
    person = services.person_update(user=editor, person=person, data={"consent_to_contact": True})
    given = person.consent_date
    assert given is not None
    person = services.person_update(user=editor, person=person, data={"role": "CEO"})
    assert person.consent_date == given
    person = services.person_update(user=editor, person=person, data={"consent_to_contact": False})
    assert person.consent_date is None


def test_the_public_sees_only_people_who_agreed_to_be_listed(world: World) -> None:
    unlisted = Person.objects.create(name="Una Unlisted", organisation=world.org_a)
    own = Person.objects.create(name="Ed Editor B", organisation=world.org_b, user=world.users["editor_b"])
    assert list(selectors.person_list(user=AnonymousUser())) == [world.person_a]
    assert unlisted in selectors.person_list(user=world.users["viewer"])  # a member of A
    assert unlisted not in selectors.person_list(user=world.users["editor_b"])
    assert own in selectors.person_list(user=world.users["editor_b"])  # everyone sees themself
    assert set(selectors.person_list(user=world.users["administrator"])) == {world.person_a, unlisted, own}


def test_a_person_can_export_and_erase_their_own_data(world: World) -> None:
    user = make_user("ana")
    Person.objects.filter(pk=world.person_a.pk).update(user=user, consent_to_contact=True)
    person = Person.objects.get(pk=world.person_a.pk)
    exported = selectors.person_export(person=person)
    assert exported["name"] == "Ana Alves"
    assert exported["email"] == "ana@example.org"
    assert exported["organisation"] == "Agency A"
    assert exported["user"] == "ana"

    services.person_erase(user=user, person=person)
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not Person.objects.filter(email="ana@example.org").exists()


def test_an_editor_cannot_move_a_person_into_another_partners_organisation(world: World) -> None:
    before = database_dump()
    with pytest.raises(PermissionDenied):
        services.person_update(user=world.users["editor_a"], person=world.person_a, data={"organisation": world.org_b})
    with pytest.raises(PermissionDenied):
        services.person_create(user=world.users["editor_a"], data={"name": "Forged", "organisation": world.org_b})
    assert database_dump() == before


def test_a_project_has_at_most_one_lead_partner_named_in_the_refusal(world: World, admin) -> None:  # noqa: ANN001
    services.partner_update(user=admin, partner=world.partner_a, data={"role": PartnerRole.LEAD})
    partner_b = Partner.objects.get(organisation=world.org_b)
    with pytest.raises(ValidationError, match="CSI already has a lead partner: Agency A"):
        services.partner_update(user=admin, partner=partner_b, data={"role": PartnerRole.LEAD})
    assert Partner.objects.get(pk=partner_b.pk).role == PartnerRole.PARTNER


def test_an_organisation_is_partner_of_a_project_once(world: World, admin) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError, match="Agency A is already a partner of CSI"):
        services.partner_create(user=admin, project=world.project, organisation=world.org_a)


def test_partner_editors_change_their_policy_instrument_and_regions_but_not_their_role(world: World) -> None:
    editor = world.users["editor_a"]
    region = Region.objects.create(code="EL61", version=2021, level=2, country="EL", name="Thessalia")
    partner = services.partner_update(user=editor, partner=world.partner_a,
                                      data={"policy_instrument": "ROP Thessaly 2021-2027"}, regions=[region])
    assert partner.policy_instrument == "ROP Thessaly 2021-2027"
    assert list(partner.regions.all()) == [region]
    with pytest.raises(PermissionDenied):
        services.partner_update(user=editor, partner=world.partner_a, data={"role": PartnerRole.LEAD})
    assert Partner.objects.get(pk=world.partner_a.pk).role == PartnerRole.PARTNER


def test_partner_list_filters_by_project_role_and_country(world: World, admin) -> None:  # noqa: ANN001
    region = Region.objects.create(code="ES62", version=2021, level=2, country="ES", name="Región de Murcia")
    services.partner_update(user=admin, partner=world.partner_a, data={"role": PartnerRole.LEAD}, regions=[region])
    assert list(selectors.partner_list(user=None, role=PartnerRole.LEAD)) == [world.partner_a]
    assert list(selectors.partner_list(user=None, country="ES")) == [world.partner_a]
    assert selectors.partner_list(user=None, project_id=world.project.pk).count() == 2
