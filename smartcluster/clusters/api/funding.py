"""API of the clusters app: funding records (published ones for everyone, drafts for the cluster's own people),
their figures per year and the "public dependency rising" flag, the sums of a group, and saving a year."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import FundingRecord
from smartcluster.evaluation import DependencyTrend, FundingFigures
from smartcluster.site.api import answers_refusals

router = Router()


class ClusterFundingOut(Schema):
    id: int
    profile_id: int
    cluster: str = Field(..., alias="profile.organisation.name")
    year: int
    revenue: float
    source_shares: dict[str, float] = Field(..., description="% of revenue by source; they sum to 100 ± 0.5")
    core_funding: float | None
    annual_cost: float | None
    contracted_next_12_months: float | None
    contracted_next_36_months: float | None
    is_published: bool

    @staticmethod
    def resolve_source_shares(obj: FundingRecord) -> dict[str, float]:
        return {source: float(getattr(obj, source)) for source in selectors.SHARE_FIELDS}


class ClusterFundingFiguresOut(Schema):
    year: int
    revenue_by_source: dict[str, float] = Field(..., description="EUR")
    public_dependency: float = Field(..., description="% of revenue from regional, national and EU grants")
    core_share: float | None = Field(None, description="% of revenue that is multi-year core funding")
    project_share: float | None
    secured_12_months: float | None = Field(None, description="contracted next 12 months / annual cost")
    secured_36_months: float | None
    revenue_per_member: float | None
    revenue_per_fte: float | None


class ClusterFundingTrendOut(Schema):
    rises_running: int = Field(..., description="year-on-year rises of public dependency up to the latest year")
    rising: bool = Field(..., description="flagged after three rises running")


class ClusterFundingDetailOut(ClusterFundingOut):
    members: int | None
    figures: ClusterFundingFiguresOut
    trend: ClusterFundingTrendOut = Field(..., description="of the cluster's years the caller may read")


class ClusterFundingFilters(Schema):
    profile: int | None = Field(None, description="A cluster profile id")
    year: int | None = None
    region: str = Field("", description="The beginning of the cluster organisation's NUTS code, e.g. DE1")
    country: str = Field("", description="Two-letter country code")


class ClusterFundingIn(Schema):
    """A year's figures. On an existing year what is left out keeps its value, except the shares: they are one
    whole, so giving any share sets the others left out to 0."""

    profile_id: int
    year: int
    revenue: Decimal | None = None
    regional_grants: Decimal = Decimal(0)
    national_grants: Decimal = Decimal(0)
    eu_grants: Decimal = Decimal(0)
    membership_fees: Decimal = Decimal(0)
    paid_services: Decimal = Decimal(0)
    project_income: Decimal = Decimal(0)
    sponsorship_other: Decimal = Decimal(0)
    core_funding: Decimal | None = None
    annual_cost: Decimal | None = None
    contracted_next_12_months: Decimal | None = None
    contracted_next_36_months: Decimal | None = None
    is_published: bool = False


class ClusterFundingGroupYearOut(Schema):
    year: int
    clusters: int
    revenue: float
    figures: ClusterFundingFiguresOut


class ClusterFundingGroupOut(Schema):
    years: list[ClusterFundingGroupYearOut]
    trend: ClusterFundingTrendOut


class ClusterFundingGroupFilters(Schema):
    region: str = Field("", max_length=5, pattern=r"^([A-Za-z]{2}[A-Za-z0-9]{0,3})?$")
    country: str = Field("", max_length=2, pattern=r"^([A-Za-z]{2})?$")


def _figures(figures: FundingFigures) -> dict[str, Any]:
    return dict(figures.__dict__)


def _trend(trend: DependencyTrend) -> dict[str, Any]:
    return {"rises_running": trend.rises_running, "rising": trend.rising}


@router.get("/funding/", response=list[ClusterFundingOut], auth=READ_AUTH)
@paginate(page_size=50)
def funding_list(request: HttpRequest, filters: Query[ClusterFundingFilters]) -> Any:
    """Funding records by cluster and year: published ones, and the drafts of the caller's own clusters."""
    records = selectors.funding_record_list(user=request.user).select_related("profile__organisation")
    if filters.profile is not None:
        records = records.filter(profile_id=filters.profile)
    if filters.year is not None:
        records = records.filter(year=filters.year)
    if filters.region.strip():
        records = records.filter(profile__organisation__region__code__istartswith=filters.region.strip())
    if filters.country.strip():
        records = records.filter(profile__organisation__region__country__iexact=filters.country.strip())
    return records


@router.get("/funding/group", response=ClusterFundingGroupOut, auth=READ_AUTH)
def funding_group(request: HttpRequest, filters: Query[ClusterFundingGroupFilters]) -> Any:
    """The published funding of the clusters of a region (NUTS prefix), a country or all, summed per year."""
    group = selectors.funding_group(region_prefix=filters.region, country=filters.country)
    return {"years": [{"year": year.year, "clusters": year.clusters, "revenue": year.revenue,
                       "figures": _figures(year.figures)} for year in group.years], "trend": _trend(group.trend)}


def _detail(user: Any, record: FundingRecord) -> FundingRecord:
    """The record carrying its year's figures and the trend of the cluster's years the user may read (as the
    attributes `ClusterFundingDetailOut` reads)."""
    overview = selectors.funding_overview(user=user, profile=record.profile)
    row = next(row for row in overview.rows if row.record.pk == record.pk)
    record.members, record.figures, record.trend = row.members, _figures(row.figures), _trend(overview.trend)
    return record


@router.get("/funding/{record_id}", response=ClusterFundingDetailOut, auth=READ_AUTH)
def funding_detail(request: HttpRequest, record_id: int) -> Any:
    return _detail(request.user, selectors.funding_record_get(user=request.user, pk=record_id))


@router.post("/funding/", response=ClusterFundingDetailOut)
@answers_refusals
def funding_save(request: HttpRequest, payload: ClusterFundingIn) -> Any:
    """Save a cluster's year (created, or updated with the figures given): for its managers and administrators."""
    profile = selectors.cluster_profile_get(user=request.user, profile_id=payload.profile_id)
    data = payload.model_dump(exclude_unset=True, exclude={"profile_id", "year"})
    if set(data) & set(selectors.SHARE_FIELDS):
        data = {**dict.fromkeys(selectors.SHARE_FIELDS, Decimal(0)), **data}
    record = services.funding_record_save(user=request.user, profile=profile, year=payload.year, data=data)
    return _detail(request.user, record)


@router.delete("/funding/{record_id}", response={204: None})
@answers_refusals
def funding_delete(request: HttpRequest, record_id: int) -> Status[None]:
    services.funding_record_delete(user=request.user,
                                   record=selectors.funding_record_get(user=request.user, pk=record_id))
    return Status(204, None)
