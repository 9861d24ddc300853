"""The indicators API: a project's indicators with their progress (targets 2 + 3 → 5, only submitted values count),
an indicator's targets, the reports with their values; a partner's editor creates a report, sets a value and submits
it with a real bearer token; refusals name the field or answer 403/404 and save nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartcluster.monitoring.models import IndicatorTarget
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_indicator,
    make_progress_report,
    monitoring_api,
    monitoring_dump,
)

pytestmark = pytest.mark.django_db


def test_the_list_rolls_up_targets_and_counts_only_submitted_values() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    IndicatorTarget.objects.create(indicator=indicator, partner=mw.partner_a, value=2)
    IndicatorTarget.objects.create(indicator=indicator, partner=mw.partner_b, value=3)
    make_progress_report(mw.partner_a, submitted=True, values={indicator: 1})
    make_progress_report(mw.partner_b, values={indicator: 2})
    row = monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/indicators/").json()["items"][0]
    assert (row["code"], Decimal(row["target"]), Decimal(row["achieved"]), Decimal(row["drafted"])) == (
        "RCO84", 5, 1, 2)
    assert row["percentage"] == 20
    mine = monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/indicators/?partner={mw.partner_a.pk}").json()
    assert Decimal(mine["items"][0]["target"]) == 2


def test_the_detail_lists_the_targets_and_the_semester_bounds_the_achieved() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    IndicatorTarget.objects.create(indicator=indicator, partner=None, value=4)
    make_progress_report(mw.partner_a, semester=3, submitted=True, values={indicator: 1})
    detail = monitoring_api(mw, "editor_b", "get", f"/indicators/{indicator.pk}?semester=2").json()
    assert [(t["partner_id"], Decimal(t["value"])) for t in detail["targets"]] == [(None, 4)]
    assert Decimal(detail["achieved"]) == 0 and Decimal(detail["target"]) == 4
    assert Decimal(monitoring_api(mw, "editor_b", "get", f"/indicators/{indicator.pk}").json()["achieved"]) == 1
    answer = monitoring_api(mw, "editor_b", "get", f"/indicators/{indicator.pk}?semester=9")
    assert answer.status_code == 400 and "semester" in answer.content.decode()


def test_reports_are_listed_with_their_values() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a, values={indicator: 2})
    make_progress_report(mw.partner_b, semester=1)
    listing = monitoring_api(mw, "participant", "get", f"/projects/{mw.project.pk}/progress-reports/?partner={mw.partner_a.pk}")
    items = listing.json()["items"]
    assert [(item["id"], item["status"]) for item in items] == [(report.pk, "draft")]
    assert Decimal(items[0]["values"][0]["value"]) == 2 and items[0]["values"][0]["indicator_id"] == indicator.pk
    values = monitoring_api(mw, "participant", "get", f"/progress-reports/{report.pk}/values/").json()["items"]
    assert values[0]["review"] == "pending" and values[0]["has_evidence_file"] is False


def test_the_partners_editor_creates_fills_and_submits_a_report_with_a_bearer_token() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    created = monitoring_api(mw, "editor_a", "post", f"/projects/{mw.project.pk}/progress-reports/",
                   {"partner": mw.partner_a.pk, "semester": 2, "summary": "Pilot launched."})
    assert created.status_code == 200, created.content
    report_id = created.json()["id"]
    value = monitoring_api(mw, "editor_a", "post", f"/progress-reports/{report_id}/values/",
                 {"indicator": indicator.pk, "value": "1", "evidence_type": "Pilot report",
                  "evidence_issuer": "Thessaly region", "evidence_date": "2026-06-30",
                  "evidence_url": "https://example.org/pilot.pdf"})
    assert value.status_code == 200, value.content
    assert value.json()["evidence_issuer"] == "Thessaly region"
    assert Decimal(monitoring_api(mw, "viewer", "get", f"/indicators/{indicator.pk}").json()["achieved"]) == 0
    submitted = monitoring_api(mw, "editor_a", "post", f"/progress-reports/{report_id}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert Decimal(monitoring_api(mw, "viewer", "get", f"/indicators/{indicator.pk}").json()["achieved"]) == 1


@pytest.mark.parametrize(("path", "payload", "field"), [
    ("create", {"partner": 10**6, "semester": 2}, "partner"),
    ("create", {"semester": 9}, "semester"),
    ("value", {"indicator": 10**6, "value": "1"}, "indicator"),
    ("value", {"value": "-1"}, "value"),
    ("submitted", {"value": "3"}, "report"),
])
def test_bad_input_names_its_field_and_saves_nothing(path: str, payload: dict, field: str) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a, submitted=path == "submitted")
    if path == "create":
        url, payload = f"/projects/{mw.project.pk}/progress-reports/", {"partner": mw.partner_a.pk, **payload}
    else:
        url, payload = f"/progress-reports/{report.pk}/values/", {"indicator": indicator.pk, **payload}
    before = monitoring_dump()
    answer = monitoring_api(mw, "editor_a", "post", url, payload)
    assert answer.status_code == 400 and field in answer.content.decode()
    assert monitoring_dump() == before


def test_a_second_submit_is_refused_and_changes_nothing() -> None:
    mw = build_monitoring_world()
    report = make_progress_report(mw.partner_a, submitted=True)
    before = monitoring_dump()
    answer = monitoring_api(mw, "editor_a", "post", f"/progress-reports/{report.pk}/submit")
    assert answer.status_code == 400 and "final" in answer.content.decode()
    assert monitoring_dump() == before


def test_ids_outside_the_partnership_or_beyond_the_integers_are_404() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a)
    for path in [f"/indicators/{indicator.pk}", f"/progress-reports/{report.pk}",
                 f"/projects/{mw.project.pk}/indicators/", f"/indicators/{10**30}", f"/progress-reports/{10**30}"]:
        assert monitoring_api(mw, "outsider", "get", path).status_code == 404, path
    assert monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/indicators/?partner=999999").status_code == 404


def test_filters_and_ids_beyond_the_database_integers_are_answered_not_crashed() -> None:
    mw = build_monitoring_world()
    report = make_progress_report(mw.partner_a)
    reports = f"/projects/{mw.project.pk}/progress-reports/"
    assert monitoring_api(mw, "viewer", "get", f"{reports}?partner={10**30}").status_code == 404
    assert monitoring_api(mw, "viewer", "get", f"{reports}?semester={10**30}").status_code == 400
    before = monitoring_dump()
    created = monitoring_api(mw, "editor_a", "post", reports, {"partner": 10**30, "semester": 2})
    value = monitoring_api(mw, "editor_a", "post", f"/progress-reports/{report.pk}/values/", {"indicator": 10**30, "value": 1})
    assert (created.status_code, value.status_code) == (400, 400)
    assert monitoring_dump() == before


def test_a_measured_indicator_carries_its_live_count_and_a_manual_one_none() -> None:
    mw = build_monitoring_world()
    make_indicator(mw)
    make_indicator(mw, code="RCO83", name="Jointly developed strategies and action plans",
                   unit="strategy/action plan", measure="action_plans_developed")
    rows = monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/indicators/").json()["items"]
    live = {row["code"]: row["live"] for row in rows}
    assert live["RCO84"] is None and Decimal(live["RCO83"]) == 0


def test_the_checks_say_when_rcr79_exceeds_rco83() -> None:
    mw = build_monitoring_world()
    developed = make_indicator(mw, code="RCO83", name="Jointly developed strategies and action plans")
    taken_up = make_indicator(mw, code="RCR79", name="Joint strategies and action plans taken up", kind="result")
    make_progress_report(mw.partner_a, submitted=True, values={developed: 1, taken_up: 2})
    checks = monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/indicator-checks/").json()
    assert [(check["name"], check["passed"]) for check in checks] == [("RCR79 ≤ RCO83", False)]
    assert "RCR79" in checks[0]["message"]
    assert monitoring_api(mw, "outsider", "get", f"/projects/{mw.project.pk}/indicator-checks/").status_code == 404
