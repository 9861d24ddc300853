"""Practices API (/api/learning/practices/): the practices a caller may read, filtered and paginated; a practice
with its topics; its status trail (for those who may read it); similar practices; and writes with a bearer token
(create, change, move along the status flow), refused as the services refuse."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.events.selectors import project_event_list
from smartcluster.learning import selectors, services
from smartcluster.learning.models import GoodPractice
from smartcluster.organisations.selectors import organisation_list, partner_list
from smartcluster.site.api import answers_refusals

router = Router()


class GoodPracticeTopicOut(Schema):
    taxonomy: str
    code: str


class GoodPracticeOut(Schema):
    id: int
    title: str
    partner_id: int
    partner: str = Field(..., alias="partner.organisation.name")
    project: str = Field(..., alias="partner.project.acronym")
    region: str | None = Field(None, description="NUTS code of the practice's region")
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    organisation_in_charge_id: int
    organisation_in_charge: str = Field(..., alias="organisation_in_charge.name")
    status: str
    is_published: bool
    is_successful: bool = Field(..., description="False: a practice kept for the lessons of its failure")
    source_event_id: int | None = None
    topics: list[GoodPracticeTopicOut]

    @staticmethod
    def resolve_region(obj: GoodPractice) -> str | None:
        return obj.region.code if obj.region_id else None

    @staticmethod
    def resolve_topics(obj: GoodPractice) -> list[Any]:
        return list(obj.topics.all())


class GoodPracticeDetailOut(GoodPracticeOut):
    """A practice with every Interreg Europe field."""

    description: str
    resources_needed: str
    timescale: str
    evidence_of_success: str
    potential_for_transfer: str
    difficulties_and_lessons: str
    further_information: str


class GoodPracticeStatusChangeOut(Schema):
    from_status: str
    to_status: str
    changed_by: str | None = Field(None, description="Username; none for the platform's own loader")
    changed_at: dt.datetime
    note: str

    @staticmethod
    def resolve_changed_by(obj: Any) -> str | None:
        return obj.changed_by.get_username() if obj.changed_by_id else None


class GoodPracticeSimilarOut(Schema):
    id: int
    title: str
    score: float = Field(..., description="Cosine similarity of the TF-IDF vectors of the texts (0–1)")


class GoodPracticeFilters(Schema):
    text: str = Field("", description="Words in the title, texts or organisation in charge")
    region: str = Field("", description="NUTS code prefix of the practice's region")
    country: str = Field("", description="Two letters, as in NUTS (EL for Greece)")
    topic: str = Field("", description="taxonomy:code, e.g. smart_industry_40:3")
    status: str = Field("", description="submitted, project_approved, expert_validated or declined (callers see "
                                        "the practices they may read only)")
    successful: bool | None = None
    source_event: int | None = None
    project: int | None = None


class GoodPracticeIn(Schema):
    """A practice's fields; on a change, only those given are changed (topics given replace the current ones)."""

    title: str | None = Field(None, max_length=100)
    organisation_in_charge_id: int | None = None
    new_organisation: str | None = Field(None, description="Name of an organisation in charge to register")
    new_organisation_type: str | None = Field(None, description="Its type (organisations' types), e.g. cluster")
    region: str | None = Field(None, description="NUTS code; empty for none")
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    description: str | None = None
    resources_needed: str | None = None
    timescale: str | None = None
    evidence_of_success: str | None = None
    potential_for_transfer: str | None = None
    difficulties_and_lessons: str | None = None
    further_information: str | None = None
    is_successful: bool | None = None
    source_event_id: int | None = None
    topics: list[GoodPracticeTopicOut] | None = None


class GoodPracticeCreateIn(GoodPracticeIn):
    partner_id: int = Field(..., description="The submitting partner (one whose organisation you edit for)")


class GoodPracticeTransitionIn(Schema):
    to_status: str = Field(..., description="project_approved, expert_validated or declined")
    note: str = ""


REFERENCES = ("organisation_in_charge_id", "new_organisation", "new_organisation_type", "region", "topics",
              "source_event_id", "partner_id")


def _arguments(request: HttpRequest, payload: GoodPracticeIn, project_id: int,
               practice: GoodPractice | None) -> dict[str, Any]:
    """The payload as the practice services take it; unknown references refused naming the field."""
    given = payload.model_dump(exclude_unset=True)
    fields = {key: value for key, value in given.items() if key not in REFERENCES}
    if "source_event_id" in given:
        event_id = given["source_event_id"]
        event = project_event_list(user=request.user, project=project_id).filter(pk=event_id).first() \
            if event_id else None
        if event_id and event is None:
            raise ValidationError({"source_event": _("No event %(id)s of the partner's project.") % {"id": event_id}})
        fields["source_event"] = event
    organisation = None
    if given.get("organisation_in_charge_id"):
        organisation = organisation_list(user=request.user).filter(pk=given["organisation_in_charge_id"]).first()
        if organisation is None:
            raise ValidationError({"organisation_in_charge": _("No organisation %(id)s.")
                                   % {"id": given["organisation_in_charge_id"]}})
    if given.get("new_organisation"):
        organisation = None
    region = (given.get("region") or "").strip().upper() if "region" in given or practice is None else None
    topics = given.get("topics") if practice is not None else given.get("topics") or []
    return {"organisation_in_charge": organisation, "new_organisation": given.get("new_organisation") or "",
            "new_organisation_type": given.get("new_organisation_type") or "",
            "region_code": region, "fields": fields,
            "topics": None if topics is None else [(t["taxonomy"], t["code"]) for t in topics]}


@router.get("/practices/", response=list[GoodPracticeOut], auth=READ_AUTH)
@paginate(page_size=50)
def good_practice_list(request: HttpRequest, filters: Query[GoodPracticeFilters]) -> Any:
    return selectors.good_practice_list(user=request.user, **filters.model_dump())


@router.get("/practices/{practice_id}", response=GoodPracticeDetailOut, auth=READ_AUTH)
def good_practice_detail(request: HttpRequest, practice_id: int) -> GoodPractice:
    return selectors.good_practice_get(user=request.user, practice_id=practice_id)


@router.get("/practices/{practice_id}/trail", response=list[GoodPracticeStatusChangeOut], auth=READ_AUTH)
def good_practice_trail(request: HttpRequest, practice_id: int) -> Any:
    """Who moved the practice to which status, when: for the partnership and administrators (404 for others)."""
    practice = selectors.good_practice_get(user=request.user, practice_id=practice_id)
    trail = selectors.good_practice_trail(user=request.user, practice=practice)
    if not trail.exists():
        raise Http404(_("The status trail is read by the project's partners and administrators."))
    return trail


@router.get("/practices/{practice_id}/similar", response=list[GoodPracticeSimilarOut], auth=READ_AUTH)
def good_practice_similar(request: HttpRequest, practice_id: int) -> list[dict[str, Any]]:
    """The practices most alike in text among those the caller may read, best first."""
    practice = selectors.good_practice_get(user=request.user, practice_id=practice_id)
    return [{"id": other.pk, "title": other.title, "score": score}
            for other, score in selectors.good_practice_similar(user=request.user, practice=practice)]


@router.post("/practices/", response={201: GoodPracticeDetailOut})
@answers_refusals
def good_practice_create(request: HttpRequest, payload: GoodPracticeCreateIn) -> Status:
    """Submit a practice for a partner (its editors; administrators: any)."""
    partner = partner_list(user=request.user).filter(pk=payload.partner_id).first()
    if partner is None:
        raise ValidationError({"partner_id": _("No partner %(id)s.") % {"id": payload.partner_id}})
    created = services.good_practice_create(user=request.user, partner=partner,
                                            **_arguments(request, payload, partner.project_id, None))
    return Status(201, selectors.good_practice_get(user=request.user, practice_id=created.pk))


@router.patch("/practices/{practice_id}", response=GoodPracticeDetailOut)
@answers_refusals
def good_practice_update(request: HttpRequest, practice_id: int, payload: GoodPracticeIn) -> GoodPractice:
    """Change the fields given; a practice no longer submitted goes back to submitted (in its trail)."""
    practice = selectors.good_practice_get(user=request.user, practice_id=practice_id)
    arguments = _arguments(request, payload, practice.partner.project_id, practice)
    services.good_practice_update(user=request.user, practice=practice, **arguments)
    return selectors.good_practice_get(user=request.user, practice_id=practice.pk)


@router.post("/practices/{practice_id}/transition", response=GoodPracticeDetailOut)
@answers_refusals
def good_practice_transition(request: HttpRequest, practice_id: int,
                             payload: GoodPracticeTransitionIn) -> GoodPractice:
    """Approve, validate or decline (the lead partner's editors or administrators; the expert step:
    administrators)."""
    practice = selectors.good_practice_get(user=request.user, practice_id=practice_id)
    services.good_practice_transition(user=request.user, practice=practice, to_status=payload.to_status,
                                      note=payload.note)
    return selectors.good_practice_get(user=request.user, practice_id=practice.pk)
