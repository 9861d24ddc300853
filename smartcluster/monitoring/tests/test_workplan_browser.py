"""Real headless Chromium: the lead partner starts the work plan from the template and resolves one of its notes
in place (htmx), then partner A's editor marks its deliverable done with a PDF as evidence and the timeline shows
it done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.monitoring.choices import DeliverableStatus
from smartcluster.monitoring.models import Deliverable, WorkPlanNote
from smartcluster.monitoring.tests.test_workplan_services import PDF
from smartcluster.monitoring.tests.world import build_monitoring_world

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _logged_in(browser: Any, live_server: Any, user: Any, settings: Any) -> Any:
    """A browser page carrying the user's session (logging in by form is the accounts app's own test)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**DESKTOP)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME]
                          .value, "url": live_server.url}])
    return context.new_page()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_lead_starts_the_plan_and_a_partner_marks_a_deliverable_done(browser: Any, live_server: Any,
                                                                         settings: Any, tmp_path: Path) -> None:
    mw = build_monitoring_world()
    mw.world.org_a.name = "Region of Thessaly"
    mw.world.org_a.save()
    lead = _logged_in(browser, live_server, mw.users["editor_lead"], settings)
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
    partner = _logged_in(browser, live_server, mw.users["editor_a"], settings)
    partner.goto(f"{live_server.url}/monitoring/work-plan/deliverables/{deliverable.pk}/")
    partner.get_by_label("Done on").fill(mw.project.start_date.isoformat())
    partner.get_by_label("Evidence file").set_input_files(str(evidence))
    partner.get_by_role("button", name="Mark done").click()
    partner.locator("#deliverable-status").get_by_text("Done").wait_for()
    done = Deliverable.objects.get(pk=deliverable.pk)
    assert done.status == DeliverableStatus.DONE and done.evidence_file.name.endswith(".pdf")
