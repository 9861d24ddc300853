"""The work plan's services: the template started once with its hosts, Thessaly's communication and its defects;
planning by the lead partner; done only with evidence (checked by content); linked records' status followed;
every refusal leaves the database unchanged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from smartcluster.events.models import CommunicationItem, ProjectEvent
from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import DeliverableStatus
from smartcluster.monitoring.models import Activity, Deliverable, WorkPlanNote
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_deliverable,
    monitoring_dump,
)
from smartcluster.organisations.choices import PartnerRole
from smartcluster.organisations.models import Partner, Project

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


@pytest.fixture
def mw():
    return build_monitoring_world()


def _named(mw, thessaly: bool = True) -> None:
    """Partner A becomes the Region of Thessaly, partner B the NordHessen agency the template names as host."""
    if thessaly:
        mw.world.org_a.name = "Region of Thessaly"
        mw.world.org_a.save()
    mw.world.org_b.name = "Regional management NordHessen GmbH"
    mw.world.org_b.save()


def test_the_template_gives_the_plan_with_hosts_communication_and_its_defects(mw) -> None:
    _named(mw)
    services.workplan_from_template(user=mw.users["editor_lead"], project=mw.project)
    template = services.work_plan_template()
    assert Activity.objects.filter(project=mw.project).count() == sum(len(s.activities) for s in template.semesters)
    assert Deliverable.objects.filter(project=mw.project).count() == len(template.deliverables)
    workshop = Deliverable.objects.get(project=mw.project, due_semester=2, title__startswith="1st interregional wo")
    assert workshop.responsible == mw.partner_b and workshop.activity.host_name.endswith("NordHessen GmbH-Germany")
    assert workshop.activity.topic.startswith("Clusters in Smart industry (4.0) as a tool")
    thessaly_workshop = Deliverable.objects.get(due_semester=3, title__startswith="2st interregional workshop")
    assert thessaly_workshop.responsible == mw.partner_a
    newsletter = Deliverable.objects.get(due_semester=2, kind="newsletter")
    assert newsletter.responsible == mw.partner_a and newsletter.number == 2  # communication: Thessaly
    assert Deliverable.objects.get(due_semester=1, title="1st regional stakeholder groups meeting").responsible \
        == mw.lead
    irish = Deliverable.objects.get(due_semester=3, title__startswith="2st interregional event")
    assert irish.responsible == mw.lead and irish.activity.host_name == "WSX-Ireland"  # no such partner
    notes = list(WorkPlanNote.objects.filter(project=mw.project, code="number_twice").values_list("semester",
                                                                                                  "message"))
    assert (1, "press release no. 1 is given twice (S1: “Press release number 1”; S2: “Press release no.1”).") \
        in notes
    assert WorkPlanNote.objects.filter(project=mw.project, message__contains="Semestar 6").exists()


def test_without_thessaly_communication_falls_to_the_lead(mw) -> None:
    _named(mw, thessaly=False)
    assert services.workplan_template_load(project=mw.project) is True
    assert Deliverable.objects.get(due_semester=2, kind="newsletter").responsible == mw.lead
    assert services.workplan_template_load(project=mw.project) is False  # idempotent


def test_the_template_is_refused_once_a_plan_exists_and_to_others_than_the_lead(mw) -> None:
    make_deliverable(mw)
    before = monitoring_dump()
    with pytest.raises(ValidationError, match="already has a work plan"):
        services.workplan_from_template(user=mw.users["editor_lead"], project=mw.project)
    assert monitoring_dump() == before
    Deliverable.objects.all().delete()
    before = monitoring_dump()
    with pytest.raises(PermissionDenied):
        services.workplan_from_template(user=mw.users["editor_a"], project=mw.project)
    assert monitoring_dump() == before


def test_a_shorter_project_refuses_the_template_naming_due_semester_and_keeps_nothing(mw) -> None:
    mw.project.semesters = 6
    mw.project.save()
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refused:
        services.workplan_from_template(user=mw.users["editor_lead"], project=mw.project)
    assert "due_semester" in refused.value.message_dict
    assert monitoring_dump() == before


@pytest.mark.parametrize("due", [0, 9])
def test_a_deliverable_due_outside_the_project_is_refused_naming_due_semester(mw, due: int) -> None:
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refused:
        services.deliverable_create(user=mw.users["editor_lead"], project=mw.project, kind="report",
                                    title="Report", responsible=mw.partner_a, due_semester=due)
    assert "outside the project" in refused.value.message_dict["due_semester"][0]
    assert monitoring_dump() == before


def test_only_the_lead_plans_and_the_responsible_partner_updates(mw) -> None:
    deliverable = services.deliverable_create(user=mw.users["editor_lead"], project=mw.project, kind="report",
                                              title="Mapping report", responsible=mw.partner_a, due_semester=2)
    before = monitoring_dump()
    with pytest.raises(PermissionDenied):
        services.deliverable_update(user=mw.users["editor_a"], deliverable=deliverable, due_semester=4)
    with pytest.raises(PermissionDenied):
        services.deliverable_status_set(user=mw.users["editor_b"], deliverable=deliverable, status="in_progress")
    assert monitoring_dump() == before
    services.deliverable_status_set(user=mw.users["editor_a"], deliverable=deliverable, status="in_progress")
    assert Deliverable.objects.get(pk=deliverable.pk).status == DeliverableStatus.IN_PROGRESS


def test_done_without_evidence_is_refused(mw) -> None:
    deliverable = make_deliverable(mw)
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refused:
        services.deliverable_mark_done(user=mw.users["editor_a"], deliverable=deliverable,
                                       done_on=timezone.localdate())
    assert "evidence_file" in refused.value.message_dict
    assert monitoring_dump() == before


def test_an_executable_named_pdf_is_refused_and_nothing_is_stored(mw, media) -> None:
    deliverable = make_deliverable(mw)
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refused:
        services.deliverable_mark_done(user=mw.users["editor_a"], deliverable=deliverable,
                                       done_on=timezone.localdate(),
                                       evidence_file=SimpleUploadedFile("minutes.pdf", EXECUTABLE))
    assert "whatever its name says" in refused.value.message_dict["evidence_file"][0]
    assert monitoring_dump() == before
    assert not [path for path in media.rglob("*") if path.is_file()]


def test_done_with_a_pdf_stores_it_under_a_name_of_the_platforms_choosing(mw) -> None:
    deliverable = make_deliverable(mw)
    done = services.deliverable_mark_done(user=mw.users["editor_a"], deliverable=deliverable,
                                          done_on=timezone.localdate(), note="Signed minutes",
                                          evidence_file=SimpleUploadedFile("../../minutes.pdf", PDF))
    assert done.status == DeliverableStatus.DONE and done.evidence_file.name.endswith(".pdf")
    assert "minutes" not in done.evidence_file.name and selectors.deliverable_status(done) == "done"


def test_a_linked_event_or_item_decides_the_status(mw) -> None:
    deliverable = make_deliverable(mw, due_semester=2)
    starts = timezone.now() + dt.timedelta(days=3)
    event = ProjectEvent.objects.create(project=mw.project, kind="workshop", title="Workshop", host=mw.partner_a,
                                        starts_at=starts, ends_at=starts + dt.timedelta(hours=2),
                                        time_zone="Europe/Athens")
    linked = services.deliverable_link(user=mw.users["editor_a"], deliverable=deliverable, record=event)
    assert selectors.deliverable_status(linked) == "in_progress"
    assert [d.pk for d in selectors.deliverable_late_list(project=mw.project)] == [deliverable.pk]
    ProjectEvent.objects.filter(pk=event.pk).update(starts_at=starts - dt.timedelta(days=10),
                                                    ends_at=starts - dt.timedelta(days=9))
    linked = Deliverable.objects.get(pk=deliverable.pk)
    assert selectors.deliverable_status(linked) == "done"
    assert selectors.deliverable_late_list(project=mw.project) == []
    item = CommunicationItem.objects.create(project=mw.project, kind="newsletter", number=1, title="Newsletter 1",
                                            due_semester=2, responsible=mw.partner_a)
    linked = services.deliverable_link(user=mw.users["editor_a"], deliverable=linked, record=item)
    assert linked.event is None and selectors.deliverable_status(linked) == "in_progress"
    CommunicationItem.objects.filter(pk=item.pk).update(status="published", published_on=timezone.localdate())
    assert selectors.deliverable_status(Deliverable.objects.get(pk=deliverable.pk)) == "done"


def test_a_record_of_another_project_is_not_linked(mw) -> None:
    other = Project.objects.create(name="Other", acronym="OTH", programme="Interreg Europe")
    host = Partner.objects.create(project=other, organisation=mw.world.org_a, role=PartnerRole.PARTNER)
    event = ProjectEvent.objects.create(project=other, kind="workshop", title="Elsewhere", host=host,
                                        starts_at=timezone.now(),
                                        ends_at=timezone.now(), time_zone="UTC")
    deliverable = make_deliverable(mw)
    before = monitoring_dump()
    with pytest.raises(ValidationError, match="own project"):
        services.deliverable_link(user=mw.users["editor_a"], deliverable=deliverable, record=event)
    assert monitoring_dump() == before


def test_a_note_is_resolved_with_its_resolution_by_the_lead(mw) -> None:
    services.workplan_template_load(project=mw.project)
    note = WorkPlanNote.objects.filter(project=mw.project).first()
    with pytest.raises(ValidationError) as refused:
        services.work_plan_note_resolve(user=mw.users["editor_lead"], note=note, resolution=" ")
    assert "resolution" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        services.work_plan_note_resolve(user=mw.users["editor_a"], note=note, resolution="Renumbered.")
    resolved = services.work_plan_note_resolve(user=mw.users["editor_lead"], note=note, resolution="Renumbered.")
    assert resolved.resolved_at is not None and selectors.work_plan_note_list(project=mw.project, open_only=True) \
        .filter(pk=note.pk).count() == 0
