"""The indicators pages' permission matrix, through forms with CSRF: the plan (indicators and targets) and the review
are the lead's editors' and administrators'; partner A's report is created, filled and submitted by A's editors,
the lead's and administrators; the partnership reads the reports and downloads the evidence (404 to anyone else).
Every refusal leaves every table unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smartcluster.monitoring.models import IndicatorValue, ProgressReport
from smartcluster.monitoring.tests.world import (
    PDF,
    build_monitoring_world,
    make_indicator,
    make_progress_report,
    monitoring_dump,
    post,
    signed_in,
)

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "viewer", "participant", "editor_a", "editor_b", "editor_lead", "outsider", "administrator"]
READERS = {"viewer", "participant", "editor_a", "editor_b", "editor_lead", "administrator"}
WRITERS_OF_A = {"editor_a", "editor_lead", "administrator"}
PLANNERS = {"editor_lead", "administrator"}


def _client(mw: Any, role: str) -> Any:
    return signed_in(None if role == "anonymous" else mw.users[role],
                     reverse("monitoring:indicator_reporting_projects"))


def _refused(role: str) -> set[int]:
    """Outside the partnership (anonymous included) the project is not said to exist: 404; a reader without the
    right: 403."""
    return {404} if role in ("outsider", "anonymous") else {403}


def _attempt(client: Any, role: str, allowed: bool, url: str, data: dict[str, Any]) -> None:
    before = monitoring_dump()
    answer = post(client, url, data)
    if allowed:
        assert answer.status_code == 302, (url, answer.status_code)
        return
    assert answer.status_code in _refused(role), (url, answer.status_code)
    assert monitoring_dump() == before, url


@pytest.mark.parametrize("role", ROLES)
def test_planning_the_indicators_and_targets_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    client, allowed = _client(mw, role), role in PLANNERS
    url = reverse("monitoring:indicator_plan", args=[mw.project.pk])
    _attempt(client, role, allowed, url, {"action": "defaults"})
    _attempt(client, role, allowed, url, {"action": "custom", "custom-name": "Peer reviews", "custom-unit": "reviews",
                                          "custom-kind": "output"})
    _attempt(client, role, allowed, url, {"action": "targets", "indicator": indicator.pk,
                                          f"targets-target_{mw.partner_a.pk}": "4"})
    assert (mw.project.indicators.count() == 8) is allowed
    assert indicator.targets.filter(partner=mw.partner_a, value=4).exists() is allowed


@pytest.mark.parametrize("role", ROLES)
def test_creating_filling_and_submitting_partner_as_report_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    client, allowed = _client(mw, role), role in WRITERS_OF_A
    _attempt(client, role, allowed, reverse("monitoring:progress_report_list", args=[mw.project.pk, mw.partner_a.pk]),
             {"semester": "2"})
    report = ProgressReport.objects.filter(partner=mw.partner_a).first() or make_progress_report(mw.partner_a)
    _attempt(client, role, allowed, reverse("monitoring:progress_report_page", args=[report.pk]),
             {"indicator": indicator.pk, f"i{indicator.pk}-value": "3",
              f"i{indicator.pk}-evidence_file": SimpleUploadedFile("a.pdf", PDF)})
    _attempt(client, role, allowed, reverse("monitoring:progress_report_submit_page", args=[report.pk]),
             {"submit-confirm": "on"})
    report.refresh_from_db()
    assert (report.status == "submitted") is allowed
    assert report.values.filter(value=3).exists() is allowed


@pytest.mark.parametrize("role", ROLES)
def test_reviewing_a_value_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    value = make_progress_report(mw.partner_a, submitted=True, values={make_indicator(mw): 2}).values.get()
    client, allowed = _client(mw, role), role in PLANNERS
    _attempt(client, role, allowed, reverse("monitoring:indicator_value_review", args=[value.pk]),
             {"decision": "accepted"})
    value.refresh_from_db()
    assert (value.review == "accepted") is allowed


@pytest.mark.parametrize("role", ROLES)
def test_the_pages_and_the_evidence_are_read_as_the_matrix_says(role: str) -> None:
    mw = build_monitoring_world()
    report = make_progress_report(mw.partner_a, submitted=True)
    value = IndicatorValue(report=report, indicator=make_indicator(mw), value=1)
    value.evidence_file.save("x.pdf", SimpleUploadedFile("x.pdf", PDF))
    client = _client(mw, role)
    read = 200 if role in READERS else 404
    for url in (reverse("monitoring:progress_report_list", args=[mw.project.pk, mw.partner_a.pk]),
                reverse("monitoring:progress_report_page", args=[report.pk]),
                reverse("monitoring:indicator_evidence", args=[value.pk])):
        assert client.get(url).status_code == read, url
    planned = 200 if role in PLANNERS else read if read == 404 else 403
    for url in (reverse("monitoring:indicator_plan", args=[mw.project.pk]),
                reverse("monitoring:indicator_review_queue", args=[mw.project.pk])):
        assert client.get(url).status_code == planned, url
