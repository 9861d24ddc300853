"""API of the clusters app: skills needs, training offers and needs × offers (under /api/clusters/skills/)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import ClusterProfile, SkillNeed, TrainingOffer
from smartcluster.organisations.selectors import organisation_queryset
from smartcluster.site.api import answers_refusals

router = Router(tags=["clusters: skills"])


class ClusterSkillNeedOut(Schema):
    id: int
    profile_id: int
    cluster: str
    region: str | None = None
    kind: str
    label: str
    esco_uri: str
    urgency: str
    people: int
    year: int
    notes: str

    @staticmethod
    def resolve_cluster(obj: SkillNeed) -> str:
        return str(obj.profile)

    @staticmethod
    def resolve_region(obj: SkillNeed) -> str | None:
        region = obj.profile.organisation.region
        return region.code if region else None


class ClusterSkillNeedIn(Schema):
    """A need's fields; a PATCH changes only those sent. `profile_id` names the cluster on creation."""

    profile_id: int | None = None
    kind: str | None = Field(None, description="skill or occupation")
    label: str | None = None
    esco_uri: str | None = Field(None, description="http://data.europa.eu/esco/skill/<uuid> or …/occupation/<uuid>")
    urgency: str | None = Field(None, description="low, medium or high")
    people: int | None = None
    year: int | None = None
    notes: str | None = None


class ClusterSkillNeedFilters(Schema):
    profile: int | None = Field(None, description="Cluster profile id")
    region: str = Field("", description="NUTS code (prefix): EL, EL6, EL61")
    urgency: str = ""
    search: str = Field("", description="Words in the label or notes")


class ClusterTrainingOfferOut(Schema):
    id: int
    profile_id: int
    cluster: str
    provider: str
    provider_organisation_id: int | None = None
    provider_organisation: str | None = None
    title: str
    kind: str
    esco_uri: str
    places: int | None = None
    url: str

    @staticmethod
    def resolve_cluster(obj: TrainingOffer) -> str:
        return str(obj.profile)

    @staticmethod
    def resolve_provider_organisation(obj: TrainingOffer) -> str | None:
        return obj.provider_organisation.name if obj.provider_organisation_id else None


class ClusterTrainingOfferIn(Schema):
    profile_id: int | None = None
    provider: str | None = Field(None, description="cluster, member or university")
    provider_organisation_id: int | None = None
    title: str | None = None
    kind: str | None = None
    esco_uri: str | None = None
    places: int | None = None
    url: str | None = None


class ClusterTrainingOfferFilters(Schema):
    profile: int | None = None
    region: str = Field("", description="NUTS code (prefix)")
    search: str = Field("", description="Words in the title")


class ClusterOfferRefOut(Schema):
    source: str = Field(..., description="training (a cluster's offer) or support (a support offer of the region)")
    pk: int
    title: str
    provider: str
    cluster: str
    esco_uri: str
    places: int | None = None
    url: str


class ClusterNeedMatchOut(Schema):
    need: ClusterSkillNeedOut
    matched: bool
    rule: str = Field(..., description="esco (same ESCO URI), text (the need's words in the offer's title) or ''")
    offers: list[ClusterOfferRefOut]


class ClusterNeedMatchFilters(Schema):
    profile: int | None = None
    region: str = Field("", description="NUTS code of a region the platform knows")


def _profile(request: HttpRequest, profile_id: int | None) -> ClusterProfile | None:
    if profile_id is None:
        return None
    return selectors.cluster_profile_get(user=request.user, profile_id=profile_id)


def _sent(payload: Schema, *fields: str) -> dict[str, Any]:
    values = payload.model_dump()
    return {name: values[name] for name in fields if name in payload.model_fields_set}


def _offer_data(payload: ClusterTrainingOfferIn) -> dict[str, Any]:
    data = _sent(payload, "provider", "title", "kind", "esco_uri", "places", "url")
    if "provider_organisation_id" in payload.model_fields_set:
        ident = payload.provider_organisation_id
        data["provider_organisation"] = organisation_queryset(ids=[ident]).first() if ident else None
        if ident and data["provider_organisation"] is None:
            raise ValidationError({"provider_organisation_id": f"No organisation has the id {ident}."})
    return data


def _creation_profile(request: HttpRequest, profile_id: int | None) -> ClusterProfile:
    if profile_id is None:
        raise ValidationError({"profile_id": "Name the cluster profile (profile_id)."})
    return selectors.cluster_profile_get(user=request.user, profile_id=profile_id)


@router.get("/skills/needs/", response=list[ClusterSkillNeedOut], auth=READ_AUTH)
@paginate(page_size=50)
def skill_need_list(request: HttpRequest, filters: Query[ClusterSkillNeedFilters]) -> Any:
    return selectors.skill_need_list(user=request.user, profile=_profile(request, filters.profile),
                                     region_code=filters.region, urgency=filters.urgency, search=filters.search)


@router.get("/skills/needs/{need_id}", response=ClusterSkillNeedOut, auth=READ_AUTH)
def skill_need_detail(request: HttpRequest, need_id: int) -> SkillNeed:
    return selectors.skill_need_get(user=request.user, pk=need_id)


@router.post("/skills/needs/", response={201: ClusterSkillNeedOut})
@answers_refusals
def skill_need_create(request: HttpRequest, payload: ClusterSkillNeedIn) -> Status:
    profile = _creation_profile(request, payload.profile_id)
    data = _sent(payload, "kind", "label", "esco_uri", "urgency", "people", "year", "notes")
    return Status(201, services.skill_need_create(user=request.user, profile=profile, data=data))


@router.patch("/skills/needs/{need_id}", response=ClusterSkillNeedOut)
@answers_refusals
def skill_need_update(request: HttpRequest, need_id: int, payload: ClusterSkillNeedIn) -> SkillNeed:
    need = selectors.skill_need_get(user=request.user, pk=need_id)
    data = _sent(payload, "kind", "label", "esco_uri", "urgency", "people", "year", "notes")
    return services.skill_need_update(user=request.user, need=need, data=data)


@router.delete("/skills/needs/{need_id}", response={204: None})
@answers_refusals
def skill_need_delete(request: HttpRequest, need_id: int) -> Status:
    services.skill_need_delete(user=request.user, need=selectors.skill_need_get(user=request.user, pk=need_id))
    return Status(204, None)


@router.get("/skills/offers/", response=list[ClusterTrainingOfferOut], auth=READ_AUTH)
@paginate(page_size=50)
def training_offer_list(request: HttpRequest, filters: Query[ClusterTrainingOfferFilters]) -> Any:
    return selectors.training_offer_list(user=request.user, profile=_profile(request, filters.profile),
                                         region_code=filters.region, search=filters.search)


@router.get("/skills/offers/{offer_id}", response=ClusterTrainingOfferOut, auth=READ_AUTH)
def training_offer_detail(request: HttpRequest, offer_id: int) -> TrainingOffer:
    return selectors.training_offer_get(user=request.user, pk=offer_id)


@router.post("/skills/offers/", response={201: ClusterTrainingOfferOut})
@answers_refusals
def training_offer_create(request: HttpRequest, payload: ClusterTrainingOfferIn) -> Status:
    profile = _creation_profile(request, payload.profile_id)
    return Status(201, services.training_offer_create(user=request.user, profile=profile,
                                                      data=_offer_data(payload)))


@router.patch("/skills/offers/{offer_id}", response=ClusterTrainingOfferOut)
@answers_refusals
def training_offer_update(request: HttpRequest, offer_id: int, payload: ClusterTrainingOfferIn) -> TrainingOffer:
    offer = selectors.training_offer_get(user=request.user, pk=offer_id)
    return services.training_offer_update(user=request.user, offer=offer, data=_offer_data(payload))


@router.delete("/skills/offers/{offer_id}", response={204: None})
@answers_refusals
def training_offer_delete(request: HttpRequest, offer_id: int) -> Status:
    services.training_offer_delete(user=request.user,
                                   offer=selectors.training_offer_get(user=request.user, pk=offer_id))
    return Status(204, None)


@router.get("/skills/matches/", response=list[ClusterNeedMatchOut], auth=READ_AUTH)
@paginate(page_size=50)
@answers_refusals
def skills_matches(request: HttpRequest, filters: Query[ClusterNeedMatchFilters]) -> Any:
    """Needs × offers of one cluster or of a region's clusters, unmatched needs first (the matching rule is
    documented in `smartcluster.clusters.selectors.skills`)."""
    errors = selectors.skills_region_errors(region_code=filters.region)
    if errors:
        raise ValidationError(errors)
    view = selectors.skills_needs_offers(user=request.user, profile=_profile(request, filters.profile),
                                         region_code=filters.region)
    return [{"need": row.need, "matched": row.matched, "rule": row.rule, "offers": row.offers} for row in view.rows]
