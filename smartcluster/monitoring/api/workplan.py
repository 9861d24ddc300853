"""The work plan API (/api/monitoring/…): a project's activities, deliverables (with their derived status) and
template notes, list and detail, for the partnership (404 to anyone else); writes: a deliverable marked done with
a link as evidence or given a status (its responsible partner), a note resolved (the lead)."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.models import Activity, Deliverable, WorkPlanNote
from smartcluster.site.api import answers_refusals

router = Router()


class WorkPlanActivityOut(Schema):
    id: int
    project_id: int
    semester: int
    strand: str
    position: int
    title: str
    topic: str
    host_partner_id: int | None = Field(None, alias="host_id")
    host_name: str


class DeliverableOut(Schema):
    id: int
    project_id: int
    activity_id: int | None
    kind: str
    number: int | None
    title: str
    responsible_partner_id: int = Field(..., alias="responsible_id")
    responsible: str = Field(..., alias="responsible.organisation.name")
    due_semester: int
    status: str = Field(..., description="Derived from the linked record where there is one")
    done_on: dt.date | None
    evidence_url: str
    has_evidence_file: bool
    evidence_note: str
    event_id: int | None
    communication_item_id: int | None
    good_practice_id: int | None

    @staticmethod
    def resolve_status(obj: Deliverable) -> str:
        return selectors.deliverable_status(obj)

    @staticmethod
    def resolve_has_evidence_file(obj: Deliverable) -> bool:
        return bool(obj.evidence_file)


class WorkPlanNoteOut(Schema):
    id: int
    project_id: int
    semester: int | None
    code: str
    message: str
    resolution: str
    resolved_at: dt.datetime | None


class DeliverableFilters(Schema):
    semester: int | None = Field(None, description="Due semester")
    partner: int | None = Field(None, description="Id of the responsible partner")


class DeliverableDoneIn(Schema):
    done_on: dt.date
    evidence_url: str = Field("", description="A link to the evidence (upload a file on the deliverable's page)")
    note: str = ""


class DeliverableStatusIn(Schema):
    status: str = Field(..., description="planned, in_progress or cancelled (done goes with its evidence)")
    note: str = ""


class DeliverableLinkIn(Schema):
    record: str = Field(..., description='The record to follow: "event:<id>", "item:<id>" or "practice:<id>" '
                                         "(of the deliverable's project)")


class WorkPlanNoteResolveIn(Schema):
    resolution: str


def _project(request: HttpRequest, project_id: int) -> Any:
    return selectors.project_monitored_get(user=request.user, project_id=project_id)


@router.get("/projects/{project_id}/activities/", response=list[WorkPlanActivityOut], auth=READ_AUTH)
@paginate(page_size=100)
def work_plan_activity_list(request: HttpRequest, project_id: int, semester: int | None = None) -> Any:
    return selectors.activity_list(project=_project(request, project_id), semester=semester)


@router.get("/activities/{activity_id}", response=WorkPlanActivityOut, auth=READ_AUTH)
def work_plan_activity_detail(request: HttpRequest, activity_id: int) -> Activity:
    return selectors.activity_get(user=request.user, pk=activity_id)


@router.get("/projects/{project_id}/deliverables/", response=list[DeliverableOut], auth=READ_AUTH)
@paginate(page_size=100)
def deliverable_list(request: HttpRequest, project_id: int, filters: Query[DeliverableFilters]) -> Any:
    project = _project(request, project_id)
    partner = project.partners.filter(pk=filters.partner).first() if filters.partner else None
    deliverables = selectors.deliverable_list(project=project, semester=filters.semester, partner=partner)
    return deliverables.none() if filters.partner and partner is None else deliverables


@router.get("/projects/{project_id}/deliverables/late/", response=list[DeliverableOut], auth=READ_AUTH)
def deliverable_late_list(request: HttpRequest, project_id: int) -> Any:
    return selectors.deliverable_late_list(project=_project(request, project_id))


@router.get("/deliverables/{deliverable_id}", response=DeliverableOut, auth=READ_AUTH)
def deliverable_detail(request: HttpRequest, deliverable_id: int) -> Deliverable:
    return selectors.deliverable_get(user=request.user, pk=deliverable_id)


@router.post("/deliverables/{deliverable_id}/done", response=DeliverableOut)
@answers_refusals
def deliverable_mark_done(request: HttpRequest, deliverable_id: int, payload: DeliverableDoneIn) -> Deliverable:
    deliverable = selectors.deliverable_get(user=request.user, pk=deliverable_id)
    return services.deliverable_mark_done(user=request.user, deliverable=deliverable, done_on=payload.done_on,
                                          evidence_url=payload.evidence_url, note=payload.note)


@router.post("/deliverables/{deliverable_id}/status", response=DeliverableOut)
@answers_refusals
def deliverable_status_set(request: HttpRequest, deliverable_id: int, payload: DeliverableStatusIn) -> Deliverable:
    deliverable = selectors.deliverable_get(user=request.user, pk=deliverable_id)
    return services.deliverable_status_set(user=request.user, deliverable=deliverable, status=payload.status,
                                           note=payload.note)


@router.post("/deliverables/{deliverable_id}/link", response=DeliverableOut)
@answers_refusals
def deliverable_link(request: HttpRequest, deliverable_id: int, payload: DeliverableLinkIn) -> Deliverable:
    deliverable = selectors.deliverable_get(user=request.user, pk=deliverable_id)
    record = selectors.deliverable_link_record(user=request.user, project=deliverable.project, value=payload.record)
    if record is None:
        raise ValidationError({"record": _("No record of the project that you may read is %(value)s.")
                               % {"value": payload.record}})
    return services.deliverable_link(user=request.user, deliverable=deliverable, record=record)


@router.post("/deliverables/{deliverable_id}/unlink", response=DeliverableOut)
@answers_refusals
def deliverable_unlink(request: HttpRequest, deliverable_id: int) -> Deliverable:
    deliverable = selectors.deliverable_get(user=request.user, pk=deliverable_id)
    return services.deliverable_unlink(user=request.user, deliverable=deliverable)


@router.get("/projects/{project_id}/work-plan-notes/", response=list[WorkPlanNoteOut], auth=READ_AUTH)
@paginate(page_size=100)
def work_plan_note_list(request: HttpRequest, project_id: int) -> Any:
    return selectors.work_plan_note_list(project=_project(request, project_id))


@router.get("/work-plan-notes/{note_id}", response=WorkPlanNoteOut, auth=READ_AUTH)
def work_plan_note_detail(request: HttpRequest, note_id: int) -> WorkPlanNote:
    return selectors.work_plan_note_get(user=request.user, pk=note_id)


@router.post("/work-plan-notes/{note_id}/resolve", response=WorkPlanNoteOut)
@answers_refusals
def work_plan_note_resolve(request: HttpRequest, note_id: int, payload: WorkPlanNoteResolveIn) -> WorkPlanNote:
    note = selectors.work_plan_note_get(user=request.user, pk=note_id)
    return services.work_plan_note_resolve(user=request.user, note=note, resolution=payload.resolution)
