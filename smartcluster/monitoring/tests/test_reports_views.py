"""The semester report's pages and downloads: what a semester's records show (and what another semester's do
not), a partner's report, the print view, and DOCX/XLSX that read well."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.learning.tests.test_reports_docx import docx_text
from smartcluster.monitoring.tests.reports_world import EVIDENCE_URL, build_report_world
from smartcluster.reports.tests.readable import docx_problems, xlsx_problems

# the site with blank pages for section links a part of the app has not defined yet (a no-op once all exist)
pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str, rw: object, semester: int = 2) -> str:
    return reverse(f"monitoring:{name}", args=[rw.mw.project.pk, semester])


def test_the_semester_report_shows_the_semesters_records_and_no_other_semesters() -> None:
    rw = build_report_world()
    page = _client(rw.mw.users["editor_a"]).get(_url("progress_report_detail", rw)).content.decode()
    for shown in ("Regional mapping report", EVIDENCE_URL, "Workshop in Lamia", "Vouchers for shop-floor data",
                  "First call for vouchers opened.", "Mapping finished.", "Stakeholder meeting minutes"):
        assert shown in page, shown
    assert "Budget line agreed." not in page  # the entry of semester 1
    earlier = _client(rw.mw.users["editor_a"]).get(_url("progress_report_detail", rw, 1)).content.decode()
    assert "Budget line agreed." in earlier and "Workshop in Lamia" not in earlier
    assert "Vouchers for shop-floor data" not in earlier and "Regional mapping report" not in earlier


def test_a_partners_report_keeps_that_partners_records() -> None:
    rw = build_report_world()
    client = _client(rw.mw.users["editor_b"])
    page_b = client.get(_url("progress_report_detail", rw), {"partner": rw.mw.partner_b.pk}).content.decode()
    assert "Stakeholder meeting minutes" in page_b
    assert "Regional mapping report" not in page_b and "First call for vouchers opened." not in page_b
    assert "Workshop in Lamia" not in page_b
    page_a = client.get(_url("progress_report_detail", rw), {"partner": rw.mw.partner_a.pk}).content.decode()
    assert "Regional mapping report" in page_a and "Stakeholder meeting minutes" not in page_a


def test_a_partner_of_another_project_or_a_semester_outside_the_project_is_not_found() -> None:
    rw = build_report_world()
    client = _client(rw.mw.users["editor_a"])
    assert client.get(_url("progress_report_detail", rw), {"partner": "999999"}).status_code == 404
    assert client.get(_url("progress_report_detail", rw), {"partner": "A"}).status_code == 404
    assert client.get(_url("progress_report_detail", rw, 9)).status_code == 404
    assert client.get(_url("progress_report_detail", rw, 0)).status_code == 404


def test_the_report_prints_without_the_navigation() -> None:
    rw = build_report_world()
    page = _client(rw.mw.users["viewer"]).get(_url("progress_report_detail", rw)).content.decode()
    assert "@media print" in page and ".subnav" in page and 'class="no-print"' in page


def test_the_semester_picker_dates_every_semester_and_marks_the_running_one() -> None:
    rw = build_report_world()
    page = _client(rw.mw.users["editor_a"]).get(
        reverse("monitoring:progress_report_semesters", args=[rw.mw.project.pk])).content.decode()
    for semester in range(1, 9):
        assert _url("progress_report_detail", rw, semester) in page
    assert page.count('aria-current="true"') == 1
    projects = _client(rw.mw.users["editor_a"]).get(reverse("monitoring:progress_report_projects")).content.decode()
    assert reverse("monitoring:progress_report_semesters", args=[rw.mw.project.pk]) in projects


def test_the_docx_and_xlsx_read_well_and_hold_the_semesters_records() -> None:
    rw = build_report_world()
    client = _client(rw.mw.users["editor_lead"])
    docx = client.get(_url("progress_report_docx", rw))
    xlsx = client.get(_url("progress_report_xlsx", rw), {"partner": rw.mw.partner_a.pk})
    assert docx.status_code == xlsx.status_code == 200
    assert docx_problems(docx.content, "report.docx") == [] and xlsx_problems(xlsx.content, "report.xlsx") == []
    text = docx_text(docx.content)
    assert "Regional mapping report" in text and "First call for vouchers opened." in text
    assert "Budget line agreed." not in text
    assert 'filename="progress-report-semester-2' in docx["Content-Disposition"]
