"""Briefs API (/api/challenges/briefs/, where the other parts hang a challenge's records): the list with the
page's filters and a challenge with its criteria (published ones to anyone, drafts to the organiser's editors),
its changes since publication; writes with bearer tokens by the organiser's editors (create a draft, change,
publish, cancel)."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.challenges import selectors, services
from smartcluster.challenges.models import Challenge
from smartcluster.organisations.selectors import organisation_queryset, project_list
from smartcluster.site.api import answers_refusals

router = Router()


class ChallengeCriterionOut(Schema):
    position: int = Field(..., description="Tie-break order (1 decides first)")
    name: str
    description: str
    weight: Decimal
    threshold: Decimal | None


class ChallengeSummaryOut(Schema):
    id: int
    title: str
    organiser_id: int
    organiser: str = Field(..., alias="organiser.name")
    on_behalf_of_id: int | None
    phase: str
    time_zone: str
    opens_at: dt.datetime
    deadline_at: dt.datetime
    eligible_regions: list[str]

    @staticmethod
    def resolve_phase(obj: Challenge) -> str:
        return str(selectors.challenge_phase(obj))

    @staticmethod
    def resolve_eligible_regions(obj: Challenge) -> list[str]:
        return [region.code for region in obj.eligible_regions.all()]


class ChallengeOut(ChallengeSummaryOut):
    project_id: int | None
    problem: str
    context: str
    expected_outcome: str
    eligibility: str
    evaluation_ends_at: dt.datetime
    results_at: dt.datetime
    prizes: str
    ip_terms: str
    confidentiality: str
    score_max: int
    aggregate: str
    scores_per_submission: int
    calibration_min_scores: int
    is_published: bool
    published_at: dt.datetime | None
    is_cancelled: bool
    criteria: list[ChallengeCriterionOut]

    @staticmethod
    def resolve_criteria(obj: Challenge) -> list[Any]:
        return list(obj.criteria.all())


class ChallengeChangeOut(Schema):
    field: str
    before: str
    after: str
    changed_by: str | None
    changed_at: dt.datetime

    @staticmethod
    def resolve_changed_by(obj: Any) -> str | None:
        return obj.changed_by.get_username() if obj.changed_by else None


class ChallengeFilters(Schema):
    phase: str = Field("", description="draft, announced, open, evaluation, awaiting_results, results, cancelled")
    search: str = Field("", description="Words of the title, the problem or the organiser's name")
    organiser: int | None = Field(None, description="Id of the organising organisation")
    region: str = Field("", description="A NUTS code: challenges a team of this region may answer")


class ChallengeCriterionIn(Schema):
    name: str
    weight: Decimal = Field(..., description="Above zero")
    threshold: Decimal | None = Field(None, description="Optional minimum on 0..score_max")
    description: str = ""


class ChallengeUpdateIn(Schema):
    title: str | None = None
    on_behalf_of: int | None = Field(None, description="Id of a cluster organisation")
    project: int | None = Field(None, description="Id of a project")
    problem: str | None = None
    context: str | None = None
    expected_outcome: str | None = None
    eligibility: str | None = None
    eligible_regions: list[str] | None = Field(None, description="NUTS codes; empty: any region")
    time_zone: str | None = None
    opens_at: dt.datetime | None = None
    deadline_at: dt.datetime | None = None
    evaluation_ends_at: dt.datetime | None = None
    results_at: dt.datetime | None = None
    prizes: str | None = None
    ip_terms: str | None = None
    confidentiality: str | None = None
    score_max: int | None = None
    aggregate: str | None = Field(None, description="median or mean")
    scores_per_submission: int | None = None
    calibration_min_scores: int | None = None
    criteria: list[ChallengeCriterionIn] | None = Field(None, description="In tie-break order")


class ChallengeIn(ChallengeUpdateIn):
    organiser: int = Field(..., description="Id of an organisation you edit")
    title: str
    problem: str
    expected_outcome: str
    opens_at: dt.datetime
    deadline_at: dt.datetime
    evaluation_ends_at: dt.datetime
    results_at: dt.datetime
    criteria: list[ChallengeCriterionIn] = Field(default_factory=list, description="In tie-break order")


class ChallengeCancelIn(Schema):
    reason: str


# The payload's references by id, each looked up by its app's selectors.
REFERENCES = {"on_behalf_of": lambda pk: organisation_queryset(ids=[pk]).first(),
              "project": lambda pk: project_list().filter(pk=pk).first()}


def _arguments(data: dict[str, Any]) -> dict[str, Any]:
    """The payload as the services take it: ids resolved (refused naming the field), criteria as tuples."""
    for name, look_up in REFERENCES.items():
        if data.get(name) is not None:
            found = look_up(data[name])
            if found is None:
                raise ValidationError({name: _("No record with id %(id)s.") % {"id": data[name]}})
            data[name] = found
    if data.get("criteria") is not None:
        data["criteria"] = [(c["name"], c["weight"], c.get("threshold"), c.get("description", ""))
                            for c in data["criteria"]]
    return {name: value for name, value in data.items() if value is not None or name in REFERENCES}


@router.get("/briefs/", response=list[ChallengeSummaryOut], auth=READ_AUTH)
@paginate(page_size=50)
def challenge_list(request: HttpRequest, filters: Query[ChallengeFilters]) -> Any:
    return selectors.challenge_list(user=request.user, phase=filters.phase, search=filters.search,
                                    organiser=filters.organiser, region=filters.region)


@router.get("/briefs/{challenge_id}", response=ChallengeOut, auth=READ_AUTH)
def challenge_detail(request: HttpRequest, challenge_id: int) -> Any:
    return selectors.challenge_get(user=request.user, pk=challenge_id)


@router.get("/briefs/{challenge_id}/changes", response=list[ChallengeChangeOut], auth=READ_AUTH)
def challenge_changes(request: HttpRequest, challenge_id: int) -> Any:
    """The brief's changes since publication, latest first."""
    challenge = selectors.challenge_get(user=request.user, pk=challenge_id)
    return list(selectors.challenge_change_list(challenge=challenge))


@router.post("/briefs/", response={201: ChallengeOut})
@answers_refusals
def challenge_create(request: HttpRequest, payload: ChallengeIn) -> Status[Any]:
    data = payload.dict()
    organiser = organisation_queryset(ids=[data.pop("organiser")]).first()
    if organiser is None:
        raise ValidationError({"organiser": _("No such organisation.")})
    challenge = services.challenge_create(user=request.user, organiser=organiser, **_arguments(data))
    return Status(201, selectors.challenge_get(user=request.user, pk=challenge.pk))


@router.patch("/briefs/{challenge_id}", response=ChallengeOut)
@answers_refusals
def challenge_update(request: HttpRequest, challenge_id: int, payload: ChallengeUpdateIn) -> Any:
    challenge = selectors.challenge_get(user=request.user, pk=challenge_id)
    services.challenge_update(user=request.user, challenge=challenge,
                              **_arguments(payload.dict(exclude_unset=True)))
    return selectors.challenge_get(user=request.user, pk=challenge_id)


@router.post("/briefs/{challenge_id}/publish", response=ChallengeOut)
@answers_refusals
def challenge_publish(request: HttpRequest, challenge_id: int) -> Any:
    challenge = selectors.challenge_get(user=request.user, pk=challenge_id)
    return services.challenge_publish(user=request.user, challenge=challenge)


@router.post("/briefs/{challenge_id}/cancel", response=ChallengeOut)
@answers_refusals
def challenge_cancel(request: HttpRequest, challenge_id: int, payload: ChallengeCancelIn) -> Any:
    challenge = selectors.challenge_get(user=request.user, pk=challenge_id)
    return services.challenge_cancel(user=request.user, challenge=challenge, reason=payload.reason)
