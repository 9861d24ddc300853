"""API of the clusters app: registry (/api/clusters/profiles/): the profiles a caller may read, filtered and
paginated; a profile with its members (or counts), services, labels, agreements and ECCP check; profile changes
by the cluster's editors and administrators."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate  # settings.NINJA_PAGINATION_CLASS: one checked pagination

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.accounts.permissions import can_change
from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import ClusterProfile
from smartcluster.organisations.selectors import person_list
from smartcluster.regions.selectors import region_find
from smartcluster.site.api import answers_refusals

router = Router()


class ClusterCategoryOut(Schema):
    taxonomy: str
    category: str


class ClusterProfileOut(Schema):
    id: int
    organisation_id: int
    name: str = Field(..., alias="organisation.name")
    region: str | None = Field(None, description="NUTS code of the organisation's region")
    regions_served: list[str]
    legal_form: str
    founding_year: int | None = None
    keeps_member_list: bool
    management_fte: Decimal | None = None
    has_strategy: bool
    website: str = Field(..., alias="organisation.website")
    eccp_profile_url: str
    categories: list[ClusterCategoryOut]
    technology_tags: list[str]
    is_published: bool

    @staticmethod
    def resolve_region(obj: ClusterProfile) -> str | None:
        return obj.organisation.region.code if obj.organisation.region_id else None

    @staticmethod
    def resolve_regions_served(obj: ClusterProfile) -> list[str]:
        return [region.code for region in obj.regions_served.all()]

    @staticmethod
    def resolve_categories(obj: ClusterProfile) -> list[Any]:
        return list(obj.categories.all())

    @staticmethod
    def resolve_technology_tags(obj: ClusterProfile) -> list[str]:
        return [tag.name for tag in obj.organisation.technology_tags.all()]


class ClusterMemberOut(Schema):
    organisation_id: int
    name: str = Field(..., alias="organisation.name")
    member_type: str
    year_joined: int
    year_left: int | None = None
    committed: bool


class ClusterServiceOut(Schema):
    kind: str
    year: int
    members_served: int | None = None
    description: str


class ClusterLabelOut(Schema):
    kind: str
    name: str
    level: str
    year: int
    expires_on: dt.date | None = None


class ClusterAgreementOut(Schema):
    partner_name: str
    country: str
    year: int
    subject: str


class ClusterEccpOut(Schema):
    key: str
    criterion: str
    met: bool
    reason: str


class ClusterContactOut(Schema):
    name: str
    role: str


class ClusterProfileDetailOut(ClusterProfileOut):
    member_year: int | None = Field(None, description="The year the member figures are for")
    member_counts: dict[str, int] = Field(..., alias="member_counts_now",
                                          description="Members by type in member_year")
    members: list[ClusterMemberOut] = Field(..., alias="members_shown",
                                            description="Current members the caller may see listed")
    members_not_listed: int
    services: list[ClusterServiceOut]
    labels: list[ClusterLabelOut]
    agreements: list[ClusterAgreementOut]

    @staticmethod
    def resolve_services(obj: ClusterProfile) -> list[Any]:
        return list(obj.services.all())

    @staticmethod
    def resolve_labels(obj: ClusterProfile) -> list[Any]:
        return list(obj.labels.all())

    @staticmethod
    def resolve_agreements(obj: ClusterProfile) -> list[Any]:
        return list(obj.agreements.all())
    contacts: list[ClusterContactOut] = Field(..., alias="contacts_listed",
                                              description="Contact persons who agreed to be listed")
    eccp: list[ClusterEccpOut] = Field(..., description="ECCP minimum criteria, met or not with the reason")


class ClusterProfileFilters(Schema):
    search: str = Field("", description="Words in the name or description")
    region: str = Field("", description="NUTS code prefix: the organisation's region or a region served")
    category: str = Field("", description="Category key of the mapping taxonomies, e.g. 22")
    technology: str = Field("", description="Technology tag")
    size: str = Field("", description="small, medium, large or very_large (members now)")
    label_kind: str = ""
    label_level: str = ""


class ClusterProfileIn(Schema):
    legal_form: str | None = None
    founding_year: int | None = None
    keeps_member_list: bool | None = None
    management_fte: Decimal | None = None
    has_strategy: bool | None = None
    eccp_profile_url: str | None = None
    is_published: bool | None = None
    categories: list[ClusterCategoryOut] | None = None
    technology_tags: list[str] | None = None
    regions_served: list[str] | None = Field(None, description="NUTS codes (their newest version)")
    contacts: list[int] | None = Field(None, description="Ids of people of the cluster organisation")


RELATIONS = ("categories", "technology_tags", "regions_served", "contacts")  # set through their own arguments


def _detail(request: HttpRequest, profile: ClusterProfile) -> ClusterProfile:
    """The profile with its rows as the caller may see them (set on the instance the schema reads)."""
    year = selectors.cluster_member_year(profile)
    profile.member_year = year
    profile.member_counts_now = selectors.cluster_member_counts(profile, year)
    profile.members_shown, profile.members_not_listed = selectors.cluster_member_list(user=request.user,
                                                                                      profile=profile)
    listed = set(person_list(user=request.user, organisation_id=profile.organisation_id).values_list("pk", flat=True))
    profile.contacts_listed = [person for person in profile.contacts.all() if person.pk in listed]
    profile.eccp = selectors.cluster_eccp_checks(profile)
    return profile


def _update_arguments(request: HttpRequest, profile: ClusterProfile, payload: ClusterProfileIn) -> dict[str, Any]:
    """The payload as `cluster_profile_update` takes it; unknown regions or contacts refused naming the field."""
    given = payload.model_dump(exclude_unset=True)
    arguments: dict[str, Any] = {"data": {key: value for key, value in given.items() if key not in RELATIONS}}
    if "categories" in given:
        arguments["categories"] = [(c["taxonomy"], c["category"]) for c in given["categories"] or []]
    if "technology_tags" in given:
        arguments["technology_tags"] = given["technology_tags"] or []
    if "regions_served" in given:
        codes = given["regions_served"] or []
        regions = [region_find(code=code) for code in codes]
        unknown = [code for code, region in zip(codes, regions, strict=True) if region is None]
        if unknown:
            raise ValidationError({"regions_served": _("No NUTS region has the code %(codes)s.")
                                   % {"codes": ", ".join(unknown)}})
        arguments["regions_served"] = regions
    if "contacts" in given:
        ids = given["contacts"] or []
        people = {person.pk: person for person in person_list(user=request.user,
                                                              organisation_id=profile.organisation_id)}
        unknown = [str(pk) for pk in ids if pk not in people]
        if unknown:
            raise ValidationError({"contacts": _("No person of %(organisation)s has the id %(ids)s.")
                                   % {"organisation": profile.organisation.name, "ids": ", ".join(unknown)}})
        arguments["contacts"] = [people[pk] for pk in ids]
    return arguments


@router.get("/profiles/", response=list[ClusterProfileOut], auth=READ_AUTH)
@paginate(page_size=50)
def cluster_profile_list(request: HttpRequest, filters: Query[ClusterProfileFilters]) -> Any:
    return selectors.cluster_profile_list(user=request.user, **filters.model_dump())


@router.get("/profiles/{profile_id}", response=ClusterProfileDetailOut, auth=READ_AUTH)
def cluster_profile_detail(request: HttpRequest, profile_id: int) -> ClusterProfile:
    return _detail(request, selectors.cluster_profile_get(user=request.user, profile_id=profile_id))


@router.patch("/profiles/{profile_id}", response=ClusterProfileDetailOut)
@answers_refusals
def cluster_profile_update(request: HttpRequest, profile_id: int, payload: ClusterProfileIn) -> ClusterProfile:
    """Change the fields given (categories, tags, regions served and contacts replace the current ones)."""
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    if not can_change(request.user, profile):  # refused before the payload's references are looked up
        raise PermissionDenied(_("Only the cluster's editors and administrators change its profile."))
    updated = services.cluster_profile_update(user=request.user, profile=profile,
                                              **_update_arguments(request, profile, payload))
    return _detail(request, selectors.cluster_profile_get(user=request.user, profile_id=updated.pk))
