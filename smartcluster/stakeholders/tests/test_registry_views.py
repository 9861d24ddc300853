"""Registry pages: who reads which partner's registry, the stakeholder map, notes for the partner only, and the
forms posted as a browser does (CSRF enforced); a refusal changes nothing."""

from __future__ import annotations

import io
import json
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.organisations.models import Organisation, OrganisationType, Partner, Person
from smartcluster.organisations.tests.factories import build_world, make_user
from smartcluster.reports.tables import Table
from smartcluster.reports.tests.readable import xlsx_problems
from smartcluster.reports.workbooks import xlsx_bytes
from smartcluster.stakeholders import services
from smartcluster.stakeholders.models import Stakeholder, StakeholderNote
from smartcluster.stakeholders.tests.registry_world import post, registry_dump, signed_in

pytestmark = pytest.mark.django_db


def test_registry_index_counts_each_partners_stakeholders_by_helix_for_the_partnership_only() -> None:
    world = build_world()
    university = Organisation.objects.create(name="Uni U", type=OrganisationType.UNIVERSITY)
    ngo = Organisation.objects.create(name="Green NGO", type=OrganisationType.NGO)
    Stakeholder.objects.create(partner=world.partner_a, organisation=university)
    Stakeholder.objects.create(partner=world.partner_a, organisation=ngo)
    client = Client()
    client.force_login(world.users["editor_b"])
    page = client.get(reverse("stakeholders:registry_index")).content.decode()
    assert "Agency A" in page and "Authority B" in page
    row = page.split("Agency A", 1)[1].split("</tr>", 1)[0]
    assert [cell.split("</td>")[0] for cell in row.split("<td>")[1:]] == ["0", "1", "0", "1", "2"]
    anonymous = Client().get(reverse("stakeholders:registry_index")).content.decode()
    assert "Agency A" not in anonymous


def test_list_filters_and_draws_overlapping_points_apart_with_the_same_map_as_a_table() -> None:
    world = build_world()
    for name, kind in [("Uni U", OrganisationType.UNIVERSITY), ("SME S", OrganisationType.SME),
                       ("SME T", OrganisationType.SME)]:
        services.stakeholder_load(partner=world.partner_a, organisation=Organisation.objects.create(
            name=name, type=kind), interest=4, influence=4, topics=["Skills"] if kind == "sme" else [])
    client = Client()
    client.force_login(world.users["viewer"])
    url = reverse("stakeholders:registry_list", args=[world.partner_a.pk])
    page = client.get(url).content.decode()
    figure = json.loads(unescape(page.split('data-figure="', 1)[1].split('"', 1)[0]))
    places = [(x, y) for trace in figure["data"] for x, y in zip(trace["x"], trace["y"], strict=True)]
    assert len(set(places)) == 3 and all(abs(x - 4) < 0.5 and abs(y - 4) < 0.5 for x, y in places)
    assert sorted(trace["name"] for trace in figure["data"]) == ["Academia and research", "Business"]
    assert "Uni U, SME S, SME T" in page or "SME S, SME T, Uni U" in page  # the map's cell in the table
    filtered = client.get(url, {"helix": "business", "topic": "skills"}).content.decode()
    assert "SME S" in filtered and "Uni U" not in filtered.split("<tbody>", 1)[1].split("</tbody>", 1)[0]


def test_outsiders_and_anonymous_meet_404_on_a_registry_its_stakeholders_and_export() -> None:
    world = build_world()
    stakeholder = services.stakeholder_load(partner=world.partner_a, organisation=world.candidate)
    outsider_org = Organisation.objects.create(name="Outsider", type=OrganisationType.SME)
    outsider = signed_in(None)
    user = make_user("outsider")
    Membership.objects.create(user=user, organisation=outsider_org, role=MembershipRole.PARTNER_EDITOR)
    outsider.force_login(user)
    for client in (Client(), outsider):
        for url in (reverse("stakeholders:registry_list", args=[world.partner_a.pk]),
                    reverse("stakeholders:registry_export", args=[world.partner_a.pk]),
                    reverse("stakeholders:stakeholder_detail", args=[stakeholder.pk])):
            assert client.get(url).status_code == 404, url


def test_another_partner_reads_the_registry_but_not_the_notes_and_its_note_posts_meet_404() -> None:
    world = build_world()
    stakeholder = services.stakeholder_load(partner=world.partner_a, organisation=world.candidate)
    note = services.stakeholder_note_load(stakeholder=stakeholder, text="Private remark about the CEO")
    other = signed_in(world.users["editor_b"])
    detail = other.get(reverse("stakeholders:stakeholder_detail", args=[stakeholder.pk])).content.decode()
    assert "Cluster C" in detail and "Private remark" not in detail and "Notes" not in detail
    before = registry_dump()
    assert post(other, reverse("stakeholders:stakeholder_note_create", args=[stakeholder.pk]),
                {"text": "hi"}).status_code == 404
    assert post(other, reverse("stakeholders:stakeholder_note_delete", args=[note.pk])).status_code == 404
    assert post(signed_in(None), reverse("stakeholders:stakeholder_note_delete", args=[note.pk])).status_code == 302
    assert registry_dump() == before
    own = signed_in(world.users["viewer"])
    assert "Private remark" in own.get(reverse("stakeholders:stakeholder_detail", args=[stakeholder.pk])).content.decode()


def test_an_editor_adds_edits_notes_and_removes_a_stakeholder_with_the_pages_csrf_token() -> None:
    world = build_world()
    Person.objects.create(name="Paula Partner", email="paula@agency.example", organisation=world.org_a)
    client = signed_in(world.users["editor_a"])
    create_url = reverse("stakeholders:stakeholder_create", args=[world.partner_a.pk])
    client.get(create_url)
    response = post(client, create_url, {"organisation_name": "Solar Start", "type": "sme", "region_code": "",
                                         "person_name": "Sam Solar", "person_email": "sam@solar.example",
                                         "interest": "5", "influence": "2", "topics": "green business; skills"})
    stakeholder = Stakeholder.objects.get(organisation__name="Solar Start")
    assert response.status_code == 302 and stakeholder.person.email == "sam@solar.example"
    assert stakeholder.topics == ["green business", "skills"]
    edit_url = reverse("stakeholders:stakeholder_edit", args=[stakeholder.pk])
    assert post(client, edit_url, {"interest": "1", "influence": "1", "topics": "", "person_name": "",
                                   "person_email": "", "organisation_name": "Renamed?"}).status_code == 302
    stakeholder.refresh_from_db()
    assert (stakeholder.interest, stakeholder.organisation.name) == (1, "Solar Start")
    post(client, reverse("stakeholders:stakeholder_note_create", args=[stakeholder.pk]), {"text": "Call in May"})
    assert StakeholderNote.objects.get().text == "Call in May"
    assert post(client, reverse("stakeholders:stakeholder_delete", args=[stakeholder.pk])).status_code == 302
    assert not Stakeholder.objects.exists() and Organisation.objects.filter(name="Solar Start").exists()


def test_a_post_without_the_csrf_token_or_with_bad_data_changes_nothing() -> None:
    world = build_world()
    client = signed_in(world.users["editor_a"])
    url = reverse("stakeholders:stakeholder_create", args=[world.partner_a.pk])
    data = {"organisation_name": "Solar Start", "type": "sme", "interest": "3", "influence": "3"}
    before = registry_dump()
    assert client.post(url, data).status_code == 403
    page = post(client, url, {**data, "interest": "9", "region_code": "XX99"})
    assert page.status_code == 200 and "Select a valid choice" in page.content.decode()
    page = post(client, url, {**data, "region_code": "XX99"})
    assert "There is no NUTS region with this code." in page.content.decode()
    viewer = signed_in(world.users["viewer"])
    assert post(viewer, url, data).status_code == 403
    assert post(signed_in(world.users["editor_b"]), url, data).status_code == 403
    assert registry_dump() == before


def test_import_previews_which_rows_link_or_create_then_saves_on_confirmation() -> None:
    world = build_world()
    known = Organisation.objects.create(name="Greenworks", type=OrganisationType.SME, website="https://greenworks.eu")
    payload = xlsx_bytes([Table("Stakeholders", list(services.IMPORT_COLUMNS), [
        ["GREENWORKS", "", "", "", "", "", 4, 4, ""], ["Blue Uni", "university", "", "", "", "", 2, 5, ""]])])
    client = signed_in(world.users["editor_a"])
    url = reverse("stakeholders:registry_import", args=[world.partner_a.pk])
    client.get(url)
    preview = post(client, url, {"file": SimpleUploadedFile("list.xlsx", payload)}).content.decode()
    assert 'data-action="link"' in preview and 'data-action="create"' in preview
    assert not Stakeholder.objects.exists()
    assert post(client, url, {"action": "save"}).status_code == 302
    assert Stakeholder.objects.filter(partner=world.partner_a, organisation=known).exists()
    assert Organisation.objects.filter(name="Blue Uni", type="university").exists()


def test_import_with_a_bad_cell_names_it_and_saves_nothing() -> None:
    world = build_world()
    payload = xlsx_bytes([Table("Stakeholders", list(services.IMPORT_COLUMNS), [
        ["Blue Uni", "university", "", "", "", "", 2, 5, ""], ["Red SME", "sme", "", "", "", "", 0, 5, ""]])])
    client = signed_in(world.users["editor_a"])
    url = reverse("stakeholders:registry_import", args=[world.partner_a.pk])
    before = registry_dump()
    page = post(client, url, {"file": SimpleUploadedFile("list.xlsx", payload)})
    assert page.status_code == 400
    assert "<td>Stakeholders</td><td>3</td><td>interest</td>" in page.content.decode()
    assert post(client, url, {"action": "save"}).status_code == 404
    assert registry_dump() == before


def test_export_reads_well_and_holds_the_partners_stakeholders_only() -> None:
    world = build_world()
    services.stakeholder_load(partner=world.partner_a, organisation=world.candidate, topics=["Skills"])
    services.stakeholder_load(partner=Partner.objects.get(organisation=world.org_b),
                              organisation=Organisation.objects.create(name="Elsewhere", type="sme"))
    client = Client()
    client.force_login(world.users["viewer"])
    response = client.get(reverse("stakeholders:registry_export", args=[world.partner_a.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert xlsx_problems(response.content, "registry export") == []
    assert "Cluster C" in _cells(response.content)
    assert "Elsewhere" not in _cells(response.content)


def _cells(content: bytes) -> str:
    return " ".join(str(cell.value) for sheet in load_workbook(io.BytesIO(content)).worksheets
                    for row in sheet.iter_rows() for cell in row)
