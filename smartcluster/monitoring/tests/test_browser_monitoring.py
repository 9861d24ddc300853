"""Real headless Chromium, a partner's semester: partner A's editor opens their to-do list, marks a deliverable done
with its evidence (a PDF uploaded and a link), records the semester's monitoring entry of their action plan's
action, and opens the semester report, which shows both (on a desktop and on a phone). The action plan and its
action are prepared directly (their forms are the action plans tests'); every other step is clicked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.monitoring.choices import DeliverableStatus
from smartcluster.monitoring.models import Deliverable, MonitoringEntry
from smartcluster.monitoring.tests.browser import DESKTOP, PHONE, signed_in_page
from smartcluster.monitoring.tests.world import (
    PDF,
    build_monitoring_world,
    make_action,
    make_action_plan,
    make_deliverable,
)

TITLE = "Report on the regional stakeholder meeting"
EVIDENCE_URL = "https://example.org/minutes/stakeholder-meeting-3.pdf"
DONE_WHAT = "The call for vouchers opened; twelve SMEs applied."
ENTRY_EVIDENCE = "https://example.org/calls/vouchers-2026.pdf"


def _mark_done(page: Any, live_server: Any, mw: Any, shots: Path) -> Deliverable:
    page.goto(live_server.url + reverse("monitoring:workplan_todo", args=[mw.project.pk, mw.partner_a.pk]))
    page.screenshot(path=str(shots / "monitoring-1-todo.png"), full_page=True)
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("heading", name=TITLE).wait_for()
    page.get_by_label("Done on").fill(timezone.localdate().isoformat())
    page.get_by_label("Evidence file").set_input_files(
        files=[{"name": "minutes.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_label("Evidence link").fill(EVIDENCE_URL)
    page.get_by_role("button", name="Mark done").click()
    page.wait_for_function("/done/i.test(document.querySelector('#deliverable-status')?.textContent || '')")
    page.screenshot(path=str(shots / "monitoring-2-deliverable-done.png"), full_page=True)
    deliverable = Deliverable.objects.get(title=TITLE)
    assert deliverable.status == DeliverableStatus.DONE and deliverable.evidence_url == EVIDENCE_URL
    assert deliverable.evidence_file and deliverable.done_on is not None
    return deliverable


def _record_entry(page: Any, live_server: Any, action: Any, shots: Path) -> MonitoringEntry:
    page.goto(live_server.url + reverse("monitoring:monitoring_entry_edit", args=[action.pk]))
    page.get_by_label("Semester").fill("3")
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("What was done").fill(DONE_WHAT)
    page.get_by_label("Evidence link").fill(ENTRY_EVIDENCE)
    page.screenshot(path=str(shots / "monitoring-3-entry-filled.png"), full_page=True)
    page.get_by_role("button", name="Save").click()
    page.get_by_text(DONE_WHAT).first.wait_for()
    entry = MonitoringEntry.objects.get(action=action)
    assert (entry.semester, entry.what_was_done, entry.evidence_url) == (3, DONE_WHAT, ENTRY_EVIDENCE)
    return entry


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_partner_marks_a_deliverable_done_records_an_entry_and_reads_both_in_the_report(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any) -> None:
    mw = build_monitoring_world()
    make_deliverable(mw, due_semester=3, title=TITLE)
    action = make_action(make_action_plan(mw.partner_a))
    editor = mw.users["editor_a"]
    page = signed_in_page(browser, live_server, editor, settings, DESKTOP)

    _mark_done(page, live_server, mw, screenshot_dir)
    _record_entry(page, live_server, action, screenshot_dir)

    page.goto(live_server.url + reverse("monitoring:progress_report_semesters", args=[mw.project.pk]))
    page.get_by_role("link", name="Semester 3").click()
    page.get_by_label("Partner", exact=True).select_option(str(mw.partner_a.pk))
    page.get_by_role("button", name="Show").click()
    report = page.locator("#semester-report")
    for shown in (TITLE, EVIDENCE_URL, "file stored", DONE_WHAT, ENTRY_EVIDENCE, action.title):
        report.get_by_text(shown).first.wait_for()
    page.screenshot(path=str(screenshot_dir / "monitoring-4-semester-report.png"), full_page=True)
    page.emulate_media(media="print")
    assert not page.locator("nav.subnav").first.is_visible()
    page.screenshot(path=str(screenshot_dir / "monitoring-5-report-printed.png"), full_page=True)

    phone = signed_in_page(browser, live_server, editor, settings, PHONE)
    phone.goto(page.url)
    phone.locator("#semester-report").get_by_text(DONE_WHAT).first.wait_for()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the report scrolls sideways on a phone: {width}px"
    phone.screenshot(path=str(screenshot_dir / "monitoring-6-report-phone.png"), full_page=True)
