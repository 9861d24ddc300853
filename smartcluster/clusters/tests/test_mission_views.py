"""Mission pages: the public page of commitments and progress (published missions only), the forms of the
running organisation and of a cluster's managers (CSRF enforced, refusals change nothing), XLSX and DOCX."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from smartcluster.clusters import services
from smartcluster.clusters.models import Commitment, CommitmentProgress, Mission
from smartcluster.clusters.tests.test_skills_services import Clusters, build_clusters, clusters_dump
from smartcluster.clusters.tests.test_skills_views import csrf_client, post

pytestmark = pytest.mark.django_db
WORKERS = "Workers re- or upskilled"


@pytest.fixture
def world() -> Clusters:
    return build_clusters()


def mission(world: Clusters, *, published: bool = True) -> Mission:
    return services.mission_load(organisation=world.thessaly.organisation, title="Upskilling 4.0",
                                 goal="Re- and upskill members' workers.", target_date=dt.date(2030, 12, 31),
                                 indicators=[(WORKERS, "workers")], is_published=published)


def test_an_editor_starts_a_mission_with_indicators_through_the_form(world: Clusters) -> None:
    client = csrf_client(world.users["manager_t"])
    response = post(client, reverse("clusters:mission_create"), {
        "organisation": world.thessaly.organisation.pk, "title": "Upskilling 4.0", "goal": "Upskill",
        "target_date": "2030-12-31", "is_published": "on", "indicators": f"{WORKERS} | workers\nCourses | courses"})
    assert response.status_code == 302
    assert list(Mission.objects.get().indicators.values_list("unit", flat=True)) == ["workers", "courses"]
    bad = post(client, reverse("clusters:mission_create"), {
        "organisation": world.thessaly.organisation.pk, "title": "Second", "goal": "x", "target_date": "2030-12-31",
        "indicators": "no unit here"})
    assert bad.status_code == 400 and "Line 1" in bad.content.decode() and Mission.objects.count() == 1


def test_a_manager_commits_and_reports_progress_shown_on_the_public_page(world: Clusters) -> None:
    the_mission = mission(world)
    client = csrf_client(world.users["manager_m"])
    indicator = the_mission.indicators.get()
    response = post(client, reverse("clusters:commitment_create", args=[the_mission.pk]), {
        "profile": world.murcia.pk, "indicator": indicator.pk, "text": "Re-/upskill 200 workers of members by 2028",
        "target": "200", "target_year": "2028"})
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    no_evidence = post(client, reverse("clusters:commitment_progress", args=[commitment.pk]),
                       {"year": "2025", "value": "50"})
    assert no_evidence.status_code == 400 and "Give the evidence" in no_evidence.content.decode()
    assert not CommitmentProgress.objects.exists()
    assert post(client, reverse("clusters:commitment_progress", args=[commitment.pk]), {
        "year": "2025", "value": "50", "evidence_url": "https://example.org/register"}).status_code == 302
    page = Client().get(reverse("clusters:mission_detail", args=[the_mission.pk]), secure=True).content.decode()
    assert "Re-/upskill 200 workers of members by 2028" in page and "25.0 %" in page
    assert "Report progress" not in page  # anonymous visitors read, never change


def test_another_cluster_may_not_change_a_commitment_and_the_database_stays_as_it_was(world: Clusters) -> None:
    the_mission = mission(world)
    commitment = services.commitment_load(profile=world.murcia, mission=the_mission, indicator_title=WORKERS,
                                          text="200 by 2028", target=Decimal(200), target_year=2028)
    before = clusters_dump()
    client = csrf_client(world.users["manager_t"])
    assert post(client, reverse("clusters:commitment_edit", args=[commitment.pk]), {
        "text": "changed", "target": "1", "target_year": "2028"}).status_code == 403
    assert post(client, reverse("clusters:commitment_progress", args=[commitment.pk]), {
        "year": "2025", "value": "5", "evidence_note": "x"}).status_code == 403
    assert post(client, reverse("clusters:commitment_delete", args=[commitment.pk])).status_code == 403
    # committing for the other cluster: its profile is not offered, so the form refuses it
    refused = post(client, reverse("clusters:commitment_create", args=[the_mission.pk]), {
        "profile": world.murcia.pk, "indicator": the_mission.indicators.get().pk, "text": "x", "target": "5",
        "target_year": "2028"})
    assert refused.status_code == 400
    assert post(csrf_client(world.users["manager_m"]), reverse("clusters:mission_edit", args=[the_mission.pk]), {
        "title": "Taken over", "goal": "x", "target_date": "2030-12-31"}).status_code == 403
    assert clusters_dump() == before


def test_an_unpublished_mission_is_not_found_by_others(world: Clusters) -> None:
    hidden = mission(world, published=False)
    assert Client().get(reverse("clusters:mission_detail", args=[hidden.pk]), secure=True).status_code == 404
    other = Client()
    other.force_login(world.users["manager_m"])
    assert other.get(reverse("clusters:mission_detail", args=[hidden.pk]), secure=True).status_code == 404
    assert "Upskilling 4.0" not in Client().get(reverse("clusters:mission_list"), secure=True).content.decode()
    owner = Client()
    owner.force_login(world.users["manager_t"])
    assert owner.get(reverse("clusters:mission_detail", args=[hidden.pk]), secure=True).status_code == 200


def test_downloads_carry_commitments_progress_and_totals(world: Clusters) -> None:
    the_mission = mission(world)
    commitment = services.commitment_load(profile=world.murcia, mission=the_mission, indicator_title=WORKERS,
                                          text="200 by 2028", target=Decimal(200), target_year=2028)
    services.commitment_progress_load(commitment=commitment, year=2025, value=Decimal(50), evidence_note="register")
    xlsx = Client().get(reverse("clusters:mission_export_xlsx", args=[the_mission.pk]), secure=True)
    workbook = load_workbook(io.BytesIO(xlsx.content))
    commitments = list(workbook["Commitments"].iter_rows(values_only=True))
    assert commitments[1][:8] == ("Murcia Industry Cluster", WORKERS, "workers", "200 by 2028", 200, 2028, 50, 25)
    assert list(workbook["Totals per indicator"].iter_rows(values_only=True))[1] == (
        WORKERS, "workers", 1, 200, 50, 25)
    assert list(workbook["Progress per year"].iter_rows(values_only=True))[1][2:4] == (2025, 50)
    docx = Client().get(reverse("clusters:mission_export_docx", args=[the_mission.pk]), secure=True)
    text = "\n".join(cell.text for table in Document(io.BytesIO(docx.content)).tables for row in table.rows
                     for cell in row.cells)
    assert "200 by 2028" in text and "register" in text


def test_the_running_organisation_adds_indicators_and_cannot_cut_the_date_before_commitments(
        world: Clusters) -> None:
    the_mission = mission(world)
    services.commitment_load(profile=world.murcia, mission=the_mission, indicator_title=WORKERS, text="200 by 2028",
                             target=Decimal(200), target_year=2028)
    client = csrf_client(world.users["manager_t"])
    url = reverse("clusters:mission_edit", args=[the_mission.pk])
    saved = post(client, url, {"title": "Upskilling 4.0", "goal": "Upskill", "target_date": "2030-12-31",
                               "is_published": "on", "indicators": "Courses run | courses"})
    assert saved.status_code == 302
    assert list(the_mission.indicators.values_list("title", flat=True)) == [WORKERS, "Courses run"]
    before = clusters_dump()
    refused = post(client, url, {"title": "Upskilling 4.0", "goal": "Upskill", "target_date": "2027-06-30",
                                 "is_published": "on", "indicators": "Events | events"})
    assert refused.status_code == 400 and "cannot come before that year" in refused.content.decode()
    assert clusters_dump() == before and Mission.objects.get().target_date == dt.date(2030, 12, 31)
