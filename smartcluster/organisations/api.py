"""JSON API of organisations, people, projects and partners (mounted at /api/organisations/)."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate  # settings.NINJA_PAGINATION_CLASS: one checked pagination

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.industries.selectors import industry_find
from smartcluster.organisations import selectors, services
from smartcluster.organisations.models import (
    HelixRole,
    Organisation,
    OrganisationType,
    Partner,
    PartnerRole,
    Person,
    Project,
    SizeClass,
)
from smartcluster.regions.selectors import region_find
from smartcluster.site.api import answers_refusals

router = Router(tags=["organisations"])


class RegionRef(Schema):
    code: str
    version: int
    name: str


class OrganisationOut(Schema):
    id: int
    name: str
    type: OrganisationType
    helix_role: HelixRole
    region: RegionRef | None = None
    nace: str | None = Field(None, description="NACE Rev. 2 code of the main activity")
    size_class: str
    website: str
    description: str
    technology_tags: list[str]
    sector_tags: list[str]
    is_published: bool

    @staticmethod
    def resolve_region(obj: Organisation) -> dict[str, Any] | None:
        return _region_ref(obj.region) if obj.region else None

    @staticmethod
    def resolve_nace(obj: Organisation) -> str | None:
        return obj.nace.code if obj.nace else None

    @staticmethod
    def resolve_technology_tags(obj: Organisation) -> list[str]:
        return [tag.name for tag in obj.technology_tags.all()]

    @staticmethod
    def resolve_sector_tags(obj: Organisation) -> list[str]:
        return [tag.name for tag in obj.sector_tags.all()]


def _region_ref(region: Any) -> dict[str, Any]:
    return {"code": region.code, "version": region.version, "name": region.display_name}


class RegionIn(Schema):
    code: str = Field(..., examples=["EL61"])
    version: int = Field(2021, description="NUTS version of the code")


class OrganisationIn(Schema):
    name: str | None = None
    type: OrganisationType | None = None
    region: RegionIn | None = None
    nace: str | None = Field(None, description="NACE Rev. 2 code, e.g. 62.01 or C6201")
    size_class: SizeClass | None = None
    website: str | None = None
    description: str | None = None
    technology_tags: list[str] | None = None
    sector_tags: list[str] | None = None
    is_published: bool | None = None


class OrganisationFilters(Schema):
    search: str | None = Field(None, description="Text in the name or description")
    type: OrganisationType | None = None
    helix_role: HelixRole | None = None
    country: str | None = Field(None, description="Country code of the organisation's NUTS region, e.g. EL")
    region: str | None = Field(None, description="NUTS code; matches the region and the regions inside it")
    nace: str | None = Field(None, description="NACE section letter or code; matches the codes below it")
    tag: str | None = Field(None, description="Technology or sector tag")


class PersonOut(Schema):
    id: int
    name: str
    email: str
    role: str
    organisation_id: int | None
    consent_to_contact: bool
    consent_to_list: bool

    @staticmethod
    def resolve_email(obj: Person) -> str:
        # Only people who agreed to be contacted show an address (the list already hides unlisted people).
        return obj.email if obj.consent_to_contact else ""


class PersonIn(Schema):
    name: str | None = None
    email: str | None = None
    organisation_id: int | None = None
    role: str | None = None
    consent_to_contact: bool | None = None
    consent_to_list: bool | None = None


class PersonFilters(Schema):
    organisation_id: int | None = None
    search: str | None = Field(None, description="Text in the name or role")


class ProjectOut(Schema):
    id: int
    name: str
    acronym: str
    programme: str
    start_date: date | None
    semesters: int


class ProjectIn(Schema):
    name: str | None = None
    acronym: str | None = None
    programme: str | None = None
    start_date: date | None = None
    semesters: int | None = None


class ProjectFilters(Schema):
    search: str | None = Field(None, description="Text in the name or acronym")
    programme: str | None = None


class PartnerOut(Schema):
    id: int
    project_id: int
    organisation_id: int
    organisation_name: str = Field(..., alias="organisation.name")
    role: PartnerRole
    regions: list[RegionRef]
    policy_instrument: str

    @staticmethod
    def resolve_regions(obj: Partner) -> list[dict[str, Any]]:
        return [_region_ref(region) for region in obj.regions.all()]


class PartnerIn(Schema):
    project_id: int | None = None
    organisation_id: int | None = None
    role: PartnerRole | None = None
    regions: list[RegionIn] | None = None
    policy_instrument: str | None = None


class PartnerFilters(Schema):
    project_id: int | None = None
    role: PartnerRole | None = None
    country: str | None = Field(None, description="Country code of the partner's regions")
    search: str | None = Field(None, description="Text in the organisation's name")


def _present(payload: Schema, model: type[Model], *fields: str) -> dict[str, Any]:
    """The fields the client sent (a PATCH changes only those); `null` only where the model's column may be empty
    (the database would refuse it after validation passed: Django skips blank-allowed fields holding None)."""
    values = payload.model_dump()
    sent = {field: values[field] for field in fields if field in payload.model_fields_set}
    nulls = {}
    for field, value in sent.items():
        column = model._meta.get_field(field)
        if value is None and not column.null and not column.many_to_many:
            nulls[field] = (_('may not be null: send "" to leave it empty, or leave the field out to keep it.')
                            if column.blank and column.empty_strings_allowed else _("may not be null."))
    if nulls:
        raise ValidationError(nulls)
    return sent


def _region(ref: dict[str, Any]) -> Any:
    region = region_find(code=ref["code"], version=ref["version"])
    if region is None:
        raise ValidationError({"region": f"No NUTS {ref['version']} region has the code {ref['code']}."})
    return region


def _organisation_data(payload: OrganisationIn) -> dict[str, Any]:
    data = _present(payload, Organisation, "name", "type", "size_class", "website", "description", "is_published")
    sent = _present(payload, Organisation, "region", "nace")
    if "region" in sent:
        data["region"] = _region(sent["region"]) if sent["region"] else None
    if "nace" in sent:
        data["nace"] = None
        if sent["nace"]:
            data["nace"] = industry_find(code=sent["nace"])
            if data["nace"] is None:
                raise ValidationError({"nace": f"No NACE Rev. 2 activity has the code {sent['nace']}."})
    return data


# Organisations


@router.get("/organisations/", response=list[OrganisationOut], auth=READ_AUTH)
@paginate(page_size=50)
def organisation_list(request: HttpRequest, filters: Query[OrganisationFilters]) -> Any:
    return selectors.organisation_list(user=request.user, **filters.model_dump(exclude_none=True))


@router.get("/organisations/{organisation_id}", response=OrganisationOut, auth=READ_AUTH)
def organisation_detail(request: HttpRequest, organisation_id: int) -> Organisation:
    return selectors.organisation_get(user=request.user, organisation_id=organisation_id)


@router.post("/organisations/", response={201: OrganisationOut})
@answers_refusals
def organisation_create(request: HttpRequest, payload: OrganisationIn) -> Status:
    organisation = services.organisation_create(
        user=request.user, data=_organisation_data(payload),
        technology_tags=payload.technology_tags or (), sector_tags=payload.sector_tags or (),
    )
    return Status(201, organisation)


@router.patch("/organisations/{organisation_id}", response=OrganisationOut)
@answers_refusals
def organisation_update(request: HttpRequest, organisation_id: int, payload: OrganisationIn) -> Organisation:
    organisation = selectors.organisation_get(user=request.user, organisation_id=organisation_id)
    return services.organisation_update(
        user=request.user, organisation=organisation, data=_organisation_data(payload),
        technology_tags=payload.technology_tags, sector_tags=payload.sector_tags,
    )


@router.delete("/organisations/{organisation_id}", response={204: None})
@answers_refusals
def organisation_delete(request: HttpRequest, organisation_id: int) -> Status:
    organisation = selectors.organisation_get(user=request.user, organisation_id=organisation_id)
    services.organisation_delete(user=request.user, organisation=organisation)
    return Status(204, None)


# People


def _person_data(request: HttpRequest, payload: PersonIn) -> dict[str, Any]:
    data = _present(payload, Person, "name", "email", "role", "consent_to_contact", "consent_to_list")
    sent = _present(payload, Person, "organisation_id")
    if "organisation_id" in sent:
        data["organisation"] = None
        if sent["organisation_id"] is not None:
            data["organisation"] = selectors.organisation_get(
                user=request.user, organisation_id=sent["organisation_id"]
            )
    return data


@router.get("/people/", response=list[PersonOut], auth=READ_AUTH)
@paginate(page_size=50)
def person_list(request: HttpRequest, filters: Query[PersonFilters]) -> Any:
    return selectors.person_list(user=request.user, **filters.model_dump(exclude_none=True))


@router.get("/people/{person_id}", response=PersonOut, auth=READ_AUTH)
def person_detail(request: HttpRequest, person_id: int) -> Person:
    return selectors.person_get(user=request.user, person_id=person_id)


@router.get("/people/{person_id}/export", response=dict)
def person_export(request: HttpRequest, person_id: int) -> dict[str, Any]:
    """Everything held on a person: for the person themself, their organisation's editors and administrators."""
    person = selectors.person_get(user=request.user, person_id=person_id)
    if not services.may_change_person(request.user, person):
        raise HttpError(403, "You may not export this person's data.")
    return selectors.person_export(person=person)


@router.post("/people/", response={201: PersonOut})
@answers_refusals
def person_create(request: HttpRequest, payload: PersonIn) -> Status:
    return Status(201, services.person_create(user=request.user, data=_person_data(request, payload)))


@router.patch("/people/{person_id}", response=PersonOut)
@answers_refusals
def person_update(request: HttpRequest, person_id: int, payload: PersonIn) -> Person:
    person = selectors.person_get(user=request.user, person_id=person_id)
    return services.person_update(user=request.user, person=person, data=_person_data(request, payload))


@router.delete("/people/{person_id}", response={204: None})
@answers_refusals
def person_erase(request: HttpRequest, person_id: int) -> Status:
    """Erase a person's personal data on request."""
    person = selectors.person_get(user=request.user, person_id=person_id)
    services.person_erase(user=request.user, person=person)
    return Status(204, None)


# Projects


@router.get("/projects/", response=list[ProjectOut], auth=READ_AUTH)
@paginate(page_size=50)
def project_list(request: HttpRequest, filters: Query[ProjectFilters]) -> Any:
    return selectors.project_list(**filters.model_dump(exclude_none=True))


@router.get("/projects/{project_id}", response=ProjectOut, auth=READ_AUTH)
def project_detail(request: HttpRequest, project_id: int) -> Project:
    return selectors.project_get(project_id=project_id)


@router.post("/projects/", response={201: ProjectOut})
@answers_refusals
def project_create(request: HttpRequest, payload: ProjectIn) -> Status:
    data = _present(payload, Project, "name", "acronym", "programme", "start_date", "semesters")
    return Status(201, services.project_create(user=request.user, data=data))


@router.patch("/projects/{project_id}", response=ProjectOut)
@answers_refusals
def project_update(request: HttpRequest, project_id: int, payload: ProjectIn) -> Project:
    project = selectors.project_get(project_id=project_id)
    data = _present(payload, Project, "name", "acronym", "programme", "start_date", "semesters")
    return services.project_update(user=request.user, project=project, data=data)


@router.delete("/projects/{project_id}", response={204: None})
@answers_refusals
def project_delete(request: HttpRequest, project_id: int) -> Status:
    services.project_delete(user=request.user, project=selectors.project_get(project_id=project_id))
    return Status(204, None)


# Partners


def _partner_regions(payload: PartnerIn) -> list[Any] | None:
    sent = _present(payload, Partner, "regions")
    if "regions" not in sent:
        return None
    return [_region(ref) for ref in sent["regions"] or []]


@router.get("/partners/", response=list[PartnerOut], auth=READ_AUTH)
@paginate(page_size=50)
def partner_list(request: HttpRequest, filters: Query[PartnerFilters]) -> Any:
    return selectors.partner_list(user=request.user, **filters.model_dump(exclude_none=True))


@router.get("/partners/{partner_id}", response=PartnerOut, auth=READ_AUTH)
def partner_detail(request: HttpRequest, partner_id: int) -> Partner:
    return selectors.partner_get(user=request.user, partner_id=partner_id)


@router.post("/partners/", response={201: PartnerOut})
@answers_refusals
def partner_create(request: HttpRequest, payload: PartnerIn) -> Status:
    if payload.project_id is None or payload.organisation_id is None:
        raise HttpError(400, "project_id and organisation_id are required.")
    project = selectors.project_get(project_id=payload.project_id)
    organisation = selectors.organisation_get(user=request.user, organisation_id=payload.organisation_id)
    partner = services.partner_create(
        user=request.user, project=project, organisation=organisation,
        data=_present(payload, Partner, "role", "policy_instrument"), regions=_partner_regions(payload) or (),
    )
    return Status(201, partner)


@router.patch("/partners/{partner_id}", response=PartnerOut)
@answers_refusals
def partner_update(request: HttpRequest, partner_id: int, payload: PartnerIn) -> Partner:
    partner = selectors.partner_get(user=request.user, partner_id=partner_id)
    return services.partner_update(
        user=request.user, partner=partner, data=_present(payload, Partner, "role", "policy_instrument"),
        regions=_partner_regions(payload),
    )


@router.delete("/partners/{partner_id}", response={204: None})
@answers_refusals
def partner_delete(request: HttpRequest, partner_id: int) -> Status:
    services.partner_delete(user=request.user, partner=selectors.partner_get(user=request.user, partner_id=partner_id))
    return Status(204, None)
