"""The JSON API of organisations: documented, authenticated by session or token, paginated, filtered."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from smartcluster.organisations.models import Organisation, Partner, Person
from smartcluster.organisations.tests.factories import World, build_world, database_dump

pytestmark = pytest.mark.django_db
BASE = "/api/organisations"


@pytest.fixture
def world() -> World:
    return build_world()


def bearer(world: World, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[role]}"}


def test_openapi_document_lists_the_endpoints_of_organisations_people_projects_and_partners() -> None:
    document = Client().get("/api/openapi.json", secure=True).json()
    paths = document["paths"]
    for path in ["organisations/", "organisations/{organisation_id}", "people/", "people/{person_id}/export",
                 "projects/", "projects/{project_id}", "partners/", "partners/{partner_id}"]:
        assert f"{BASE}/{path}" in paths
    parameters = {p["name"] for p in paths[f"{BASE}/organisations/"]["get"]["parameters"]}
    assert {"search", "type", "helix_role", "country", "region", "nace", "tag", "page", "page_size"} <= parameters
    assert {"post"} <= set(paths[f"{BASE}/organisations/"])


def test_lists_are_paginated(world: World) -> None:
    for number in range(7):
        Organisation.objects.create(name=f"SME {number:02d}", type="sme")
    first = Client().get(f"{BASE}/organisations/", {"type": "sme", "page_size": 5}, secure=True).json()
    second = Client().get(f"{BASE}/organisations/", {"type": "sme", "page_size": 5, "page": 2}, secure=True).json()
    assert first["count"] == 7
    assert [item["name"] for item in first["items"]] == [f"SME {n:02d}" for n in range(5)]
    assert [item["name"] for item in second["items"]] == ["SME 05", "SME 06"]


def test_organisation_filters_answer_only_matching_records(world: World) -> None:
    answer = Client().get(f"{BASE}/organisations/", {"helix_role": "government"}, secure=True).json()
    assert [item["name"] for item in answer["items"]] == ["Agency A", "Authority B", "Joint Secretariat"]
    assert answer["items"][0]["helix_role"] == "government"
    answer = Client().get(f"{BASE}/organisations/", {"search": "cluster"}, secure=True).json()
    assert [item["name"] for item in answer["items"]] == ["Cluster C"]


def test_partner_and_project_lists_filter(world: World) -> None:
    partners = Client().get(f"{BASE}/partners/", {"search": "agency"}, secure=True).json()
    assert [(p["organisation_name"], p["role"]) for p in partners["items"]] == [("Agency A", "partner")]
    projects = Client().get(f"{BASE}/projects/", {"programme": "interreg"}, secure=True).json()
    assert [p["acronym"] for p in projects["items"]] == ["CSI"]
    assert Client().get(f"{BASE}/projects/", {"search": "nothing"}, secure=True).json()["count"] == 0


def test_people_list_shows_the_public_only_listed_people_and_hides_emails_without_consent(world: World) -> None:
    Person.objects.create(name="Una Unlisted", organisation=world.org_a)
    public = Client().get(f"{BASE}/people/", secure=True).json()
    assert [(p["name"], p["email"]) for p in public["items"]] == [("Ana Alves", "")]
    member = Client().get(f"{BASE}/people/", {"organisation_id": world.org_a.pk},
                          headers=bearer(world, "viewer"), secure=True).json()
    assert [p["name"] for p in member["items"]] == ["Ana Alves", "Una Unlisted"]


def test_token_authentication_identifies_the_user_and_a_wrong_token_is_refused(world: World) -> None:
    payload = json.dumps({"description": "Regional development agency of region A."})
    url = f"{BASE}/organisations/{world.org_a.pk}"
    wrong = Client().patch(url, payload, content_type="application/json",
                           headers={"Authorization": "Bearer not-a-token"}, secure=True)
    assert wrong.status_code == 401
    right = Client().patch(url, payload, content_type="application/json", headers=bearer(world, "editor_a"),
                           secure=True)
    assert right.status_code == 200
    assert right.json()["description"] == "Regional development agency of region A."


def test_session_writes_without_csrf_token_are_refused(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["administrator"])
    before = database_dump()
    response = client.post(f"{BASE}/organisations/", json.dumps({"name": "Forged", "type": "sme"}),
                           content_type="application/json", secure=True)
    assert response.status_code == 403
    assert database_dump() == before


def test_forged_cross_partner_person_is_refused_and_changes_nothing(world: World) -> None:
    before = database_dump()
    response = Client().post(f"{BASE}/people/", json.dumps({"name": "Forged", "organisation_id": world.org_b.pk}),
                             content_type="application/json", headers=bearer(world, "editor_a"), secure=True)
    assert response.status_code == 403
    assert database_dump() == before


def test_bad_input_is_answered_with_a_message_naming_the_problem(world: World) -> None:
    headers = bearer(world, "administrator")
    duplicate = Client().post(f"{BASE}/organisations/", json.dumps({"name": "agency a", "type": "sme"}),
                              content_type="application/json", headers=headers, secure=True)
    assert duplicate.status_code == 400
    assert "“Agency A” already exists" in duplicate.json()["detail"]
    unknown_region = Client().post(
        f"{BASE}/organisations/", json.dumps({"name": "New", "type": "sme", "region": {"code": "XX99"}}),
        content_type="application/json", headers=headers, secure=True,
    )
    assert unknown_region.status_code == 400
    assert "No NUTS 2021 region has the code XX99" in unknown_region.json()["detail"]
    assert not Organisation.objects.filter(name="New").exists()


def test_person_export_gives_everything_held_to_those_who_may_change_the_person(world: World) -> None:
    url = f"{BASE}/people/{world.person_a.pk}/export"
    assert Client().get(url, headers=bearer(world, "editor_b"), secure=True).status_code == 403
    exported = Client().get(url, headers=bearer(world, "editor_a"), secure=True).json()
    assert exported["email"] == "ana@example.org"
    assert exported["consent_to_list"] is True


@pytest.mark.parametrize(("resource", "field"), [
    ("organisations", "name"), ("organisations", "description"), ("organisations", "type"),
    ("organisations", "size_class"), ("organisations", "website"), ("organisations", "is_published"),
    ("people", "name"), ("people", "role"), ("people", "email"), ("people", "consent_to_list"),
    ("projects", "name"), ("projects", "programme"), ("projects", "semesters"),
    ("partners", "policy_instrument"), ("partners", "role"),
])
def test_null_in_a_field_that_cannot_be_empty_is_refused_naming_it_and_changes_nothing(
    world: World, resource: str, field: str
) -> None:
    ids = {"organisations": world.org_a.pk, "people": world.person_a.pk, "projects": world.project.pk,
           "partners": world.partner_a.pk}
    before = database_dump()
    response = Client(enforce_csrf_checks=True).patch(
        f"{BASE}/{resource}/{ids[resource]}", json.dumps({field: None}), content_type="application/json",
        headers=bearer(world, "administrator"), secure=True,
    )
    assert response.status_code == 400, response.content
    assert response.json()["detail"].startswith(f"{field}: may not be null")
    assert database_dump() == before


def test_null_clears_a_field_that_may_be_empty(world: World) -> None:
    response = Client().patch(f"{BASE}/projects/{world.project.pk}", json.dumps({"start_date": None}),
                              content_type="application/json", headers=bearer(world, "administrator"), secure=True)
    assert response.status_code == 200 and response.json()["start_date"] is None


def test_every_refused_field_is_named_in_the_answer(world: World) -> None:
    response = Client().post(f"{BASE}/organisations/", json.dumps({"region": None, "website": "not a url"}),
                             content_type="application/json", headers=bearer(world, "administrator"), secure=True)
    assert response.status_code == 400
    problems = response.json()["detail"].split("; ")
    assert {problem.split(":")[0] for problem in problems} == {"name", "type", "website"}
    assert not Organisation.objects.filter(name="").exists()


def test_deleting_a_project_or_partner_whose_events_are_recorded_is_refused_naming_them_and_changes_nothing(
    world: World,
) -> None:
    from smartcluster.events.tests.calendar_factories import calendar_dump, make_event

    make_event(world)
    before = calendar_dump()
    headers = bearer(world, "administrator")
    for path in (f"projects/{world.project.pk}", f"partners/{world.partner_a.pk}"):
        response = Client().delete(f"{BASE}/{path}", headers=headers, secure=True)
        assert response.status_code == 400, path
        assert "is still used by other records (project events)" in response.json()["detail"]
    assert calendar_dump() == before


def test_a_project_without_recorded_life_is_deleted_with_its_partnerships(world: World) -> None:
    response = Client().delete(f"{BASE}/projects/{world.project.pk}", headers=bearer(world, "administrator"),
                               secure=True)
    assert response.status_code == 204
    assert not Partner.objects.filter(pk=world.partner_a.pk).exists()
    assert Organisation.objects.filter(pk=world.org_a.pk).exists()
