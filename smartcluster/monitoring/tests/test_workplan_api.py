"""The work plan API with real bearer tokens: lists and details with the derived status, a deliverable marked done
with a link by its partner (done without evidence refused naming the field, nothing saved), notes resolved."""

from __future__ import annotations

import pytest
from django.utils import timezone

from smartcluster.monitoring import services
from smartcluster.monitoring.models import WorkPlanNote
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_deliverable,
    monitoring_api,
    monitoring_dump,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mw():
    return build_monitoring_world()


def test_lists_and_details_give_the_template_plan(mw) -> None:
    services.workplan_template_load(project=mw.project)
    deliverables = monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/deliverables/?semester=2").json()
    titles = [row["title"] for row in deliverables["items"]]
    assert "Press release no.1" in titles and all(row["due_semester"] == 2 for row in deliverables["items"])
    assert {row["status"] for row in deliverables["items"]} == {"planned"}
    activities = monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/activities/?semester=1").json()["items"]
    assert activities[0]["semester"] == 1
    assert monitoring_api(mw, "viewer", "get", f"/activities/{activities[0]['id']}").json()["title"] == activities[0]["title"]
    notes = monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/work-plan-notes/").json()["items"]
    assert any("Semestar 6" in note["message"] for note in notes)
    late = monitoring_api(mw, "viewer", "get", f"/projects/{mw.project.pk}/deliverables/late/").json()
    assert {row["due_semester"] for row in late} == {1, 2}  # semester 3 runs


def test_the_partner_marks_done_with_a_link_and_without_evidence_is_refused(mw) -> None:
    deliverable = make_deliverable(mw)
    before = monitoring_dump()
    refused = monitoring_api(mw, "editor_a", "post", f"/deliverables/{deliverable.pk}/done",
                   {"done_on": timezone.localdate().isoformat()})
    assert refused.status_code == 400 and "evidence_file" in refused.content.decode()
    assert monitoring_dump() == before
    assert monitoring_api(mw, "editor_b", "post", f"/deliverables/{deliverable.pk}/done",
                {"done_on": timezone.localdate().isoformat(), "evidence_url": "https://example.org/r"}
                ).status_code == 403
    done = monitoring_api(mw, "editor_a", "post", f"/deliverables/{deliverable.pk}/done",
                {"done_on": timezone.localdate().isoformat(), "evidence_url": "https://example.org/r"})
    assert done.status_code == 200 and done.json()["status"] == "done"
    assert monitoring_api(mw, "outsider", "get", f"/deliverables/{deliverable.pk}").status_code == 404


def test_the_lead_resolves_a_note(mw) -> None:
    services.workplan_template_load(project=mw.project)
    note = WorkPlanNote.objects.filter(project=mw.project).first()
    assert monitoring_api(mw, "editor_a", "post", f"/work-plan-notes/{note.pk}/resolve", {"resolution": "x"}).status_code \
        == 403
    answer = monitoring_api(mw, "editor_lead", "post", f"/work-plan-notes/{note.pk}/resolve", {"resolution": "Renumbered."})
    assert answer.status_code == 200 and answer.json()["resolution"] == "Renumbered."


def test_a_record_of_another_project_is_not_linked_through_the_api(mw) -> None:
    deliverable = make_deliverable(mw)
    before = monitoring_dump()
    answer = monitoring_api(mw, "editor_a", "post", f"/deliverables/{deliverable.pk}/link", {"record": "event:424242"})
    assert answer.status_code == 400 and "record" in answer.content.decode()
    assert monitoring_dump() == before
