"""Transfers API (/api/learning/transfers/): the list with the page's filters, a transfer, a practice's journey;
writes with bearer tokens by the inspired partner's editors (record, change, remove)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.learning import selectors, services
from smartcluster.learning.models import PracticeTransfer
from smartcluster.organisations.selectors import partner_get
from smartcluster.site.api import answers_refusals

router = Router()


class PracticeTransferOut(Schema):
    id: int
    practice_id: int
    practice: str = Field(..., alias="practice.title")
    partner_id: int
    partner: str = Field(..., alias="partner.organisation.name")
    regions: list[str]
    stage: str
    inspired_on: dt.date
    stage_on: dt.date
    description: str
    evidence: str
    evidence_url: str

    @staticmethod
    def resolve_regions(obj: PracticeTransfer) -> list[str]:
        return [region.code for region in obj.partner.regions.all()]


class PracticeTransferFilters(Schema):
    practice: int | None = Field(None, description="Id of a good practice")
    partner: int | None = Field(None, description="Id of the partner inspired")
    project: int | None = Field(None, description="Id of the inspired partner's project")
    stage: str = Field("", description="inspired, planned, adapted or adopted")
    country: str = Field("", description="Two-letter NUTS country of the inspired partner's regions")
    search: str = Field("", description="Words of the practice's title, the description or the partner's name")


class PracticeTransferIn(Schema):
    practice: int = Field(..., description="Id of a good practice you may read")
    partner: int = Field(..., description="Id of the partner inspired (one you edit for)")
    stage: str = Field("inspired", description="inspired, planned, adapted or adopted")
    inspired_on: dt.date
    stage_on: dt.date | None = Field(None, description="When the stage was reached (default: inspired_on)")
    description: str = ""
    evidence: str = ""
    evidence_url: str = ""


class PracticeTransferChangeIn(Schema):
    stage: str | None = None
    inspired_on: dt.date | None = None
    stage_on: dt.date | None = None
    description: str | None = None
    evidence: str | None = None
    evidence_url: str | None = None


class PracticeTransferStageCount(Schema):
    stage: str
    label: str
    count: int


class PracticeTransferJourneyOut(Schema):
    practice_id: int
    partner_count: int
    regions: list[str]
    countries: list[str]
    stages: list[PracticeTransferStageCount]
    transfers: list[PracticeTransferOut]


@router.get("/transfers/", response=list[PracticeTransferOut], auth=READ_AUTH)
@paginate(page_size=50)
def transfer_list(request: HttpRequest, filters: Query[PracticeTransferFilters]) -> Any:
    return selectors.practice_transfer_list(
        user=request.user, practice_id=filters.practice, partner_id=filters.partner, project_id=filters.project,
        stage=filters.stage, country=filters.country, search=filters.search)


@router.get("/transfers/{transfer_id}", response=PracticeTransferOut, auth=READ_AUTH)
def transfer_detail(request: HttpRequest, transfer_id: int) -> Any:
    return selectors.practice_transfer_get(user=request.user, transfer_id=transfer_id)


@router.get("/practices/{practice_id}/journey", response=PracticeTransferJourneyOut, auth=READ_AUTH)
def practice_journey(request: HttpRequest, practice_id: int) -> dict[str, Any]:
    """Where the practice travelled: partners, regions, countries and how many reached each stage."""
    practice = selectors.good_practice_get(user=request.user, practice_id=practice_id)
    journey = selectors.practice_journey(user=request.user, practice=practice)
    return {"practice_id": practice.pk, "partner_count": journey.partner_count,
            "regions": [region.code for region in journey.regions], "countries": journey.countries,
            "stages": [{"stage": stage, "label": label, "count": count} for stage, label, count in
                       journey.stage_counts], "transfers": journey.transfers}


@router.post("/transfers/", response={201: PracticeTransferOut})
@answers_refusals
def transfer_create(request: HttpRequest, payload: PracticeTransferIn) -> Status[Any]:
    data = payload.dict()
    practice = selectors.good_practice_get(user=request.user, practice_id=data.pop("practice"))
    partner = partner_get(user=request.user, partner_id=data.pop("partner"))
    transfer = services.practice_transfer_create(user=request.user, practice=practice, partner=partner, **data)
    return Status(201, selectors.practice_transfer_get(user=request.user, transfer_id=transfer.pk))


@router.patch("/transfers/{transfer_id}", response=PracticeTransferOut)
@answers_refusals
def transfer_update(request: HttpRequest, transfer_id: int, payload: PracticeTransferChangeIn) -> Any:
    transfer = selectors.practice_transfer_get(user=request.user, transfer_id=transfer_id)
    changes = payload.dict(exclude_unset=True)
    services.practice_transfer_update(user=request.user, transfer=transfer, **changes)
    return selectors.practice_transfer_get(user=request.user, transfer_id=transfer_id)


@router.delete("/transfers/{transfer_id}", response={204: None})
@answers_refusals
def transfer_delete(request: HttpRequest, transfer_id: int) -> Status[None]:
    transfer = selectors.practice_transfer_get(user=request.user, transfer_id=transfer_id)
    services.practice_transfer_delete(user=request.user, transfer=transfer)
    return Status(204, None)
