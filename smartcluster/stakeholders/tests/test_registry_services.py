"""Registry services: links to the shared organisations and people (never copies), checked scores and topics,
rights, and the trusted loaders."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.organisations.models import Organisation, OrganisationType, Person
from smartcluster.organisations.tests.factories import build_world
from smartcluster.stakeholders import services
from smartcluster.stakeholders.models import Stakeholder
from smartcluster.stakeholders.tests.registry_world import registry_dump

pytestmark = pytest.mark.django_db


def test_organisation_key_ignores_accents_case_punctuation_and_spacing() -> None:
    assert services.organisation_key("  Café-Nord   S.A. ") == "cafe nord sa" == services.organisation_key(
        "CAFE nord, SA")
    assert services.website_host("https://www.Acme.eu/en") == "acme.eu" == services.website_host("acme.eu")


def test_create_links_an_existing_organisation_by_name_and_the_contact_by_email_never_copying() -> None:
    world = build_world()
    uni = Organisation.objects.create(name="Université du Nord", type=OrganisationType.UNIVERSITY,
                                      website="https://www.unord.eu")
    known = Person.objects.create(name="Nora Nord", email="nora@unord.eu", organisation=uni)
    organisations, people = Organisation.objects.count(), Person.objects.count()
    stakeholder = services.stakeholder_create(
        user=world.users["editor_a"], partner=world.partner_a, organisation_name="universite du nord",
        person_name="Nora N.", person_email="NORA@unord.eu", data={"interest": 5, "influence": 2,
                                                                   "topics": "Barriers; green business; barriers"})
    assert (stakeholder.organisation, stakeholder.person) == (uni, known)
    assert stakeholder.topics == ["Barriers", "green business"]
    assert (Organisation.objects.count(), Person.objects.count()) == (organisations, people)


def test_create_links_by_website_host_or_creates_an_unpublished_organisation_of_the_given_type() -> None:
    world = build_world()
    uni = Organisation.objects.create(name="Université du Nord", type=OrganisationType.UNIVERSITY,
                                      website="https://www.unord.eu")
    linked = services.stakeholder_create(user=world.users["editor_a"], partner=world.partner_a,
                                         organisation_name="UNORD", organisation_fields={"website": "http://unord.eu"},
                                         data={})
    assert linked.organisation == uni
    created = services.stakeholder_create(user=world.users["editor_a"], partner=world.partner_a,
                                          organisation_name="Solar Start", organisation_fields={"type": "sme"},
                                          data={})
    assert created.organisation.type == "sme" and created.organisation.is_published is False


def test_refusals_name_the_field_and_change_nothing() -> None:
    world = build_world()
    cases = [({"interest": 6}, "interest"), ({"influence": 0}, "influence"), ({"topics": ["x" * 61]}, "topics"),
             ({"partner_contact": Person.objects.create(name="B", email="b@b.org", organisation=world.org_b)},
              "partner_contact")]
    before = registry_dump()
    for data, field in cases:
        with pytest.raises(ValidationError) as refused:
            services.stakeholder_create(user=world.users["editor_a"], partner=world.partner_a,
                                        organisation=world.candidate, data=data)
        assert field in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.stakeholder_create(user=world.users["editor_a"], partner=world.partner_a,
                                    organisation_name="Brand New", data={})
    assert "type" in refused.value.message_dict
    assert registry_dump() == before


@pytest.mark.parametrize("role", ["anonymous", "viewer", "participant", "editor_b"])
def test_only_the_partners_editors_and_administrators_add_change_or_remove(role: str) -> None:
    world = build_world()
    stakeholder = services.stakeholder_load(partner=world.partner_a, organisation=world.candidate)
    user = world.users.get(role) or AnonymousUser()
    before = registry_dump()
    with pytest.raises(PermissionDenied):
        services.stakeholder_create(user=user, partner=world.partner_a, organisation=world.org_b, data={})
    with pytest.raises(PermissionDenied):
        services.stakeholder_update(user=user, stakeholder=stakeholder, data={"interest": 1})
    with pytest.raises(PermissionDenied):
        services.stakeholder_note_create(user=user, stakeholder=stakeholder, text="hello")
    with pytest.raises(PermissionDenied):
        services.stakeholder_delete(user=user, stakeholder=stakeholder)
    assert registry_dump() == before


def test_an_organisation_is_in_a_registry_once_and_a_removal_keeps_the_organisation() -> None:
    world = build_world()
    editor = world.users["editor_a"]
    stakeholder = services.stakeholder_create(user=editor, partner=world.partner_a, organisation=world.candidate,
                                              data={})
    with pytest.raises(ValidationError, match="already in this registry"):
        services.stakeholder_create(user=editor, partner=world.partner_a, organisation_name="cluster c", data={})
    services.stakeholder_note_create(user=editor, stakeholder=stakeholder, text="Met at the fair")
    services.stakeholder_delete(user=world.users["administrator"], stakeholder=stakeholder)
    assert not Stakeholder.objects.exists() and Organisation.objects.filter(pk=world.candidate.pk).exists()


def test_loaders_check_like_the_pages() -> None:
    world = build_world()
    stakeholder = services.stakeholder_load(partner=world.partner_a, organisation=world.candidate, interest=4,
                                            influence=5, topics=["Skills"], person=world.person_a,
                                            partner_contact=world.person_a)
    note = services.stakeholder_note_load(stakeholder=stakeholder, text=" Keen on pilots ")
    assert (stakeholder.interest, stakeholder.influence, note.text) == (4, 5, "Keen on pilots")
    with pytest.raises(ValidationError):
        services.stakeholder_load(partner=world.partner_a, organisation=world.org_b, interest=9)
    with pytest.raises(ValidationError):
        services.stakeholder_note_load(stakeholder=stakeholder, text="  ")
