"""Real headless Chromium, an indicator's semester: the lead sets the targets of a row per partner, partner A's
editor fills a value entered by hand with its evidence PDF and submits the report once confirmed, and the lead
accepts the value in the review queue on a phone. Screenshots monitoring-indicators-1..4 (the last at phone
width); the indicator and the semester's draft are prepared directly (their forms are the views tests')."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.monitoring.models import IndicatorValue
from smartcluster.monitoring.tests.browser import DESKTOP, PHONE, signed_in_page
from smartcluster.monitoring.tests.world import (
    PDF,
    build_monitoring_world,
    make_indicator,
    make_progress_report,
)

ISSUER = "Region of Sterea Ellada, managing authority"


def _set_targets(page: Any, live_server: Any, mw: Any, indicator: Any, shots: Path) -> None:
    page.goto(live_server.url + reverse("monitoring:indicator_plan", args=[mw.project.pk]))
    page.get_by_label(mw.partner_a.organisation.name).fill("2")
    page.get_by_label(mw.partner_b.organisation.name).fill("3")
    page.get_by_role("button", name="Save the targets").click()
    page.get_by_text("The indicators' plan was saved.").wait_for()
    page.screenshot(path=str(shots / "monitoring-indicators-1-targets.png"), full_page=True)
    assert {t.partner_id: t.value for t in indicator.targets.all()} == {mw.partner_a.pk: 2, mw.partner_b.pk: 3}


def _fill_and_submit(page: Any, live_server: Any, report: Any, shots: Path) -> None:
    page.goto(live_server.url + reverse("monitoring:progress_report_page", args=[report.pk]))
    page.get_by_role("spinbutton", name="Value").fill("1")
    page.get_by_label("Evidence type").fill("Signed pilot agreement")
    page.get_by_label("Issued by").fill(ISSUER)
    page.get_by_label("Evidence document").set_input_files(
        files=[{"name": "agreement.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_role("button", name="Save the value of").click()
    page.get_by_role("link", name="Download the evidence document").wait_for()
    page.screenshot(path=str(shots / "monitoring-indicators-2-value-filled.png"), full_page=True)
    page.get_by_label("I confirm the values").check()
    page.get_by_role("button", name="Submit the report").click()
    page.get_by_text("The report was submitted; its values now count.").wait_for()
    page.get_by_text(ISSUER).wait_for()
    page.screenshot(path=str(shots / "monitoring-indicators-3-submitted.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_lead_sets_targets_a_partner_reports_with_evidence_and_the_lead_accepts_it(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a, semester=3)

    _set_targets(signed_in_page(browser, live_server, mw.users["editor_lead"], settings, DESKTOP), live_server, mw, indicator,
                 screenshot_dir)
    _fill_and_submit(signed_in_page(browser, live_server, mw.users["editor_a"], settings, DESKTOP), live_server, report,
                     screenshot_dir)
    value = IndicatorValue.objects.get(report=report, indicator=indicator)
    assert (value.value, value.evidence_issuer, value.evidence_file.read()) == (Decimal(1), ISSUER, PDF)

    phone = signed_in_page(browser, live_server, mw.users["editor_lead"], settings, PHONE)
    phone.goto(live_server.url + reverse("monitoring:indicator_review_queue", args=[mw.project.pk]))
    phone.get_by_label("Accept", exact=True).check()
    phone.get_by_role("button", name="Save the review").click()
    phone.get_by_text("The review was saved.").wait_for()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the review queue scrolls sideways on a phone: {width}px"
    phone.screenshot(path=str(screenshot_dir / "monitoring-indicators-4-review-phone.png"), full_page=True)
    value.refresh_from_db()
    assert (value.review, value.reviewed_by) == ("accepted", mw.users["editor_lead"])
