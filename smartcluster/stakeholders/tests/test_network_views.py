"""The network page, its workbook and the declared collaborations' pages, posted like a browser (CSRF enforced)."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from smartcluster.events.tests.participation_factories import browser, send
from smartcluster.reports.tests.readable import xlsx_problems
from smartcluster.stakeholders.models import Collaboration
from smartcluster.stakeholders.tests.network_world import build_network_world, network_dump

pytestmark = pytest.mark.django_db

INDEX = reverse("stakeholders:network_index")


@pytest.fixture
def net():
    translation.activate("en")
    return build_network_world()


def test_the_page_draws_the_network_and_names_the_brokers_and_the_gaps(net):
    page = Client().get(INDEX, secure=True)
    html = page.content.decode()
    assert page.status_code == 200
    assert "2 of 3 SMEs in EL64 have no link to research or education." in html
    assert 'data-figure="' in html and "vendor/plotly" in html and "stakeholders/network.js" in html
    table = html[html.index('id="network-organisations"'):]
    # The brokers (Agency A between Authority B and Sme Three, Sme One between the cluster and the university) first.
    assert max(table.index("Agency A"), table.index("Sme One")) < min(table.index("Authority B"),
                                                                      table.index("Cluster C"))
    assert '<th scope="col">' in html and 'class="table-wrap"' in html


def test_filters_narrow_the_page_and_a_malformed_region_is_named(net):
    page = Client().get(INDEX, {"region": "ES", "source": "declared"}, secure=True)
    assert page.status_code == 200 and "Sme One" not in page.content.decode()
    refused = Client().get(INDEX, {"region": "EL-6"}, secure=True)
    assert refused.status_code == 400 and "letters and digits only" in refused.content.decode()


def test_the_workbook_holds_organisations_links_regions_and_gaps_and_reads_well(net):
    response = Client().get(reverse("stakeholders:network_xlsx"), {"region": "EL64"}, secure=True)
    assert response.status_code == 200
    assert xlsx_problems(response.content, "network.xlsx") == []
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Organisations", "Links", "Regions", "Gaps"]
    gaps = [row[0] for row in workbook["Gaps"].iter_rows(min_row=2, values_only=True)]
    assert "2 of 3 SMEs in EL64 have no link to research or education." in gaps
    regions = list(workbook["Regions"].iter_rows(min_row=2, values_only=True))
    assert regions[0][:3] == ("EL64", 4, 1)


def test_the_list_and_detail_show_a_declared_collaboration_to_everyone(net):
    listing = Client().get(reverse("stakeholders:collaboration_index"), secure=True)
    assert "Agency A – Sme Three" in listing.content.decode()
    detail = Client().get(reverse("stakeholders:collaboration_detail", args=[net.declared.pk]), secure=True)
    assert "Interns" in detail.content.decode() and "Withdraw" not in detail.content.decode()


def test_the_partners_editor_declares_changes_and_withdraws_with_the_csrf_token(net):
    client = browser(net.world.users["editor_a"])
    created = send(client, reverse("stakeholders:collaboration_create"), {
        "declared_by": net.world.partner_a.pk, "first": net.university.pk, "second": net.sme2.pk,
        "kind": "research_contract", "since_year": "2022", "description": "Testing"})
    collaboration = Collaboration.objects.get(kind="research_contract")
    assert created.status_code == 302
    assert (collaboration.first_id, collaboration.second_id) == tuple(sorted([net.university.pk, net.sme2.pk]))
    send(client, reverse("stakeholders:collaboration_edit", args=[collaboration.pk]), {
        "first": net.university.pk, "second": net.sme2.pk, "kind": "research_contract", "since_year": "2020"})
    collaboration.refresh_from_db()
    assert collaboration.since_year == 2020
    send(client, reverse("stakeholders:collaboration_delete", args=[collaboration.pk]))
    assert not Collaboration.objects.filter(pk=collaboration.pk).exists()


def test_a_refused_form_names_the_field_and_saves_nothing(net):
    client = browser(net.world.users["editor_a"])
    before = network_dump()
    page = send(client, reverse("stakeholders:collaboration_create"), {
        "declared_by": net.world.partner_a.pk, "first": net.sme1.pk, "second": net.sme1.pk, "kind": "other"})
    assert page.status_code == 400 and "two different organisations" in page.content.decode()
    assert network_dump() == before


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(net):
    client = browser(net.world.users["editor_a"])
    before = network_dump()
    response = send(client, reverse("stakeholders:collaboration_delete", args=[net.declared.pk]), token=False)
    assert response.status_code == 403
    assert network_dump() == before


@pytest.mark.parametrize("role", ["viewer", "participant", "editor_b"])
def test_another_partner_may_not_change_or_withdraw_and_nothing_changes(net, role):
    client = browser(net.world.users[role])
    before = network_dump()
    edit = reverse("stakeholders:collaboration_edit", args=[net.declared.pk])
    assert client.get(edit, secure=True).status_code == 403
    assert send(client, edit, {"first": net.world.org_a.pk, "second": net.sme1.pk, "kind": "other"}).status_code == 403
    assert send(client, reverse("stakeholders:collaboration_delete", args=[net.declared.pk])).status_code == 403
    assert network_dump() == before


def test_a_partner_cannot_declare_in_another_partners_name(net):
    client = browser(net.world.users["editor_b"])
    before = network_dump()
    page = send(client, reverse("stakeholders:collaboration_create"), {
        "declared_by": net.world.partner_a.pk, "first": net.sme1.pk, "second": net.sme2.pk, "kind": "other"})
    assert page.status_code == 400 and "Select a valid choice" in page.content.decode()
    assert network_dump() == before


def test_a_large_network_draws_only_its_most_linked_organisations_and_says_so(net, monkeypatch):
    monkeypatch.setattr("smartcluster.stakeholders.selectors.network.DRAWN_ORGANISATIONS", 2)
    html = Client().get(INDEX, secure=True).content.decode()
    assert "The 2 most linked of 6 linked organisations are drawn; the table lists all." in html


def test_a_large_network_says_its_betweenness_is_estimated(net, monkeypatch):
    monkeypatch.setattr("smartcluster.stakeholders.selectors.network.EXACT_BETWEENNESS_UP_TO", 3)
    monkeypatch.setattr("smartcluster.stakeholders.selectors.EXACT_BETWEENNESS_UP_TO", 3)
    html = Client().get(INDEX, secure=True).content.decode()
    assert "betweenness is estimated from 3 sampled organisations" in html
