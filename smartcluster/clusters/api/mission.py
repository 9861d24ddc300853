"""API of the clusters app: joint cluster missions, commitments and progress (under /api/clusters/)."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import Commitment, Mission
from smartcluster.organisations.selectors import organisation_queryset
from smartcluster.site.api import answers_refusals

router = Router(tags=["clusters: mission"])


class ClusterMissionIndicatorOut(Schema):
    id: int
    title: str
    unit: str


class ClusterMissionTotalOut(Schema):
    indicator_id: int
    commitments: int
    target: Decimal
    achieved: Decimal
    percent: float | None = None


class ClusterMissionOut(Schema):
    id: int
    title: str
    goal: str
    target_date: dt.date
    organisation_id: int
    organisation: str = Field(..., alias="organisation.name")
    is_published: bool
    indicators: list[ClusterMissionIndicatorOut]

    @staticmethod
    def resolve_indicators(obj: Mission) -> list[Any]:
        return list(obj.indicators.all())


class ClusterMissionDetailOut(ClusterMissionOut):
    totals: list[ClusterMissionTotalOut]


class ClusterMissionIndicatorIn(Schema):
    title: str
    unit: str


class ClusterMissionIn(Schema):
    organisation_id: int | None = Field(None, description="The organisation running it (on creation)")
    title: str | None = None
    goal: str | None = None
    target_date: dt.date | None = None
    is_published: bool | None = None
    indicators: list[ClusterMissionIndicatorIn] = Field(default_factory=list,
                                                        description="Indicators added (existing ones stay)")


class ClusterProgressOut(Schema):
    year: int
    value: Decimal
    evidence_url: str
    evidence_note: str


class ClusterCommitmentStatusOut(Schema):
    achieved: Decimal
    percent: float
    expected: Decimal = Field(..., description="Value of the linear path at the end of as_of_year (our rule)")
    as_of_year: int
    on_track: bool
    reached: bool


class ClusterCommitmentOut(Schema):
    id: int
    mission_id: int = Field(..., alias="indicator.mission_id")
    indicator_id: int
    profile_id: int
    cluster: str
    text: str
    target: Decimal
    target_year: int
    progress: list[ClusterProgressOut]
    status: ClusterCommitmentStatusOut

    @staticmethod
    def resolve_cluster(obj: Commitment) -> str:
        return str(obj.profile)

    @staticmethod
    def resolve_progress(obj: Commitment) -> list[Any]:
        return list(obj.progress.all())

    @staticmethod
    def resolve_status(obj: Commitment) -> Any:
        return selectors.commitment_statuses([obj])[0][1]


class ClusterCommitmentFilters(Schema):
    mission: int | None = None
    profile: int | None = Field(None, description="Cluster profile id")


class ClusterCommitmentIn(Schema):
    profile_id: int | None = Field(None, description="The committing cluster (on creation)")
    indicator_id: int | None = Field(None, description="The mission's indicator (on creation)")
    text: str | None = None
    target: Decimal | None = None
    target_year: int | None = None


class ClusterProgressIn(Schema):
    year: int
    value: Decimal
    evidence_url: str = ""
    evidence_note: str = ""


def _sent(payload: Schema, *fields: str) -> dict[str, Any]:
    values = payload.model_dump()
    return {name: values[name] for name in fields if name in payload.model_fields_set}


def _mission_detail(request: HttpRequest, mission: Mission) -> Mission:
    """The mission with its totals per indicator (read by `ClusterMissionDetailOut`)."""
    mission.totals = [{"indicator_id": total.indicator.pk, "commitments": total.commitments, "target": total.target,
                       "achieved": total.achieved, "percent": total.percent}
                      for total in selectors.mission_totals(user=request.user, mission=mission)]
    return mission


@router.get("/missions/", response=list[ClusterMissionOut], auth=READ_AUTH)
@paginate(page_size=50)
def mission_list(request: HttpRequest) -> Any:
    return selectors.mission_list(user=request.user)


@router.get("/missions/{mission_id}", response=ClusterMissionDetailOut, auth=READ_AUTH)
def mission_detail(request: HttpRequest, mission_id: int) -> Any:
    return _mission_detail(request, selectors.mission_get(user=request.user, pk=mission_id))


@router.post("/missions/", response={201: ClusterMissionDetailOut})
@answers_refusals
def mission_create(request: HttpRequest, payload: ClusterMissionIn) -> Status:
    organisation = organisation_queryset(ids=[payload.organisation_id]).first() if payload.organisation_id else None
    if organisation is None:
        raise ValidationError({"organisation_id": "Name the organisation running the mission (organisation_id)."})
    mission = services.mission_create(user=request.user, organisation=organisation,
                                      data=_sent(payload, "title", "goal", "target_date", "is_published"),
                                      indicators=[(i.title, i.unit) for i in payload.indicators])
    return Status(201, _mission_detail(request, mission))


@router.patch("/missions/{mission_id}", response=ClusterMissionDetailOut)
@answers_refusals
def mission_update(request: HttpRequest, mission_id: int, payload: ClusterMissionIn) -> Any:
    mission = selectors.mission_get(user=request.user, pk=mission_id)
    mission = services.mission_update(user=request.user, mission=mission,
                                      data=_sent(payload, "title", "goal", "target_date", "is_published"))
    for indicator in payload.indicators:
        services.mission_indicator_add(user=request.user, mission=mission, title=indicator.title,
                                       unit=indicator.unit)
    return _mission_detail(request, mission)


@router.get("/commitments/", response=list[ClusterCommitmentOut], auth=READ_AUTH)
@paginate(page_size=50)
def commitment_list(request: HttpRequest, filters: Query[ClusterCommitmentFilters]) -> Any:
    mission = selectors.mission_get(user=request.user, pk=filters.mission) if filters.mission else None
    profile = (selectors.cluster_profile_get(user=request.user, profile_id=filters.profile)
               if filters.profile else None)
    return selectors.commitment_list(user=request.user, mission=mission, profile=profile)


@router.get("/commitments/{commitment_id}", response=ClusterCommitmentOut, auth=READ_AUTH)
def commitment_detail(request: HttpRequest, commitment_id: int) -> Commitment:
    return selectors.commitment_get(user=request.user, pk=commitment_id)


@router.post("/commitments/", response={201: ClusterCommitmentOut})
@answers_refusals
def commitment_create(request: HttpRequest, payload: ClusterCommitmentIn) -> Status:
    if payload.profile_id is None or payload.indicator_id is None:
        raise ValidationError({"profile_id": "Name the cluster (profile_id) and the indicator (indicator_id)."})
    profile = selectors.cluster_profile_get(user=request.user, profile_id=payload.profile_id)
    indicator = selectors.mission_indicator_get(user=request.user, pk=payload.indicator_id)
    commitment = services.commitment_create(user=request.user, profile=profile, indicator=indicator,
                                            data=_sent(payload, "text", "target", "target_year"))
    return Status(201, selectors.commitment_get(user=request.user, pk=commitment.pk))


@router.patch("/commitments/{commitment_id}", response=ClusterCommitmentOut)
@answers_refusals
def commitment_update(request: HttpRequest, commitment_id: int, payload: ClusterCommitmentIn) -> Commitment:
    commitment = selectors.commitment_get(user=request.user, pk=commitment_id)
    services.commitment_update(user=request.user, commitment=commitment,
                               data=_sent(payload, "text", "target", "target_year"))
    return selectors.commitment_get(user=request.user, pk=commitment_id)


@router.delete("/commitments/{commitment_id}", response={204: None})
@answers_refusals
def commitment_delete(request: HttpRequest, commitment_id: int) -> Status:
    services.commitment_delete(user=request.user,
                               commitment=selectors.commitment_get(user=request.user, pk=commitment_id))
    return Status(204, None)


@router.post("/commitments/{commitment_id}/progress", response={201: ClusterCommitmentOut})
@answers_refusals
def commitment_progress_report(request: HttpRequest, commitment_id: int, payload: ClusterProgressIn) -> Status:
    """A year's progress with its evidence (a second report of the same year replaces the first)."""
    commitment = selectors.commitment_get(user=request.user, pk=commitment_id)
    services.commitment_progress_report(user=request.user, commitment=commitment, **payload.model_dump())
    return Status(201, selectors.commitment_get(user=request.user, pk=commitment_id))
