"""Privacy pages: who is listed for whom (the person themself, their organisation's editors, administrators), and
the person's page naming what the section holds."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.models import Person
from smartcluster.organisations.tests.factories import build_world, make_user
from smartcluster.stakeholders import services

pytestmark = pytest.mark.django_db


def _names(client: Client, **query: str) -> str:
    return client.get(reverse("stakeholders:privacy_index"), query).content.decode()


def test_the_index_lists_the_people_whose_data_the_reader_may_handle() -> None:
    world = build_world()
    self_user = make_user("bea")
    Person.objects.create(name="Bea Self", email="bea@b.example", organisation=world.org_b, user=self_user)
    Person.objects.create(name="Bo Other", email="bo@b.example", organisation=world.org_b, consent_to_list=True)
    clients = {}
    for role in ("editor_a", "viewer", "administrator"):
        clients[role] = Client()
        clients[role].force_login(world.users[role])
    clients["bea"] = Client()
    clients["bea"].force_login(self_user)
    assert "Ana Alves" in _names(clients["editor_a"]) and "Bo Other" not in _names(clients["editor_a"])
    assert "Ana Alves" not in _names(clients["viewer"])  # a viewer edits nobody's record
    own = _names(clients["bea"])
    assert "Bea Self" in own and "Bo Other" not in own
    assert "Bo Other" in _names(clients["administrator"], q="bo@b.example")
    assert Client().get(reverse("stakeholders:privacy_index")).status_code == 302


def test_the_persons_page_counts_what_the_section_holds() -> None:
    world = build_world()
    services.stakeholder_load(partner=world.partner_a, organisation=world.candidate, person=world.person_a)
    client = Client()
    client.force_login(world.users["editor_a"])
    page = client.get(reverse("stakeholders:privacy_person", args=[world.person_a.pk])).content.decode()
    row = page.split("Registry entries", 1)[1].split("</tr>", 1)[0]
    assert "<td>1</td>" in row and "ana@example.org" in page
