"""The impact API (/api/monitoring/…): an action's impact indicators, and one with its series read now from its
source (the action's start year marked, the means before and after); read as the action's plan is (published plans
by everyone, drafts by the partnership; 404 to anyone else)."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.monitoring import selectors
from smartcluster.monitoring.models import ImpactIndicator

router = Router()


class ImpactIndicatorOut(Schema):
    id: int
    action_id: int
    source: str
    region_code: str
    dataset: str
    category: str
    measure: str
    cluster_id: int | None
    note: str


class ImpactPointOut(Schema):
    year: int
    value: float
    is_start: bool = Field(..., description="The year the action started")


class ImpactSeriesOut(Schema):
    points: list[ImpactPointOut]
    start_year: int | None
    before: float | None = Field(None, description="Mean of the values before the action started")
    after: float | None = Field(None, description="Mean of the values from the action's start year on")
    source: str
    unit: str
    message: str = Field(..., description="Why the series is empty or partial, if it is")

    @staticmethod
    def resolve_points(obj: Any) -> list[dict[str, Any]]:
        return [{"year": year, "value": value, "is_start": year == obj.start_year} for year, value in obj.points]


class ImpactIndicatorDetailOut(ImpactIndicatorOut):
    series: ImpactSeriesOut

    @staticmethod
    def resolve_series(obj: ImpactIndicator) -> Any:
        return selectors.impact_series(obj)


@router.get("/actions/{action_id}/impact-indicators/", response=list[ImpactIndicatorOut], auth=READ_AUTH)
@paginate(page_size=100)
def impact_indicator_list(request: HttpRequest, action_id: int) -> Any:
    return selectors.impact_indicator_list(action=selectors.action_get(user=request.user, pk=action_id))


@router.get("/impact-indicators/{indicator_id}", response=ImpactIndicatorDetailOut, auth=READ_AUTH)
def impact_indicator_detail(request: HttpRequest, indicator_id: int) -> ImpactIndicator:
    return selectors.impact_indicator_get(user=request.user, pk=indicator_id)  # 404 unless the plan is readable
