"""Real headless Chromium: the lead partner starts the work plan from the template and resolves one of its notes
in place (htmx), then partner A's editor marks its deliverable done with a PDF as evidence and the timeline shows
it done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.monitoring.choices import DeliverableStatus
from smartcluster.monitoring.models import Deliverable, WorkPlanNote
from smartcluster.monitoring.tests.browser import DESKTOP, signed_in_page
from smartcluster.monitoring.tests.world import PDF, build_monitoring_world


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_lead_starts_the_plan_and_a_partner_marks_a_deliverable_done(browser: Any, live_server: Any,
                                                                         settings: Any, tmp_path: Path) -> None:
    mw = build_monitoring_world()
    mw.world.org_a.name = "Region of Thessaly"
    mw.world.org_a.save()
    lead = signed_in_page(browser, live_server, mw.users["editor_lead"], settings, DESKTOP)
    lead.goto(f"{live_server.url}/monitoring/work-plan/")
    lead.get_by_role("button", name="Start from the template of the project idea").click()
    lead.get_by_role("heading", name=f"Work plan: {mw.project}").wait_for()
    assert lead.get_by_text("semester 3 runs today").count() == 1
    lead.get_by_role("link", name="Resolve them").click()
    note = WorkPlanNote.objects.get(project=mw.project, message__contains="Semestar 6")
    row = lead.locator(f"#note-{note.pk}")
    row.get_by_label("How it was resolved").fill("Read as Semester 6.")
    row.get_by_role("button", name="Resolve").click()
    lead.locator(f"#note-{note.pk}").get_by_text("Read as Semester 6.").wait_for()
    assert WorkPlanNote.objects.get(pk=note.pk).resolution == "Read as Semester 6."

    deliverable = Deliverable.objects.get(project=mw.project, due_semester=2, kind="newsletter")  # Thessaly's
    evidence = tmp_path / "newsletter-2.pdf"
    evidence.write_bytes(PDF)
    partner = signed_in_page(browser, live_server, mw.users["editor_a"], settings, DESKTOP)
    partner.goto(f"{live_server.url}/monitoring/work-plan/deliverables/{deliverable.pk}/")
    partner.get_by_label("Done on").fill(mw.project.start_date.isoformat())
    partner.get_by_label("Evidence file").set_input_files(str(evidence))
    partner.get_by_role("button", name="Mark done").click()
    partner.locator("#deliverable-status").get_by_text("Done").wait_for()
    done = Deliverable.objects.get(pk=deliverable.pk)
    assert done.status == DeliverableStatus.DONE and done.evidence_file.name.endswith(".pdf")
