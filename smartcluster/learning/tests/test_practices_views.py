"""Practices pages: the search and its filters, the map (offline Plotly, points over NUTS outlines), a practice with
its trail, the form posted with CSRF enforced, the status buttons, and the XLSX export readable in the Interreg
Europe field order. A declined or submitted practice never reaches public pages."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from smartcluster.learning.models import GoodPractice
from smartcluster.learning.tests.practices_world import DESCRIPTION, load, practice_dump, practice_world
from smartcluster.reports.tests.readable import xlsx_problems

pytestmark = pytest.mark.django_db


def signed_in(user: Any) -> Client:
    """A client with CSRF checks on, signed in (unless None), holding the CSRF cookie a page gave it."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    client.get(reverse("learning:practice_list"))
    return client


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def _sheet(content: bytes) -> list[list[Any]]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_public_pages_show_approved_and_validated_practices_only() -> None:
    pw = practice_world()
    approved = load(pw, title="Approved vouchers", status="project_approved")
    validated = load(pw, title="Validated vouchers", status="expert_validated")
    declined = load(pw, title="Declined vouchers", status="declined")
    submitted = load(pw, title="Submitted vouchers")
    anonymous = Client()
    listing = anonymous.get(reverse("learning:practice_list")).content.decode()
    assert "Approved vouchers" in listing and "Validated vouchers" in listing
    assert "Declined vouchers" not in listing and "Submitted vouchers" not in listing
    for hidden in (declined, submitted):
        assert anonymous.get(reverse("learning:practice_detail", args=[hidden.pk])).status_code == 404
    assert anonymous.get(reverse("learning:practice_detail", args=[approved.pk])).status_code == 200
    page = anonymous.get(reverse("learning:practice_map")).content.decode()
    assert "Declined vouchers" not in page and "Validated vouchers" in page
    rows = _sheet(anonymous.get(reverse("learning:practice_export")).content)
    assert {row[0] for row in rows[1:]} == {approved.title, validated.title}
    api = anonymous.get("/api/learning/practices/").json()
    assert {item["title"] for item in api["items"]} == {approved.title, validated.title}
    assert anonymous.get(f"/api/learning/practices/{declined.pk}").status_code == 404


def test_the_partnership_searches_unpublished_practices_by_status() -> None:
    pw = practice_world()
    load(pw, title="Approved vouchers", status="project_approved")
    load(pw, title="Declined vouchers", status="declined")
    client = signed_in(pw.users["viewer"])
    page = client.get(reverse("learning:practice_list"), {"status": "declined"}).content.decode()
    assert "Declined vouchers" in page and "Approved vouchers" not in page
    assert 'name="status"' not in Client().get(reverse("learning:practice_list")).content.decode()


def test_search_filters_by_words_region_country_topic_outcome_and_event() -> None:
    pw = practice_world()
    load(pw, title="Robotics vouchers", status="project_approved", source_event=pw.event)
    load(pw, title="Failed fair", status="project_approved", is_successful=False, region=None,
         latitude=None, longitude=None, description="A trade fair nobody came to.",
         difficulties_and_lessons="Ask the firms first.", topics=[("cluster_categories", "1")])
    url = reverse("learning:practice_list")

    def titles(**query: Any) -> set[str]:
        page = Client().get(url, query).content.decode()
        return {title for title in ("Robotics vouchers", "Failed fair") if title in page}

    assert titles(text="trade fair") == {"Failed fair"}
    assert titles(region="EL6") == {"Robotics vouchers"}
    assert titles(country="EL") == {"Robotics vouchers"}
    assert titles(topic="cluster_categories:1") == {"Failed fair"}
    assert titles(successful="no") == {"Failed fair"}
    assert titles(source_event=pw.event.pk) == {"Robotics vouchers"}


def test_an_unsuccessful_practice_is_marked_on_every_page() -> None:
    pw = practice_world()
    failed = load(pw, title="Failed fair", status="project_approved", is_successful=False)
    mark = "Not successful — lessons learnt"
    client = Client()
    assert mark in client.get(reverse("learning:practice_list")).content.decode()
    assert mark in client.get(reverse("learning:practice_detail", args=[failed.pk])).content.decode()
    assert mark in client.get(reverse("learning:practice_map")).content.decode()


def test_the_map_draws_points_over_the_regions_outlines_offline() -> None:
    pw = practice_world()
    load(pw, status="project_approved")
    page = Client().get(reverse("learning:practice_map")).content.decode()
    assert "vendor/plotly.min.js" in page and "cdn" not in page.lower()
    figure = json.loads(page.split('id="figure-practices-map">')[1].split("</script>")[0])
    assert [trace["type"] for trace in figure["data"]] == ["choropleth", "scattergeo"]
    assert figure["data"][0]["locations"] == ["EL61"]
    assert figure["data"][1]["lat"] == [39.639]
    boundaries = Client().get(reverse("learning:practice_map_boundaries"))
    assert boundaries["Content-Type"] == "application/geo+json"


def test_the_trail_shows_who_and_when_to_the_partnership_only() -> None:
    pw = practice_world()
    practice = load(pw, status="submitted")
    post(signed_in(pw.users["editor_a"]), reverse("learning:practice_transition", args=[practice.pk]),
         {"to_status": "project_approved", "note": "Fits the call."})
    page = signed_in(pw.users["viewer"]).get(reverse("learning:practice_detail", args=[practice.pk])).content
    assert "Status trail" in page.decode() and "editor_a" in page.decode() and "Fits the call." in page.decode()
    public = Client().get(reverse("learning:practice_detail", args=[practice.pk])).content.decode()
    assert "Status trail" not in public and "editor_a" not in public


def test_a_partner_editor_creates_a_practice_through_the_form_with_csrf() -> None:
    pw = practice_world()
    client = signed_in(pw.users["editor_b"])
    form = client.get(reverse("learning:practice_create"))
    assert "At most 100 characters." in form.content.decode()
    response = post(client, reverse("learning:practice_create"), {
        "title": "Vouchers for robots", "organisation_in_charge": pw.world.candidate.pk, "region_code": "el61",
        "latitude": "39.639", "longitude": "22.419", "description": DESCRIPTION, "is_successful": "on",
        "topics": ["smart_industry_40:technology_providers", "project_theme:financing-resources"],
        "source_event": pw.event.pk})
    practice = GoodPractice.objects.get(title="Vouchers for robots")
    assert response.status_code == 302
    assert (practice.partner, practice.region.code, practice.status) == (pw.partner_b, "EL61", "submitted")
    assert practice.topics.count() == 2


def test_a_post_without_csrf_token_or_with_half_a_point_changes_nothing() -> None:
    pw = practice_world()
    client = signed_in(pw.users["editor_b"])
    before = practice_dump()
    data = {"title": "Vouchers", "organisation_in_charge": pw.world.candidate.pk, "description": DESCRIPTION}
    assert client.post(reverse("learning:practice_create"), data).status_code == 403
    half = post(client, reverse("learning:practice_create"), {**data, "latitude": "39.6"})
    assert half.status_code == 200 and "Give both latitude and longitude, or neither." in half.content.decode()
    assert practice_dump() == before


def test_status_buttons_refuse_with_a_message_and_change_nothing() -> None:
    pw = practice_world()
    practice = load(pw)
    before = practice_dump()
    client = signed_in(pw.users["administrator"])
    response = post(client, reverse("learning:practice_transition", args=[practice.pk]),
                    {"to_status": "expert_validated"})
    assert response.status_code == 302
    follow = client.get(response["Location"]).content.decode()
    assert "only after the project approves it" in follow
    assert practice_dump() == before
    denied = post(signed_in(pw.users["editor_b"]), reverse("learning:practice_transition", args=[practice.pk]),
                  {"to_status": "project_approved"})
    assert denied.status_code == 403 and practice_dump() == before


def test_editing_an_approved_practice_warns_and_returns_it_to_submitted() -> None:
    pw = practice_world()
    practice = load(pw, status="project_approved")
    client = signed_in(pw.users["editor_b"])
    url = reverse("learning:practice_edit", args=[practice.pk])
    assert "sends it back to the project's approval" in client.get(url).content.decode()
    post(client, url, {"title": practice.title, "organisation_in_charge": pw.world.candidate.pk,
                       "region_code": "EL61", "latitude": "39.639", "longitude": "22.419",
                       "description": DESCRIPTION + " Now with drones.", "is_successful": "on"})
    practice.refresh_from_db()
    assert (practice.status, practice.is_published) == ("submitted", False)
    assert signed_in(pw.users["editor_a"]).get(url).status_code == 404  # the lead partner does not edit B's text


def test_the_export_is_readable_in_the_interreg_europe_field_order() -> None:
    pw = practice_world()
    load(pw, status="expert_validated", is_successful=False, timescale="2021-2024")
    response = Client().get(reverse("learning:practice_export"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert xlsx_problems(response.content, "practices export") == []
    rows = _sheet(response.content)
    assert rows[0][:12] == ["Title", "Location", "Organisation in charge", "Detailed description",
                            "Resources needed", "Timescale", "Evidence of success",
                            "Potential for learning or transfer", "Difficulties encountered and lessons learnt",
                            "Further information", "Topics", "Status"]
    assert rows[1][1].startswith("EL61 Thessalia") and rows[1][5] == "2021-2024"
    assert rows[1][10] == "Smart Industry 4.0 area: Smart Industry 4.0 technology providers"
    assert rows[1][12] == "No"
