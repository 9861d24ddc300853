"""API of the events app: communication plans (target groups, channels, KPIs with their achieved values) and items,
with what is due and late (under /api/events/communication/); writes by the services' rules (answers_refusals)."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.events import selectors, services
from smartcluster.events.models import (
    CommunicationChannel,
    CommunicationItem,
    CommunicationKind,
    CommunicationKpi,
    CommunicationPlan,
    CommunicationStatus,
    KpiMeasure,
    ProjectEvent,
    TargetGroup,
)
from smartcluster.organisations.selectors import partner_get, project_get
from smartcluster.site.api import answers_refusals

router = Router(tags=["events: communication"])


class CommunicationEntryOut(Schema):
    id: int
    name: str
    description: str


class CommunicationKpiOut(Schema):
    id: int
    name: str
    unit: str
    target: int
    measure: KpiMeasure
    item_kind: str = Field(..., description="Kind of items counted (empty: every kind)")
    achieved: int | None = Field(None, description="Counted from published items, or entered (see basis)")
    percent: float | None = None
    basis: str = Field(..., description="How the achieved value was obtained")


class CommunicationPlanOut(Schema):
    id: int
    project_id: int
    project: str
    responsible_id: int = Field(..., description="The communication partner (a Partner id)")
    responsible: str
    objectives: str
    target_groups: list[CommunicationEntryOut]
    channels: list[CommunicationEntryOut]
    kpis: list[CommunicationKpiOut]

    @staticmethod
    def resolve_project(obj: CommunicationPlan) -> str:
        return str(obj.project)

    @staticmethod
    def resolve_responsible(obj: CommunicationPlan) -> str:
        return str(obj.responsible.organisation)

    @staticmethod
    def resolve_target_groups(obj: CommunicationPlan) -> list[Any]:
        return list(obj.target_groups.all())

    @staticmethod
    def resolve_channels(obj: CommunicationPlan) -> list[Any]:
        return list(obj.channels.all())

    @staticmethod
    def resolve_kpis(obj: CommunicationPlan) -> list[dict[str, Any]]:
        return [{"id": p.kpi.pk, "name": p.kpi.name, "unit": p.kpi.unit, "target": p.kpi.target,
                 "measure": p.kpi.measure, "item_kind": p.kpi.item_kind, "achieved": p.achieved,
                 "percent": p.percent, "basis": p.basis} for p in selectors.communication_kpi_progress(plan=obj)]


class CommunicationPlanIn(Schema):
    project_id: int | None = Field(None, description="The project (on creation)")
    responsible_id: int | None = Field(None, description="The communication partner (a Partner id)")
    objectives: str | None = None


class CommunicationEntryIn(Schema):
    name: str
    description: str = ""


class CommunicationKpiIn(Schema):
    name: str | None = None
    unit: str | None = None
    target: int | None = None
    measure: KpiMeasure | None = None
    item_kind: CommunicationKind | None = None
    achieved: int | None = Field(None, description="Only for measure=manual")


class CommunicationItemOut(Schema):
    id: int
    project_id: int
    kind: CommunicationKind
    number: int
    title: str
    due_semester: int
    responsible_id: int
    responsible: str
    status: CommunicationStatus
    published_on: dt.date | None = None
    url: str
    reach: int | None = None
    event_ids: list[int] = Field(..., description="The project events it reports on that the caller may read")
    state: str | None = Field(None, description="due (this semester), late (semester passed), or null")

    @staticmethod
    def resolve_responsible(obj: CommunicationItem) -> str:
        return str(obj.responsible.organisation)

    @staticmethod
    def resolve_event_ids(obj: CommunicationItem, context: dict[str, Any]) -> list[int]:
        readable = selectors.communication_item_events(user=context["request"].user, item=obj)
        return sorted(readable.values_list("pk", flat=True))

    @staticmethod
    def resolve_state(obj: CommunicationItem) -> str | None:
        semester = selectors.project_semester(project=obj.project, on=timezone.localdate())
        return selectors.communication_item_state(obj, semester)


class CommunicationItemFilters(Schema):
    project: int | None = None
    kind: CommunicationKind | None = None
    status: CommunicationStatus | None = None
    semester: int | None = Field(None, description="Due semester")
    responsible: int | None = Field(None, description="Responsible partner id")


class CommunicationItemIn(Schema):
    project_id: int | None = Field(None, description="The project (on creation)")
    kind: CommunicationKind | None = None
    number: int | None = None
    title: str | None = None
    due_semester: int | None = None
    responsible_id: int | None = Field(None, description="The responsible partner (a Partner id)")
    status: CommunicationStatus | None = None
    published_on: dt.date | None = None
    url: str | None = None
    reach: int | None = None
    event_ids: list[int] | None = Field(None, description="The project events it reports on (replaces them)")


class CommunicationBoardOut(Schema):
    project_id: int
    on: dt.date
    semester: int | None = Field(None, description="The project's current semester (null before its start)")
    due: list[CommunicationItemOut]
    late: list[CommunicationItemOut]


def _sent(payload: Schema, *fields: str) -> dict[str, Any]:
    values = payload.model_dump()
    return {name: values[name] for name in fields if name in payload.model_fields_set}


def _plan(request: HttpRequest, plan_id: int) -> CommunicationPlan:
    plan = selectors.communication_plan_get(user=request.user, pk=plan_id)
    if plan is None:
        raise Http404(f"No communication plan {plan_id}.")
    return plan


def _partner(request: HttpRequest, partner_id: int | None, field: str) -> Any:
    if partner_id is None:
        raise ValidationError({field: "Name the partner (a Partner id)."})
    return partner_get(user=request.user, partner_id=partner_id)


def _events(request: HttpRequest, ids: list[int] | None) -> list[ProjectEvent] | None:
    if ids is None:
        return None
    events = list(selectors.project_event_list(user=request.user, pks=ids))
    missing = sorted(set(ids) - {event.pk for event in events})
    if missing:
        raise ValidationError({"event_ids": f"No project event {missing[0]} that you may read."})
    return events


@router.get("/communication/plans/", response=list[CommunicationPlanOut], auth=READ_AUTH)
@paginate(page_size=50)
def communication_plan_list(request: HttpRequest) -> Any:
    return selectors.communication_plan_list(user=request.user)


@router.get("/communication/plans/{plan_id}", response=CommunicationPlanOut, auth=READ_AUTH)
def communication_plan_detail(request: HttpRequest, plan_id: int) -> CommunicationPlan:
    return _plan(request, plan_id)


@router.post("/communication/plans/", response={201: CommunicationPlanOut})
@answers_refusals
def communication_plan_create(request: HttpRequest, payload: CommunicationPlanIn) -> Status:
    if payload.project_id is None:
        raise ValidationError({"project_id": "Name the project (project_id)."})
    plan = services.communication_plan_create(
        user=request.user, project=project_get(project_id=payload.project_id),
        responsible=_partner(request, payload.responsible_id, "responsible_id"),
        data={"objectives": payload.objectives or ""})
    return Status(201, _plan(request, plan.pk))


@router.patch("/communication/plans/{plan_id}", response=CommunicationPlanOut)
@answers_refusals
def communication_plan_update(request: HttpRequest, plan_id: int, payload: CommunicationPlanIn) -> Any:
    plan = _plan(request, plan_id)
    data = _sent(payload, "objectives")
    if "responsible_id" in payload.model_fields_set:
        data["responsible"] = _partner(request, payload.responsible_id, "responsible_id")
    services.communication_plan_update(user=request.user, plan=plan, data=data)
    return _plan(request, plan_id)


@router.post("/communication/plans/{plan_id}/target-groups", response={201: CommunicationPlanOut})
@answers_refusals
def communication_target_group_create(request: HttpRequest, plan_id: int, payload: CommunicationEntryIn) -> Status:
    plan = _plan(request, plan_id)
    services.communication_target_group_save(user=request.user, plan=plan, data=payload.model_dump())
    return Status(201, _plan(request, plan_id))


@router.delete("/communication/target-groups/{entry_id}", response={204: None})
@answers_refusals
def communication_target_group_delete(request: HttpRequest, entry_id: int) -> Status:
    entry = selectors.communication_entry_get(model=TargetGroup, pk=entry_id)
    services.communication_target_group_delete(user=request.user, target_group=entry)
    return Status(204, None)


@router.post("/communication/plans/{plan_id}/channels", response={201: CommunicationPlanOut})
@answers_refusals
def communication_channel_create(request: HttpRequest, plan_id: int, payload: CommunicationEntryIn) -> Status:
    plan = _plan(request, plan_id)
    services.communication_channel_save(user=request.user, plan=plan, data=payload.model_dump())
    return Status(201, _plan(request, plan_id))


@router.delete("/communication/channels/{entry_id}", response={204: None})
@answers_refusals
def communication_channel_delete(request: HttpRequest, entry_id: int) -> Status:
    entry = selectors.communication_entry_get(model=CommunicationChannel, pk=entry_id)
    services.communication_channel_delete(user=request.user, channel=entry)
    return Status(204, None)


@router.post("/communication/plans/{plan_id}/kpis", response={201: CommunicationPlanOut})
@answers_refusals
def communication_kpi_create(request: HttpRequest, plan_id: int, payload: CommunicationKpiIn) -> Status:
    plan = _plan(request, plan_id)
    services.communication_kpi_save(user=request.user, plan=plan, data=_sent(
        payload, "name", "unit", "target", "measure", "item_kind", "achieved"))
    return Status(201, _plan(request, plan_id))


def _kpi(kpi_id: int) -> CommunicationKpi:
    return selectors.communication_entry_get(model=CommunicationKpi, pk=kpi_id)


@router.patch("/communication/kpis/{kpi_id}", response=CommunicationPlanOut)
@answers_refusals
def communication_kpi_update(request: HttpRequest, kpi_id: int, payload: CommunicationKpiIn) -> Any:
    kpi = _kpi(kpi_id)
    services.communication_kpi_save(user=request.user, plan=kpi.plan, kpi=kpi, data=_sent(
        payload, "name", "unit", "target", "measure", "item_kind", "achieved"))
    return _plan(request, kpi.plan_id)


@router.delete("/communication/kpis/{kpi_id}", response={204: None})
@answers_refusals
def communication_kpi_delete(request: HttpRequest, kpi_id: int) -> Status:
    services.communication_kpi_delete(user=request.user, kpi=_kpi(kpi_id))
    return Status(204, None)


@router.get("/communication/items/", response=list[CommunicationItemOut], auth=READ_AUTH)
@paginate(page_size=50)
def communication_item_list(request: HttpRequest, filters: Query[CommunicationItemFilters]) -> Any:
    return selectors.communication_item_list(
        user=request.user, project=filters.project, kind=filters.kind, status=filters.status,
        semester=filters.semester, responsible=filters.responsible)


@router.get("/communication/items/{item_id}", response=CommunicationItemOut, auth=READ_AUTH)
def communication_item_detail(request: HttpRequest, item_id: int) -> CommunicationItem:
    return selectors.communication_item_get(user=request.user, pk=item_id)


def _item_data(request: HttpRequest, payload: CommunicationItemIn) -> dict[str, Any]:
    data = _sent(payload, "kind", "number", "title", "due_semester", "status", "published_on", "url", "reach")
    if "responsible_id" in payload.model_fields_set:
        data["responsible"] = _partner(request, payload.responsible_id, "responsible_id")
    return data


@router.post("/communication/items/", response={201: CommunicationItemOut})
@answers_refusals
def communication_item_create(request: HttpRequest, payload: CommunicationItemIn) -> Status:
    if payload.project_id is None:
        raise ValidationError({"project_id": "Name the project (project_id)."})
    item = services.communication_item_create(
        user=request.user, project=project_get(project_id=payload.project_id), data=_item_data(request, payload),
        events=_events(request, payload.event_ids) or [])
    return Status(201, selectors.communication_item_get(user=request.user, pk=item.pk))


@router.patch("/communication/items/{item_id}", response=CommunicationItemOut)
@answers_refusals
def communication_item_update(request: HttpRequest, item_id: int, payload: CommunicationItemIn) -> Any:
    item = selectors.communication_item_get(user=request.user, pk=item_id)
    services.communication_item_update(user=request.user, item=item, data=_item_data(request, payload),
                                       events=_events(request, payload.event_ids))
    return selectors.communication_item_get(user=request.user, pk=item_id)


@router.delete("/communication/items/{item_id}", response={204: None})
@answers_refusals
def communication_item_delete(request: HttpRequest, item_id: int) -> Status:
    services.communication_item_delete(user=request.user,
                                       item=selectors.communication_item_get(user=request.user, pk=item_id))
    return Status(204, None)


@router.get("/communication/projects/{project_id}/board", response=CommunicationBoardOut, auth=READ_AUTH)
def communication_board(request: HttpRequest, project_id: int, responsible: int | None = None) -> dict[str, Any]:
    """Open items due in the project's current semester, and open items whose due semester has passed."""
    board = selectors.communication_board(user=request.user, project=project_get(project_id=project_id),
                                          responsible=responsible)
    return {"project_id": project_id, "on": board.on, "semester": board.semester, "due": board.due,
            "late": board.late}
