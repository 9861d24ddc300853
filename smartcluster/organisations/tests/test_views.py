"""Pages of organisations and people: search, pagination, consent on display, export, refusals explained."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.models import Organisation, Person
from smartcluster.organisations.tests.factories import World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def client_for(world: World, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def test_list_searches_filters_and_paginates(world: World) -> None:
    for number in range(30):
        Organisation.objects.create(name=f"Robotics SME {number:02d}", type="sme")
    client = Client()
    first = client.get(reverse("organisations:list"), {"q": "robotics", "type": "sme"}, secure=True)
    assert first.context["page"].paginator.count == 30
    assert len(first.context["page"].object_list) == 25
    assert "page=2" in first.content.decode() and "q=robotics" in first.content.decode()
    second = client.get(reverse("organisations:list"), {"q": "robotics", "type": "sme", "page": 2}, secure=True)
    assert [o.name for o in second.context["page"].object_list] == [f"Robotics SME {n}" for n in range(25, 30)]
    by_role = client.get(reverse("organisations:list"), {"helix_role": "academia"}, secure=True)
    assert by_role.context["page"].paginator.count == 0


def test_htmx_search_answers_only_the_results_table(world: World) -> None:
    response = Client().get(reverse("organisations:list"), {"q": "cluster"}, headers={"HX-Request": "true"},
                            secure=True)
    page = response.content.decode()
    assert "<html" not in page and "Cluster C" in page and "Agency A" not in page


def test_organisation_page_lists_people_by_consent(world: World) -> None:
    Person.objects.create(name="Una Unlisted", organisation=world.org_a)
    url = reverse("organisations:detail", args=[world.org_a.pk])
    public = client_for(world, "anonymous").get(url, secure=True).content.decode()
    assert "Ana Alves" in public and "Una Unlisted" not in public
    member = client_for(world, "viewer").get(url, secure=True).content.decode()
    assert "Una Unlisted" in member


def test_email_shows_only_with_consent_to_be_contacted_or_to_editors(world: World) -> None:
    url = reverse("organisations:person", args=[world.person_a.pk])
    assert "ana@example.org" not in client_for(world, "anonymous").get(url, secure=True).content.decode()
    assert "ana@example.org" in client_for(world, "editor_a").get(url, secure=True).content.decode()
    Person.objects.filter(pk=world.person_a.pk).update(consent_to_contact=True)
    assert "ana@example.org" in client_for(world, "anonymous").get(url, secure=True).content.decode()


def test_unlisted_person_page_is_not_found_for_the_public(world: World) -> None:
    unlisted = Person.objects.create(name="Una Unlisted", organisation=world.org_a)
    response = Client().get(reverse("organisations:person", args=[unlisted.pk]), secure=True)
    assert response.status_code == 404


def test_editor_downloads_a_persons_data_as_json(world: World) -> None:
    response = client_for(world, "editor_a").get(reverse("organisations:person_export", args=[world.person_a.pk]),
                                                 secure=True)
    assert response["Content-Disposition"] == f'attachment; filename="person-{world.person_a.pk}.json"'
    assert json.loads(response.content)["email"] == "ana@example.org"
    refused = client_for(world, "editor_b").get(reverse("organisations:person_export", args=[world.person_a.pk]),
                                                secure=True)
    assert refused.status_code == 403


def test_deleting_a_partner_organisation_explains_why_it_cannot(world: World) -> None:
    client = client_for(world, "administrator")
    response = client.post(reverse("organisations:delete", args=[world.org_a.pk]), follow=True, secure=True)
    assert "is a partner of CSI: remove it from the project first" in response.content.decode()
    assert Organisation.objects.filter(pk=world.org_a.pk).exists()


def test_half_filled_form_names_each_problem_and_saves_nothing(world: World) -> None:
    before = Organisation.objects.count()
    response = client_for(world, "administrator").post(
        reverse("organisations:create"),
        {"name": "", "type": "", "region_code": "EL99", "region_version": "2021", "nace_code": "ZZ"}, secure=True,
    )
    errors = response.context["form"].errors
    assert set(errors) == {"name", "type", "region_code", "nace_code"}
    assert "No NUTS 2021 region has the code EL99." in errors["region_code"]
    assert "No NACE Rev. 2 activity has the code ZZ." in errors["nace_code"]
    assert Organisation.objects.count() == before


def test_project_page_shows_partners_and_edit_links_only_for_own_partner(world: World) -> None:
    url = reverse("organisations:project", args=[world.project.pk])
    page = client_for(world, "editor_a").get(url, secure=True).content.decode()
    assert "Agency A" in page and "Authority B" in page
    assert reverse("organisations:partner_edit", args=[world.partner_a.pk]) in page
    assert page.count("/edit/") == 1  # not B's partner, not the project
