"""The action plans API (/api/monitoring/…): plans (published ones for all, drafts for the partnership), their
actions (Part III, with the derived status) and monitoring entries, list and detail; writes: a monitoring entry
recorded with a link as evidence (the partner's editors, the lead's, administrators; bearer tokens)."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.models import Action, ActionPlan, MonitoringEntry
from smartcluster.site.api import answers_refusals

router = Router()


class ActionPlanOut(Schema):
    id: int
    partner_id: int
    partner: str = Field(..., alias="partner.organisation.name")
    project_id: int = Field(..., alias="partner.project_id")
    policy_instrument: str = Field(..., alias="partner.policy_instrument")
    title: str
    general_information: str
    policy_context: str
    developed_with: list[int]
    status: str
    adopted_on: dt.date | None
    adopted_by: str
    implementation_started_on: dt.date | None
    is_published: bool

    @staticmethod
    def resolve_developed_with(obj: ActionPlan) -> list[int]:
        return [partner.pk for partner in obj.developed_with.all()]


class PlanActionOut(Schema):
    id: int
    plan_id: int
    position: int
    title: str
    background_kind: str
    good_practice_id: int | None
    recommendation_id: int | None
    brainstorm_id: int | None
    background: str
    description: str
    players: str
    starts_on: dt.date
    ends_on: dt.date
    costs: Decimal | None
    funding: str
    status: str = Field(..., description="The latest monitoring entry's status, else not_started")

    @staticmethod
    def resolve_status(obj: Action) -> str:
        return selectors.action_status(obj)


class MonitoringEntryOut(Schema):
    id: int
    action_id: int
    semester: int
    status: str
    what_was_done: str
    explanation: str
    evidence_url: str
    has_evidence_file: bool
    recorded_at: dt.datetime

    @staticmethod
    def resolve_has_evidence_file(obj: MonitoringEntry) -> bool:
        return bool(obj.evidence_file)


class MonitoringEntryIn(Schema):
    semester: int = Field(..., description="A semester that has begun")
    status: str = Field(..., description="not_started, in_progress, delayed, implemented or not_implemented")
    what_was_done: str = ""
    explanation: str = Field("", description="Required when not implemented")
    evidence_url: str = Field("", description="A link to the evidence (upload a file on the action's page)")


@router.get("/action-plans/", response=list[ActionPlanOut], auth=READ_AUTH)
@paginate(page_size=100)
def action_plan_list(request: HttpRequest, project: int | None = None, status: str = "") -> Any:
    plans = selectors.action_plan_list(user=request.user, status=status)
    return [plan for plan in plans if project is None or plan.partner.project_id == project]


@router.get("/action-plans/{plan_id}", response=ActionPlanOut, auth=READ_AUTH)
def action_plan_detail(request: HttpRequest, plan_id: int) -> ActionPlan:
    return selectors.action_plan_get(user=request.user, pk=plan_id)


@router.get("/action-plans/{plan_id}/actions/", response=list[PlanActionOut], auth=READ_AUTH)
@paginate(page_size=100)
def plan_action_list(request: HttpRequest, plan_id: int) -> Any:
    return selectors.action_plan_get(user=request.user, pk=plan_id).actions.all()


@router.get("/actions/{action_id}", response=PlanActionOut, auth=READ_AUTH)
def plan_action_detail(request: HttpRequest, action_id: int) -> Action:
    return selectors.action_get(user=request.user, pk=action_id)


@router.get("/actions/{action_id}/entries/", response=list[MonitoringEntryOut], auth=READ_AUTH)
@paginate(page_size=100)
def monitoring_entry_list(request: HttpRequest, action_id: int) -> Any:
    return selectors.action_get(user=request.user, pk=action_id).entries.all()


@router.post("/actions/{action_id}/entries/", response=MonitoringEntryOut)
@answers_refusals
def monitoring_entry_record(request: HttpRequest, action_id: int, payload: MonitoringEntryIn) -> MonitoringEntry:
    action = selectors.action_get(user=request.user, pk=action_id)
    return services.monitoring_entry_record(user=request.user, action=action, **payload.dict())
