"""Every XLSX and DOCX the platform offers, run on demo-like data, reads well: no sheet name cut mid-word, no raw
snake_case header, no True/False cell. The mapping pages' files are checked on real data in
test_readable_atlas_exports.py; the first tests here make sure no file writer escapes the check."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from smartcluster.matchmaking import services as matchmaking_services
from smartcluster.maturity import services as maturity_services
from smartcluster.maturity.views import RESPONDENT_COOKIE
from smartcluster.reports.tables import add_sheet, cell_text, cell_value, header, sheet_name
from smartcluster.reports.tests.readable import docx_problems, sheet_name_problem, xlsx_problems

PACKAGE = Path(__file__).resolve().parents[2]
# The code that writes XLSX or DOCX files for users (only smartcluster.reports), its files checked below or in
# test_readable_atlas_exports.py.
# The command-line exports (mapping/cli.py, sources/cli.py) are data files for analysts: raw column names on purpose.
FILE_WRITERS = {"reports/workbooks.py", "reports/documents.py"}
CHECKED_ROUTES = {"matchmaking:event_statistics_xlsx", "matchmaking:table_plan_docx", "maturity:report_docx",
                  "maturity:campaign_export", "maturity:aggregates_export",
                  # checked in clusters/tests/test_evaluation_views.py
                  "clusters:evaluation_results_xlsx", "clusters:evaluation_figures_xlsx", "clusters:evaluation_docx",
                  # checked on the demo's records in demo/tests/test_readable_downloads.py
                  "clusters:skills_export", "clusters:skills_region_export", "clusters:mission_export_xlsx",
                  "clusters:mission_export_docx", "events:attendance_xlsx", "events:feedback_xlsx",
                  "events:certificate", "events:certificate_by_token", "events:report_docx",
                  "events:communication_export_xlsx",
                  # checked in stakeholders/tests/test_network_views.py
                  "stakeholders:network_xlsx",
                  # checked in stakeholders/tests/test_analysis_views.py
                  "stakeholders:analysis_synthesis_docx",
                  # checked in stakeholders/tests/test_interviews_views.py
                  "stakeholders:interview_xlsx",
                  # checked in stakeholders/tests/test_registry_views.py
                  "stakeholders:registry_export",
                  # checked in learning/tests/test_practices_views.py
                  "learning:practice_export",
                  # checked in learning/tests/test_peer_reviews_views.py
                  "learning:peer_review_recommendations_xlsx",
                  # checked in learning/tests/test_reports_docx.py
                  "learning:report_project_docx", "learning:report_event_docx",
                  # checked in challenges/tests/test_ranking_views.py
                  "challenges:scores_xlsx", "challenges:results_docx",
                  # checked in challenges/tests/test_briefs_views.py
                  "challenges:challenge_docx",
                  # checked in monitoring/tests/test_reports_views.py
                  "monitoring:progress_report_docx", "monitoring:progress_report_xlsx",
                  # checked in monitoring/tests/test_workplan_views.py
                  "monitoring:workplan_xlsx",
                  # checked in monitoring/tests/test_action_plans_views.py
                  "monitoring:action_plan_docx",
                  # checked in monitoring/tests/test_indicators_export.py
                  "monitoring:indicator_table_xlsx"}


def _routes(resolver: URLResolver, namespace: str = "") -> list[tuple[str, str]]:
    """(name, route) of every URL pattern, names with their namespace."""
    found = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += _routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append((f"{namespace}{pattern.name}", str(pattern.pattern)))
    return found


def test_every_file_writer_of_the_platform_is_checked() -> None:
    writers = {str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
               if "tests" not in path.parts and path.name != "cli.py"
               and re.search(r"\bWorkbook\(|\bDocument\(|\.to_excel\(", path.read_text(encoding="utf-8"))}
    assert writers == FILE_WRITERS


def test_every_xlsx_and_docx_address_is_checked() -> None:
    offered = {name for name, route in _routes(get_resolver()) if re.search(r"\.(xlsx|docx)\W*$", route)}
    assert offered == CHECKED_ROUTES


def test_sheet_names_are_cut_at_a_word_and_unique() -> None:
    from django.utils import translation

    translation.activate("en")
    assert sheet_name("Registrations by organisation type") == "Registrations by organisation…"
    assert sheet_name("Registrations by organisation type", taken=["registrations by organisation…"]) == (
        "Registrations by… (2)")
    assert sheet_name("Results: 2030/31 [draft]") == "Results 2030 31 draft"
    assert sheet_name("") == "Sheet"
    assert sheet_name_problem("Registrations by organisation t") is not None
    assert sheet_name_problem("Registrations by organisation…") is None


def test_cells_read_as_words_in_the_active_language(settings: Any) -> None:
    from django.utils import translation

    translation.activate("en")
    assert [cell_value(True), cell_value(False), cell_value(None), header("registration_closes_at")] == [
        "Yes", "No", None, "Registration closes at"]
    with translation.override("el"):
        assert cell_value(True) == "Ναι"
        assert cell_text(125041) == "125.041"


def test_a_new_workbook_has_only_the_sheets_added() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    add_sheet(workbook, "Meetings held and no-shows")
    add_sheet(workbook, "Meetings held and no-shows")
    assert workbook.sheetnames == ["Meetings held and no-shows", "Meetings held and no-shows (2)"]


def test_the_check_finds_a_cut_sheet_name_a_raw_header_and_boolean_cells() -> None:
    import io

    from docx import Document
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Registrations by organisation t"
    workbook.active.append(["Event", "registration_closes_at"])
    workbook.active.append(["Athens B2B", True])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert len(xlsx_problems(buffer.getvalue(), "old.xlsx")) == 3
    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Meeting", "is_locked"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Asta ↔ Nikos", "False"
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_problems(buffer.getvalue(), "old.docx") == [
        "old.docx: table 1: raw header 'is_locked'", "old.docx: table 1 row 2: boolean 'False'"]


@pytest.mark.django_db
def test_matchmaking_workbook_and_table_plan_read_well(event: Any, organiser_user: Any,
                                                    participant_factory: Any) -> None:
    a, b = participant_factory("mona", country="EL"), participant_factory("nils", country="SE")
    meeting = matchmaking_services.meeting_request(user=a.user, requester=a, recipient=b)
    matchmaking_services.meeting_accept(user=b.user, meeting=meeting)
    matchmaking_services.event_schedule(user=organiser_user, event=event, time_limit=5)
    client = Client()
    client.force_login(organiser_user)
    content = client.get(reverse("matchmaking:event_statistics_xlsx", args=[event.pk])).content
    assert xlsx_problems(content, "statistics.xlsx") == []
    content = client.get(reverse("matchmaking:table_plan_docx", args=[event.pk])).content
    assert docx_problems(content, "table-plan.docx") == []


@pytest.fixture
def respondents(cluster: Any, cluster_manager: Any, questionnaire: Any, submitted: Any) -> Any:
    """A campaign answered by six organisations (enough for every figure to be shown), one of them at T0 and T1."""
    campaign = maturity_services.campaign_create(
        user=cluster_manager, organisation=cluster, questionnaire=questionnaire, name="Robotics check-up",
        opens_at=timezone.now() - dt.timedelta(days=1), invited=20)
    return [submitted(f"Firm {i}", k=i % 6, campaign=campaign, respondent=f"key-{i}") for i in range(6)]


@pytest.mark.django_db
def test_maturity_report_and_result_workbooks_read_well(respondents: list, cluster_manager: Any) -> None:
    campaign = respondents[0].campaign
    client = Client()
    client.force_login(cluster_manager)
    problems = xlsx_problems(client.get(reverse("maturity:campaign_export", args=[campaign.pk])).content,
                             "campaign results.xlsx")
    for by in ("", "size_class", "sector", "region"):
        response = client.get(reverse("maturity:aggregates_export"), {"by": by})
        assert response.status_code == 200
        problems += xlsx_problems(response.content, f"results.xlsx by {by or 'nothing'}")
    respondent = Client()
    respondent.cookies[RESPONDENT_COOKIE] = "key-0"
    report = respondent.get(reverse("maturity:report_docx", args=[respondents[0].public_id]))
    assert report.status_code == 200
    problems += docx_problems(report.content, "maturity report.docx")
    assert problems == []
