"""The evaluation pages with CSRF enforced: fill and resume a draft, submit, review, benchmark, download, import;
every refusal leaves the database unchanged."""

from __future__ import annotations

import html
import io
import json
import re
from typing import Any

import pytest
from django.test import Client

from smartcluster.clusters import services
from smartcluster.clusters.models import ClusterMember, Evaluation, EvaluationStatus
from smartcluster.clusters.tests.evaluation_world import (
    GOOD_INPUTS,
    YEAR,
    EvaluationWorld,
    accepted_peer,
    build_evaluation_world,
    evaluation_dump,
    peers_in,
)
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.reports.tables import Table
from smartcluster.reports.tests.readable import docx_problems, xlsx_problems
from smartcluster.reports.workbooks import xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> EvaluationWorld:
    return build_evaluation_world()


def client_of(user: Any) -> Client:
    """A browser-like client: CSRF enforced, its token taken from a page it read."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    client.get("/clusters/evaluations/")
    return client


def post(client: Client, url: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value}, **extra)


def _draft(world: EvaluationWorld) -> Evaluation:
    return services.evaluation_start(user=world.users["manager"], profile=world.cluster, criteria=world.criteria,
                                     data_year=YEAR)


def _field_value(page: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
    assert match, name
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def test_the_manager_starts_from_the_page_and_sees_the_registry_figures(world: EvaluationWorld) -> None:
    client = client_of(world.users["manager"])
    response = post(client, "/clusters/evaluations/start/", {"profile": world.cluster.pk,
                                                             "criteria": world.criteria.pk, "data_year": YEAR})
    evaluation = Evaluation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/clusters/evaluations/{evaluation.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert _field_value(page, "management_fte") == "2"
    assert 'name="strategy"' in page and "The registry holds: yes" in page
    # pre-filled: staff, strategy, ECCP profile and label (none held) = 4 of the default set's 21 figures
    assert re.search(r'<progress id="progress" max="100" value="(\d+)"', page).group(1) == str(round(400 / 21))


def test_a_typed_figure_is_never_overwritten_by_the_registry_and_partial_drafts_resume(
        world: EvaluationWorld) -> None:
    evaluation = _draft(world)
    client = client_of(world.users["manager"])
    saved = post(client, f"/clusters/evaluations/{evaluation.pk}/", {"management_fte": "1,5", "members": "18",
                                                                      "action": "save"})
    assert saved.status_code == 302
    assert Evaluation.objects.get(pk=evaluation.pk).inputs == {"management_fte": 1.5, "members": 18}
    organisation = Organisation.objects.create(name="New member", type=OrganisationType.SME)
    ClusterMember.objects.create(profile=world.cluster, organisation=organisation, member_type="sme",
                                 year_joined=YEAR)  # the registry now holds 1 member
    page = client.get(f"/clusters/evaluations/{evaluation.pk}/").content.decode()
    assert _field_value(page, "members") == "18" and _field_value(page, "management_fte") == "1.5"
    assert _field_value(page, "sme_members") == "1"  # an empty figure takes what the registry now holds


def test_bad_figures_are_each_shown_beside_their_field_and_nothing_is_saved(world: EvaluationWorld) -> None:
    evaluation = _draft(world)
    client = client_of(world.users["manager"])
    before = evaluation_dump()
    response = post(client, f"/clusters/evaluations/{evaluation.pk}/",
                    {"members": "-4", "revenue": "a lot", "satisfaction": "4", "action": "submit"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="members-errors"' in page and 'id="revenue-errors"' in page
    assert 'id="satisfaction-errors"' not in page
    assert _field_value(page, "revenue") == "a lot"  # what was typed stays in the form
    assert evaluation_dump() == before


def test_a_forged_post_without_the_csrf_token_or_by_another_cluster_changes_nothing(world: EvaluationWorld) -> None:
    evaluation = _draft(world)
    before = evaluation_dump()
    forged = client_of(world.users["manager"]).post(f"/clusters/evaluations/{evaluation.pk}/",
                                                    {"members": "99", "action": "submit"})
    assert forged.status_code == 403
    outsider = post(client_of(world.users["outsider"]), f"/clusters/evaluations/{evaluation.pk}/",
                    {"members": "99", "action": "submit"})
    assert outsider.status_code == 404  # a private draft is not revealed
    viewer = post(client_of(world.users["viewer"]), f"/clusters/evaluations/{evaluation.pk}/",
                  {"members": "99", "action": "submit"})
    assert viewer.status_code == 403
    assert evaluation_dump() == before


def test_changes_asked_for_are_shown_and_the_manager_edits_and_submits_again(world: EvaluationWorld) -> None:
    evaluation = _draft(world)
    services.evaluation_submit(user=world.users["manager"], evaluation=evaluation)
    services.evaluation_review(user=world.users["reviewer"], evaluation=evaluation, action="ask_changes",
                               comment="Add the member survey.")
    manager = client_of(world.users["manager"])
    page = manager.get(f"/clusters/evaluations/{evaluation.pk}/").content.decode()
    assert 'id="changes-asked"' in page and "Add the member survey." in page and 'name="satisfaction"' in page
    assert post(manager, f"/clusters/evaluations/{evaluation.pk}/", {"satisfaction": "4", "action": "submit"}
                ).status_code == 302
    assert Evaluation.objects.get(pk=evaluation.pk).status == EvaluationStatus.SUBMITTED


def test_submit_then_the_regions_reviewer_accepts_from_the_queue(world: EvaluationWorld) -> None:
    evaluation = _draft(world)
    manager = client_of(world.users["manager"])
    figures = {name: str(value) for name, value in GOOD_INPUTS.items()}
    assert post(manager, f"/clusters/evaluations/{evaluation.pk}/", {**figures, "action": "submit"}).status_code == 302
    assert Evaluation.objects.get(pk=evaluation.pk).status == EvaluationStatus.SUBMITTED

    greek = client_of(world.users["greek_reviewer"])
    assert "Stuttgart" not in greek.get("/clusters/evaluations/review/").content.decode()
    before = evaluation_dump()
    assert post(greek, f"/clusters/evaluations/{evaluation.pk}/review/", {"action": "accept"}).status_code == 404
    assert evaluation_dump() == before

    reviewer = client_of(world.users["reviewer"])
    assert "Stuttgart Robotics Cluster" in reviewer.get("/clusters/evaluations/review/").content.decode()
    answer = post(reviewer, f"/clusters/evaluations/{evaluation.pk}/review/", {"action": "accept", "comment": "OK"})
    assert answer.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.ACCEPTED and evaluation.result["percent"] == 100.0
    page = manager.get(f"/clusters/evaluations/{evaluation.pk}/").content.decode()
    assert "Score: 100.0 % of points" in page and "Excellent" in page
    assert post(manager, f"/clusters/evaluations/{evaluation.pk}/publish/").status_code == 302
    assert Client().get(f"/clusters/evaluations/{evaluation.pk}/").status_code == 200


def _accepted(world: EvaluationWorld, inputs: dict[str, Any]) -> Evaluation:
    evaluation = _draft(world)
    services.evaluation_draft_save(user=world.users["manager"], evaluation=evaluation, inputs=inputs)
    services.evaluation_submit(user=world.users["manager"], evaluation=evaluation)
    return services.evaluation_review(user=world.users["reviewer"], evaluation=evaluation, action="accept")


def test_the_benchmark_shows_positions_strengths_weaknesses_and_advice(world: EvaluationWorld) -> None:
    peers_in(world.regions["DE11"], world.criteria)  # members 10…50, satisfaction 3.0…3.8
    evaluation = _accepted(world, {**GOOD_INPUTS, "members": 60, "satisfaction": 2.5})
    page = client_of(world.users["manager"]).get(f"/clusters/evaluations/{evaluation.pk}/benchmark/").content.decode()
    members_row = re.search(r'<tr data-indicator="members">(.*?)</tr>', page, re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)</td>', members_row)[-1] == "100"
    assert re.search(r'<ul id="strengths">.*Members at 31 December.*</ul>', page, re.S)
    assert re.search(r'<ul id="weaknesses">.*Member satisfaction.*</ul>', page, re.S)
    assert "Survey members every year" in page  # the recommendation of the failed satisfaction indicator
    figure = json.loads(html.unescape(re.search(r'data-figure="([^"]*)"', page).group(1)))
    cluster, median = figure["data"]
    assert cluster["theta"][0] == "Members at 31<br>December" and cluster["r"][0] == 100
    assert set(median["r"]) == {50}


def test_a_peer_group_under_five_is_not_shown_and_says_why(world: EvaluationWorld) -> None:
    peers_in(world.regions["DE11"], world.criteria, count=4)
    accepted_peer("Thessaly Peer", world.regions["EL61"], world.criteria, GOOD_INPUTS)
    evaluation = _accepted(world, GOOD_INPUTS)
    client = client_of(world.users["manager"])
    region = client.get(f"/clusters/evaluations/{evaluation.pk}/benchmark/?scope=region").content.decode()
    assert 'id="too-small"' in region and "only 4 other clusters" in region and "data-figure" not in region
    everyone = client.get(f"/clusters/evaluations/{evaluation.pk}/benchmark/?scope=all").content.decode()
    assert 'id="too-small"' not in everyone and "data-figure" in everyone


def test_results_download_as_xlsx_csv_and_docx(world: EvaluationWorld) -> None:
    from docx import Document
    from openpyxl import load_workbook

    peers_in(world.regions["DE11"], world.criteria)
    evaluation = _accepted(world, GOOD_INPUTS)
    client = client_of(world.users["manager"])
    csv = client.get(f"/clusters/evaluations/results.csv?profile={world.cluster.pk}").content.decode()
    lines = csv.strip().splitlines()
    assert lines[0].startswith("evaluation,cluster,region,data_year") and len(lines) == 1 + 20
    assert f"{evaluation.pk},Stuttgart Robotics Cluster,DE11,{YEAR},default,1,structure,members" in csv
    book = load_workbook(io.BytesIO(client.get("/clusters/evaluations/results.xlsx").content))
    assert book.active.max_row == 1 + 20 * 6  # the cluster and its 5 published peers
    document = Document(io.BytesIO(client.get(f"/clusters/evaluations/{evaluation.pk}/report.docx").content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Overall score: 100.0 % of points" in text and "Strengths" in text
    assert len(document.inline_shapes) == 1  # the radar


def _workbook(rows: list[list[Any]]) -> bytes:
    return xlsx_bytes([Table("Figures", ["evaluation", "figure", "value"], rows)])


def test_an_import_with_three_bad_cells_lists_exactly_those_and_saves_nothing(world: EvaluationWorld) -> None:
    evaluation = _draft(world)
    client = client_of(world.users["manager"])
    before = evaluation_dump()
    payload = _workbook([[evaluation.pk, "members", 20], [evaluation.pk, "revenue", "much"],
                         [evaluation.pk, "colour", 3], [99999, "members", 4], [evaluation.pk, "satisfaction", 4]])
    response = post(client, "/clusters/evaluations/figures/import/",
                    {"file": _upload(payload, "figures.xlsx")})
    assert response.status_code == 400
    rows = re.findall(r"<tr><td>(Figures)</td><td>(\d+)</td><td>(\w+)</td><td>([^<]*)</td></tr>",
                      response.content.decode())
    assert [(row, column) for _sheet, row, column, _why in rows] == [
        ("3", "value"), ("4", "figure"), ("5", "evaluation")]
    assert evaluation_dump() == before
    good = _workbook([[evaluation.pk, "members", 20], [evaluation.pk, "satisfaction", "4,2"]])
    assert post(client, "/clusters/evaluations/figures/import/",
                {"file": _upload(good, "figures.xlsx")}).status_code == 302
    stored = Evaluation.objects.get(pk=evaluation.pk).inputs
    assert (stored["members"], stored["satisfaction"]) == (20, 4.2)
    csv = f"evaluation;figure;value\n{evaluation.pk};members;21\n{evaluation.pk};satisfaction;\n".encode()
    assert post(client, "/clusters/evaluations/figures/import/",
                {"file": _upload(csv, "figures.csv")}).status_code == 302
    stored = Evaluation.objects.get(pk=evaluation.pk).inputs
    assert stored["members"] == 21 and "satisfaction" not in stored  # an empty value clears the figure


def _upload(payload: bytes, name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, payload)


def test_an_authority_uploads_and_publishes_a_criteria_set_from_the_page(world: EvaluationWorld) -> None:
    client = client_of(world.users["reviewer"])
    text = "code: bw\nversion: 1\ntitle: BW set\nareas:\n  - key: a\n    title: A\n    indicators:\n" \
           "      - key: members\n        title: Members\n        threshold: {minimum: many}\n"
    before = evaluation_dump()
    refused = post(client, "/clusters/criteria/upload/", {"organisation": world.authority.pk, "text": text})
    assert refused.status_code == 400 and "indicators.members.threshold.minimum" in refused.content.decode()
    assert evaluation_dump() == before
    stored = post(client, "/clusters/criteria/upload/", {"organisation": world.authority.pk,
                                                        "text": text.replace("many", "10")})
    assert stored.status_code == 302
    pk = int(stored["Location"].rstrip("/").rsplit("/", 1)[1])
    assert Client().get(f"/clusters/criteria/{pk}/").status_code == 404  # a draft is its publisher's
    assert post(client, f"/clusters/criteria/{pk}/publish/").status_code == 302
    assert "BW set" in Client().get("/clusters/criteria/").content.decode()
    before = evaluation_dump()
    manager = client_of(world.users["manager"])
    assert post(manager, "/clusters/criteria/upload/", {"text": text.replace("bw", "mine").replace("many", "10")}).status_code == 403
    assert evaluation_dump() == before


def test_the_evaluation_workbooks_and_report_read_well(world: EvaluationWorld) -> None:
    peers_in(world.regions["DE11"], world.criteria)
    evaluation = _accepted(world, {**GOOD_INPUTS, "satisfaction": 2.0})
    services.evaluation_start(user=world.users["manager"], profile=world.cluster,  # a draft: empty figures
                              criteria=world.criteria, data_year=YEAR - 1)
    client = client_of(world.users["manager"])
    problems = [*xlsx_problems(client.get("/clusters/evaluations/results.xlsx").content, "results"),
                *xlsx_problems(client.get("/clusters/evaluations/figures.xlsx").content, "figures"),
                *docx_problems(client.get(f"/clusters/evaluations/{evaluation.pk}/report.docx").content, "report")]
    assert problems == []


@pytest.mark.parametrize("role", ["anonymous", "viewer", "manager", "reviewer", "greek_reviewer", "outsider",
                                  "administrator"])
def test_every_evaluation_page_answers_each_role_without_a_server_error(world: EvaluationWorld, role: str) -> None:
    peers_in(world.regions["DE11"], world.criteria)
    accepted = _accepted(world, GOOD_INPUTS)
    submitted = services.evaluation_submit(user=world.users["manager"], evaluation=services.evaluation_start(
        user=world.users["manager"], profile=world.cluster, criteria=world.criteria, data_year=YEAR - 1))
    draft = services.evaluation_start(user=world.users["manager"], profile=world.cluster, criteria=world.criteria,
                                      data_year=YEAR - 2)
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(world.users[role])
    urls = ["/clusters/evaluations/", "/clusters/evaluations/review/", "/clusters/criteria/",
            f"/clusters/criteria/{world.criteria.pk}/", "/clusters/evaluations/results.xlsx",
            "/clusters/evaluations/results.csv", "/clusters/evaluations/figures.xlsx",
            *(f"/clusters/evaluations/{evaluation.pk}/{page}" for evaluation in (accepted, submitted, draft)
              for page in ("", "benchmark/", "benchmark/?scope=partnership", "report.docx"))]
    answers = {url: client.get(url).status_code for url in urls}
    assert {url: status for url, status in answers.items() if status not in (200, 302, 403, 404)} == {}
    assert answers[f"/clusters/evaluations/{draft.pk}/"] == (200 if role in ("viewer", "manager", "administrator")
                                                             else 404)
