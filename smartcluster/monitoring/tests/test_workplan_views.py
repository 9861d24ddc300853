"""The work plan's pages with CSRF enforced: the lead starts the plan from the template, the timeline marks the
running semester, a partner's to-do and the late list, a deliverable marked done with a PDF (an executable named
.pdf and a due semester outside the project refused with nothing saved), notes resolved with htmx, the XLSX."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from smartcluster.events.models import ProjectEvent
from smartcluster.monitoring import services
from smartcluster.monitoring.choices import DeliverableStatus
from smartcluster.monitoring.models import Activity, Deliverable, WorkPlanNote
from smartcluster.monitoring.tests.test_workplan_services import EXECUTABLE, PDF
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_activity,
    make_deliverable,
    monitoring_dump,
    post,
    signed_in,
)
from smartcluster.reports.tests.readable import xlsx_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def mw():
    return build_monitoring_world()


def test_the_lead_starts_the_plan_from_the_template_and_the_timeline_shows_it(mw) -> None:
    projects = reverse("monitoring:workplan_projects")
    client = signed_in(mw.users["editor_lead"], projects)
    assert "Start from the template" in client.get(projects).content.decode()
    answer = post(client, reverse("monitoring:workplan_start", args=[mw.project.pk]), {})
    assert answer.status_code == 302 and Deliverable.objects.filter(project=mw.project).exists()
    page = client.get(reverse("monitoring:workplan_timeline", args=[mw.project.pk])).content.decode()
    assert "Semester 8" in page and "semester 3 runs today" in page and 'aria-current="true"' in page
    assert "Project kick-off meeting in Lithuania" in page
    again = post(client, reverse("monitoring:workplan_start", args=[mw.project.pk]), {})
    assert "already has a work plan" in client.get(again.url).content.decode()


def test_a_partner_sees_no_start_button(mw) -> None:
    projects = reverse("monitoring:workplan_projects")
    page = signed_in(mw.users["editor_a"], projects).get(projects).content.decode()
    assert str(mw.project) in page and "Start from the template" not in page


def test_the_todo_and_late_lists(mw) -> None:
    late = make_deliverable(mw, due_semester=1, title="Mapping report S1")
    make_deliverable(mw, due_semester=1, title="Poster done", status=DeliverableStatus.DONE,
                     done_on=mw.project.start_date, evidence_url="https://example.org/poster")
    make_deliverable(mw, responsible=mw.partner_b, due_semester=5, title="B's newsletter")
    client = signed_in(mw.users["editor_a"], reverse("monitoring:workplan_projects"))
    page = client.get(reverse("monitoring:workplan_late", args=[mw.project.pk])).content.decode()
    assert late.title in page and "Poster done" not in page and "B&#x27;s newsletter" not in page
    todo = client.get(reverse("monitoring:workplan_todo", args=[mw.project.pk, mw.partner_b.pk])).content.decode()
    assert "B&#x27;s newsletter" in todo and late.title not in todo


def test_a_partner_marks_its_deliverable_done_with_a_pdf(mw) -> None:
    deliverable = make_deliverable(mw)
    url = reverse("monitoring:deliverable_detail", args=[deliverable.pk])
    client = signed_in(mw.users["editor_a"], url)
    answer = post(client, url, {"action": "done", "done_on": mw.project.start_date.isoformat(),
                                "evidence_file": SimpleUploadedFile("minutes.pdf", PDF), "note": "Signed"})
    assert answer.status_code == 302
    done = Deliverable.objects.get(pk=deliverable.pk)
    assert done.status == DeliverableStatus.DONE and done.evidence_file.name.endswith(".pdf")


def test_an_executable_named_pdf_is_refused_on_the_page(mw, media) -> None:
    deliverable = make_deliverable(mw)
    url = reverse("monitoring:deliverable_detail", args=[deliverable.pk])
    client = signed_in(mw.users["editor_a"], url)
    before = monitoring_dump()
    answer = post(client, url, {"action": "done", "done_on": mw.project.start_date.isoformat(),
                                "evidence_file": SimpleUploadedFile("minutes.pdf", EXECUTABLE)})
    assert answer.status_code == 400 and "whatever its name says" in answer.content.decode()
    assert monitoring_dump() == before and not [p for p in media.rglob("*") if p.is_file()]


def test_done_without_evidence_is_refused_on_the_page(mw) -> None:
    deliverable = make_deliverable(mw)
    url = reverse("monitoring:deliverable_detail", args=[deliverable.pk])
    client = signed_in(mw.users["editor_a"], url)
    before = monitoring_dump()
    answer = post(client, url, {"action": "done", "done_on": mw.project.start_date.isoformat()})
    assert answer.status_code == 400 and "Give the evidence" in answer.content.decode()
    assert monitoring_dump() == before


def test_a_deliverable_due_outside_the_project_is_refused_naming_the_field(mw) -> None:
    url = reverse("monitoring:deliverable_create", args=[mw.project.pk])
    client = signed_in(mw.users["editor_lead"], url)
    before = monitoring_dump()
    answer = post(client, url, {"kind": "report", "title": "Final report", "responsible": mw.partner_a.pk,
                                "due_semester": 9})
    page = answer.content.decode()
    assert answer.status_code == 400 and "Semester 9 is outside the project" in page
    assert page.index("Semester 9 is outside") > page.index('name="due_semester"')  # under its field
    assert monitoring_dump() == before


def test_the_lead_resolves_a_note_with_htmx(mw) -> None:
    services.workplan_template_load(project=mw.project)
    note = WorkPlanNote.objects.filter(project=mw.project, message__contains="Semestar 6").get()
    notes_url = reverse("monitoring:workplan_notes", args=[mw.project.pk])
    client = signed_in(mw.users["editor_lead"], notes_url)
    assert "Semestar 6" in client.get(notes_url).content.decode()
    token = client.cookies["csrftoken"].value
    answer = client.post(reverse("monitoring:work_plan_note_resolve", args=[note.pk]),
                         {"resolution": "Read as Semester 6.", "csrfmiddlewaretoken": token}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200 and "Read as Semester 6." in answer.content.decode()
    assert WorkPlanNote.objects.get(pk=note.pk).resolved_at is not None


def test_the_work_plan_xlsx_reads_well(mw) -> None:
    services.workplan_template_load(project=mw.project)
    client = signed_in(mw.users["viewer"], reverse("monitoring:workplan_projects"))
    answer = client.get(reverse("monitoring:workplan_xlsx", args=[mw.project.pk]))
    assert answer.status_code == 200
    assert xlsx_problems(answer.content, "work plan") == []


def test_a_partner_links_an_event_and_the_deliverable_follows_it(mw) -> None:
    deliverable = make_deliverable(mw, due_semester=2)
    starts = timezone.now() - dt.timedelta(days=2)
    event = ProjectEvent.objects.create(project=mw.project, kind="workshop", title="Workshop in Lamia",
                                        host=mw.partner_a, starts_at=starts, ends_at=starts + dt.timedelta(hours=2),
                                        time_zone="Europe/Athens")
    url = reverse("monitoring:deliverable_detail", args=[deliverable.pk])
    client = signed_in(mw.users["editor_a"], url)
    assert "Workshop in Lamia" in client.get(url).content.decode()
    assert post(client, url, {"action": "link", "record": f"event:{event.pk}"}).status_code == 302
    assert Deliverable.objects.get(pk=deliverable.pk).event == event
    assert '<dd id="deliverable-status">Done' in client.get(url).content.decode()
    refused = post(client, url, {"action": "link", "record": "event:999999"})
    assert refused.status_code == 400 and Deliverable.objects.get(pk=deliverable.pk).event == event
    assert post(client, url, {"action": "unlink"}).status_code == 302
    assert Deliverable.objects.get(pk=deliverable.pk).event is None


def test_the_lead_edits_and_removes_an_activity_and_a_partner_may_not(mw) -> None:
    activity = make_activity(mw)
    deliverable = make_deliverable(mw, activity=activity)
    edit = reverse("monitoring:activity_edit", args=[activity.pk])
    partner = signed_in(mw.users["editor_a"], reverse("monitoring:workplan_projects"))
    before = monitoring_dump()
    assert post(partner, reverse("monitoring:activity_delete", args=[activity.pk]), {}).status_code == 403
    assert monitoring_dump() == before
    client = signed_in(mw.users["editor_lead"], edit)
    answer = post(client, edit, {"semester": 4, "strand": "exchange", "title": "2nd workshop", "topic": "Skills"})
    assert answer.status_code == 302 and Activity.objects.get(pk=activity.pk).semester == 4
    assert post(client, reverse("monitoring:activity_delete", args=[activity.pk]), {}).status_code == 302
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert Deliverable.objects.get(pk=deliverable.pk).activity is None
