"""Registry API (under /api/stakeholders/): the registries the reader may read, a partner's stakeholders (filters as
on the page), a stakeholder, its notes (the owning partner only: 404 to everyone else); writes with a bearer token
by the partner's editors."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.organisations.choices import HelixRole
from smartcluster.organisations.selectors import organisation_list, person_list
from smartcluster.regions.selectors import region_find
from smartcluster.site.api import answers_refusals
from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.models import Stakeholder, StakeholderNote

router = Router(tags=["stakeholders: registry"])


class StakeholderPartnerOut(Schema):
    id: int
    project: str
    organisation_id: int
    organisation: str
    counts_by_helix: dict[str, int] = Field(..., description="Stakeholders per helix: " + ", ".join(HelixRole.values))
    total: int


class StakeholderPersonOut(Schema):
    id: int
    name: str
    email: str


class StakeholderOut(Schema):
    id: int
    partner_id: int
    organisation_id: int
    organisation: str
    organisation_type: str
    helix: str = Field(..., description="Derived from the organisation's type (quadruple helix)")
    person: StakeholderPersonOut | None = None
    partner_contact: StakeholderPersonOut | None = None
    interest: int = Field(..., ge=1, le=5)
    influence: int = Field(..., ge=1, le=5)
    topics: list[str]

    @staticmethod
    def resolve_organisation(obj: Stakeholder) -> str:
        return obj.organisation.name

    @staticmethod
    def resolve_organisation_type(obj: Stakeholder) -> str:
        return obj.organisation.type

    @staticmethod
    def resolve_helix(obj: Stakeholder) -> str:
        return selectors.helix_of(obj.organisation.type)


class StakeholderFilters(Schema):
    helix: str = Field("", description=", ".join(HelixRole.values))
    type: str = Field("", description="Organisation type (code, e.g. sme)")
    topic: str = Field("", description="A topic (ignoring case)")
    interest_min: int | None = Field(None, ge=1, le=5)
    influence_min: int | None = Field(None, ge=1, le=5)
    q: str = Field("", description="Organisation or person name contains")


class StakeholderIn(Schema):
    """A stakeholder's fields; a PATCH changes only those sent. On creation name the organisation by
    `organisation_id`, or by `organisation_name` (an existing one with the same name, website or contact e-mail is
    linked, else one is created with `type`, `website` and `region_code`). A contact person is found by e-mail or
    created."""

    organisation_id: int | None = None
    organisation_name: str = ""
    type: str = ""
    website: str = ""
    region_code: str = ""
    person_name: str = ""
    person_email: str = ""
    partner_contact_id: int | None = None
    interest: int | None = None
    influence: int | None = None
    topics: list[str] | None = None


class StakeholderNoteOut(Schema):
    id: int
    stakeholder_id: int
    text: str
    author: str | None = None
    created_at: Any

    @staticmethod
    def resolve_author(obj: StakeholderNote) -> str | None:
        return obj.author.get_username() if obj.author else None


class StakeholderNoteIn(Schema):
    text: str


@router.get("/registry/partners/", response=list[StakeholderPartnerOut], auth=READ_AUTH)
def stakeholder_partner_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"id": row["partner"].pk, "project": row["partner"].project.acronym,
             "organisation_id": row["partner"].organisation_id, "organisation": row["partner"].organisation.name,
             "counts_by_helix": row["counts"], "total": row["total"]}
            for row in selectors.registry_partner_rows(user=request.user)]


@router.get("/registry/partners/{partner_id}/stakeholders/", response=list[StakeholderOut], auth=READ_AUTH)
@paginate(page_size=50)
def stakeholder_list(request: HttpRequest, partner_id: int, filters: Query[StakeholderFilters]) -> Any:
    partner = selectors.registry_partner_get(user=request.user, partner_id=partner_id)
    return selectors.stakeholder_list(user=request.user, partner=partner, helix=filters.helix or None,
                                      organisation_type=filters.type or None, topic=filters.topic or None,
                                      interest_min=filters.interest_min, influence_min=filters.influence_min,
                                      search=filters.q or None)


@router.get("/registry/stakeholders/{stakeholder_id}", response=StakeholderOut, auth=READ_AUTH)
def stakeholder_detail(request: HttpRequest, stakeholder_id: int) -> Stakeholder:
    return selectors.stakeholder_get(user=request.user, stakeholder_id=stakeholder_id)


def _partner_contact(request: HttpRequest, partner: Any, ident: int | None) -> Any:
    if ident is None:
        return None
    found = person_list(user=request.user, organisation_id=partner.organisation_id).filter(pk=ident).first()
    if found is None:
        raise ValidationError({"partner_contact_id": f"No person of the partner you may read has the id {ident}."})
    return found


def _data(request: HttpRequest, partner: Any, payload: StakeholderIn) -> dict[str, Any]:
    sent = payload.model_fields_set
    data = {name: getattr(payload, name) for name in ("interest", "influence", "topics") if name in sent}
    if "partner_contact_id" in sent:
        data["partner_contact"] = _partner_contact(request, partner, payload.partner_contact_id)
    return data


def _organisation_fields(payload: StakeholderIn) -> dict[str, Any]:
    fields: dict[str, Any] = {"type": payload.type, "website": payload.website}
    if payload.region_code.strip():
        fields["region"] = region_find(code=payload.region_code)
        if fields["region"] is None:
            raise ValidationError({"region_code": f"There is no NUTS region {payload.region_code}."})
    return {name: value for name, value in fields.items() if value}


@router.post("/registry/partners/{partner_id}/stakeholders/", response={201: StakeholderOut})
@answers_refusals
def stakeholder_create(request: HttpRequest, partner_id: int, payload: StakeholderIn) -> Status:
    partner = selectors.registry_partner_get(user=request.user, partner_id=partner_id)
    organisation = None
    if payload.organisation_id is not None:
        organisation = organisation_list(user=request.user).filter(pk=payload.organisation_id).first()
        if organisation is None:
            raise ValidationError({"organisation_id": f"No organisation you may read has the id "
                                                      f"{payload.organisation_id}."})
    stakeholder = services.stakeholder_create(
        user=request.user, partner=partner, organisation=organisation, organisation_name=payload.organisation_name,
        organisation_fields=_organisation_fields(payload), person_name=payload.person_name,
        person_email=payload.person_email, data=_data(request, partner, payload))
    return Status(201, selectors.stakeholder_get(user=request.user, stakeholder_id=stakeholder.pk))


@router.patch("/registry/stakeholders/{stakeholder_id}", response=StakeholderOut)
@answers_refusals
def stakeholder_update(request: HttpRequest, stakeholder_id: int, payload: StakeholderIn) -> Stakeholder:
    stakeholder = selectors.stakeholder_get(user=request.user, stakeholder_id=stakeholder_id)
    fixed = {"organisation_id", "organisation_name", "type", "website", "region_code"} & payload.model_fields_set
    if fixed:
        raise ValidationError({sorted(fixed)[0]: "The organisation an entry links cannot change; delete the entry "
                                                 "and add another."})
    services.stakeholder_update(user=request.user, stakeholder=stakeholder,
                                data=_data(request, stakeholder.partner, payload),
                                person_name=payload.person_name, person_email=payload.person_email)
    return selectors.stakeholder_get(user=request.user, stakeholder_id=stakeholder_id)


@router.delete("/registry/stakeholders/{stakeholder_id}", response={204: None})
@answers_refusals
def stakeholder_delete(request: HttpRequest, stakeholder_id: int) -> Status:
    stakeholder = selectors.stakeholder_get(user=request.user, stakeholder_id=stakeholder_id)
    services.stakeholder_delete(user=request.user, stakeholder=stakeholder)
    return Status(204, None)


def _note_readable_stakeholder(request: HttpRequest, stakeholder_id: int) -> Stakeholder:
    """A stakeholder whose notes the reader reads (the owning partner, administrators); 404 for everyone else."""
    stakeholder = selectors.stakeholder_get(user=request.user, stakeholder_id=stakeholder_id)
    if not selectors.stakeholder_note_reader(user=request.user, stakeholder=stakeholder):
        raise Http404("No such stakeholder.")
    return stakeholder


@router.get("/registry/stakeholders/{stakeholder_id}/notes/", response=list[StakeholderNoteOut], auth=READ_AUTH)
@paginate(page_size=50)
def stakeholder_note_list(request: HttpRequest, stakeholder_id: int) -> Any:
    stakeholder = _note_readable_stakeholder(request, stakeholder_id)
    return selectors.stakeholder_note_list(user=request.user, stakeholder=stakeholder)


@router.post("/registry/stakeholders/{stakeholder_id}/notes/", response={201: StakeholderNoteOut})
@answers_refusals
def stakeholder_note_create(request: HttpRequest, stakeholder_id: int, payload: StakeholderNoteIn) -> Status:
    stakeholder = _note_readable_stakeholder(request, stakeholder_id)
    return Status(201, services.stakeholder_note_create(user=request.user, stakeholder=stakeholder,
                                                        text=payload.text))


@router.delete("/registry/notes/{note_id}", response={204: None})
@answers_refusals
def stakeholder_note_delete(request: HttpRequest, note_id: int) -> Status:
    note = selectors.stakeholder_note_editable(user=request.user, note_id=note_id)
    services.stakeholder_note_delete(user=request.user, note=note)
    return Status(204, None)
