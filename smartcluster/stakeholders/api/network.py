"""Network API (under /api/stakeholders/): the collaboration network with its metrics and gaps (filters as on the
page), one organisation's or one region's metrics, and the declared collaborations (read by all; written by the
declaring partner's editors with a bearer token)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.networks import Gap, RegionMetrics
from smartcluster.organisations.selectors import organisation_list, partner_list
from smartcluster.site.api import answers_refusals, refusal_message
from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.choices import LinkSource
from smartcluster.stakeholders.forms.network import NetworkFilterForm
from smartcluster.stakeholders.models import Collaboration

router = Router(tags=["stakeholders: network"])


class NetworkFilters(Schema):
    region: str = Field("", description="NUTS code (prefix): EL, EL6, EL64")
    source: list[str] = Field([], description="Link sources to count (none: all): " + ", ".join(LinkSource.values))
    helix: str = Field("", description="business, academia, government or civil_society")
    level: int = Field(2, description="NUTS level of the regional metrics (1, 2 or 3)")


class NetworkOrganisationOut(Schema):
    id: int
    name: str
    type: str
    helix: str
    region: str
    degree: int = Field(..., description="Organisations linked to it")
    betweenness: float = Field(..., description="Normalised betweenness (Freeman 1977), 0–1: the brokers")


class NetworkLinkOut(Schema):
    first: int
    second: int
    first_name: str
    second_name: str
    sources: list[str]


class NetworkRegionOut(Schema):
    region: str
    organisations: int
    links: int = Field(..., description="Links between organisations of the region")
    density: float | None = Field(None, description="2m / (n(n−1)); null below two organisations")
    cross_helix_links: int
    helix_links: list[dict[str, Any]] = Field(..., description="Links by pair of helices")
    smes: int
    smes_linked_to_research: int
    sme_research_share: float | None = None

    @staticmethod
    def resolve_helix_links(obj: RegionMetrics) -> list[dict[str, Any]]:
        return [{"helices": list(pair), "links": count} for pair, count in obj.helix_links.items()]


class NetworkGapOut(Schema):
    kind: str
    region: str
    count: int
    total: int
    helices: list[str] | None = None
    sentence: str

    @staticmethod
    def resolve_sentence(obj: Gap) -> str:
        return selectors.network_gap_sentence(obj)


class NetworkOut(Schema):
    organisations: list[NetworkOrganisationOut]
    links: list[NetworkLinkOut]
    regions: list[NetworkRegionOut]
    gaps: list[NetworkGapOut]


class NetworkOrganisationDetailOut(NetworkOrganisationOut):
    links: list[NetworkLinkOut]


class CollaborationOut(Schema):
    id: int
    first_id: int
    first: str
    second_id: int
    second: str
    kind: str
    since_year: int | None = None
    description: str
    declared_by_id: int
    declared_by: str

    @staticmethod
    def resolve_first(obj: Collaboration) -> str:
        return obj.first.name

    @staticmethod
    def resolve_second(obj: Collaboration) -> str:
        return obj.second.name

    @staticmethod
    def resolve_declared_by(obj: Collaboration) -> str:
        return obj.declared_by.organisation.name


class CollaborationIn(Schema):
    """A collaboration's fields; a PATCH changes only those sent. The pair may come in any order (it is stored in
    id order); `declared_by_id` (a partner) only on creation."""

    declared_by_id: int | None = None
    first_id: int | None = None
    second_id: int | None = None
    kind: str | None = None
    since_year: int | None = None
    description: str | None = None


class CollaborationFilters(Schema):
    organisation: int | None = Field(None, description="Organisation id (either side)")
    partner: int | None = Field(None, description="Declaring partner id")
    kind: str = ""


def _network(request: HttpRequest, filters: NetworkFilters) -> selectors.Network:
    """The network under filters checked like the page's (a malformed one answers 400 naming it)."""
    form = NetworkFilterForm({"region": filters.region, "source": filters.source, "helix": filters.helix,
                              "level": filters.level})
    if not form.is_valid():
        raise HttpError(400, refusal_message(ValidationError(dict(form.errors))))
    return selectors.network_get(user=request.user, layout=False, **form.filters())


@router.get("/network/", response=NetworkOut, auth=READ_AUTH)
def network_detail(request: HttpRequest, filters: Query[NetworkFilters]) -> selectors.Network:
    return _network(request, filters)


@router.get("/network/organisations/", response=list[NetworkOrganisationOut], auth=READ_AUTH)
@paginate(page_size=100)
def network_organisation_list(request: HttpRequest, filters: Query[NetworkFilters]) -> Any:
    return _network(request, filters).organisations


@router.get("/network/organisations/{organisation_id}", response=NetworkOrganisationDetailOut, auth=READ_AUTH)
def network_organisation_detail(request: HttpRequest, organisation_id: int,
                                filters: Query[NetworkFilters]) -> dict[str, Any]:
    network = _network(request, filters)
    row = next((row for row in network.organisations if row.id == organisation_id), None)
    if row is None:
        raise Http404("No such organisation in the network.")
    links = [link for link in network.links if organisation_id in (link.first, link.second)]
    return {**row.__dict__, "links": links}


@router.get("/network/links/", response=list[NetworkLinkOut], auth=READ_AUTH)
@paginate(page_size=100)
def network_link_list(request: HttpRequest, filters: Query[NetworkFilters]) -> Any:
    return _network(request, filters).links


@router.get("/network/regions/", response=list[NetworkRegionOut], auth=READ_AUTH)
def network_region_list(request: HttpRequest, filters: Query[NetworkFilters]) -> Any:
    return _network(request, filters).regions


@router.get("/network/regions/{code}", response=NetworkRegionOut, auth=READ_AUTH)
def network_region_detail(request: HttpRequest, code: str, filters: Query[NetworkFilters]) -> RegionMetrics:
    region = next((region for region in _network(request, filters).regions if region.region == code.upper()), None)
    if region is None:
        raise Http404("No organisation of this region in the network.")
    return region


@router.get("/network/gaps/", response=list[NetworkGapOut], auth=READ_AUTH)
def network_gap_list(request: HttpRequest, filters: Query[NetworkFilters]) -> Any:
    return _network(request, filters).gaps


# --- declared collaborations --------------------------------------------------------------------------------------


def _organisation(request: HttpRequest, field: str, ident: int | None) -> Any:
    found = organisation_list(user=request.user).filter(pk=ident).first() if ident is not None else None
    if found is None:
        raise ValidationError({field: f"No organisation you may read has the id {ident}."})
    return found


def _data(request: HttpRequest, payload: CollaborationIn) -> dict[str, Any]:
    sent = payload.model_fields_set
    data = {name: getattr(payload, name) for name in ("kind", "since_year", "description") if name in sent}
    for name in ("first", "second"):
        if f"{name}_id" in sent:
            data[name] = _organisation(request, f"{name}_id", getattr(payload, f"{name}_id"))
    return data


@router.get("/collaborations/", response=list[CollaborationOut], auth=READ_AUTH)
@paginate(page_size=50)
def collaboration_list(request: HttpRequest, filters: Query[CollaborationFilters]) -> Any:
    return selectors.collaboration_list(user=request.user, organisation=filters.organisation,
                                        partner=filters.partner, kind=filters.kind)


@router.get("/collaborations/{collaboration_id}", response=CollaborationOut, auth=READ_AUTH)
def collaboration_detail(request: HttpRequest, collaboration_id: int) -> Collaboration:
    return selectors.collaboration_get(user=request.user, pk=collaboration_id)


@router.post("/collaborations/", response={201: CollaborationOut})
@answers_refusals
def collaboration_create(request: HttpRequest, payload: CollaborationIn) -> Status:
    partner = partner_list(user=request.user).filter(pk=payload.declared_by_id).first()
    if partner is None:
        raise ValidationError({"declared_by_id": f"No partner has the id {payload.declared_by_id}."})
    data = {"first": None, "second": None, **_data(request, payload)}
    return Status(201, services.collaboration_create(user=request.user, declared_by=partner, data=data))


@router.patch("/collaborations/{collaboration_id}", response=CollaborationOut)
@answers_refusals
def collaboration_update(request: HttpRequest, collaboration_id: int, payload: CollaborationIn) -> Collaboration:
    if "declared_by_id" in payload.model_fields_set:
        raise ValidationError({"declared_by_id": "The declaring partner cannot change; withdraw and declare anew."})
    collaboration = selectors.collaboration_get(user=request.user, pk=collaboration_id)
    return services.collaboration_update(user=request.user, collaboration=collaboration,
                                         data=_data(request, payload))


@router.delete("/collaborations/{collaboration_id}", response={204: None})
@answers_refusals
def collaboration_delete(request: HttpRequest, collaboration_id: int) -> Status:
    collaboration = selectors.collaboration_get(user=request.user, pk=collaboration_id)
    services.collaboration_delete(user=request.user, collaboration=collaboration)
    return Status(204, None)
