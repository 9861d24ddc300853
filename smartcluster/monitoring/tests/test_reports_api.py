"""The reports API: a project's semesters and a semester's report as JSON, for the project or one partner."""

from __future__ import annotations

import pytest
from django.test import Client

from smartcluster.monitoring.tests.reports_world import EVIDENCE_URL, build_report_world

# the site with blank pages for section links a part of the app has not defined yet (a no-op once all exist)
pytestmark = pytest.mark.django_db


def _get(rw: object, path: str, role: str = "editor_a", **params: object) -> dict:
    answer = Client().get(f"/api/monitoring/projects/{rw.mw.project.pk}/reports/{path}", params,
                          headers={"Authorization": f"Bearer {rw.mw.tokens[role]}"})
    assert answer.status_code == 200, answer.content
    return answer.json()


def test_the_semester_report_as_json_holds_the_semesters_records() -> None:
    rw = build_report_world()
    report = _get(rw, "2")
    assert report["semester"] == 2 and report["partner_id"] is None
    assert {d["title"]: (d["status"], d["evidence_url"]) for d in report["deliverables"]} == {
        "Regional mapping report": ("done", EVIDENCE_URL), "Stakeholder meeting minutes": ("planned", "")}
    assert [d["title"] for d in report["late"]] == ["Stakeholder meeting minutes"]
    assert [e["title"] for e in report["events"]] == ["Workshop in Lamia"]
    assert [p["title"] for p in report["practices"]] == ["Vouchers for shop-floor data"]
    assert [e["what_was_done"] for e in report["entries"]] == ["First call for vouchers opened."]
    assert [(r["status"], r["summary"]) for r in report["partner_reports"]] == [("submitted", "Mapping finished.")]


def test_a_partners_report_as_json_and_the_semesters() -> None:
    rw = build_report_world()
    report = _get(rw, "2", role="editor_lead", partner=rw.mw.partner_b.pk)
    assert report["partner_id"] == rw.mw.partner_b.pk
    assert [d["title"] for d in report["deliverables"]] == ["Stakeholder meeting minutes"]
    assert report["entries"] == [] and report["events"] == [] and report["partner_reports"] == []
    semesters = _get(rw, "")
    assert [s["semester"] for s in semesters] == list(range(1, 9))
    assert [s["semester"] for s in semesters if s["is_current"]] == [3]
