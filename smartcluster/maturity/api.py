"""JSON API of the maturity self-assessment (mounted at /api/maturity/): one's own results, anonymised aggregates."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.accounts.permissions import can_change
from smartcluster.maturity import selectors
from smartcluster.maturity.exports import aggregate_rows
from smartcluster.maturity.models import AssessmentStatus, Campaign, Questionnaire, QuestionnaireStatus
from smartcluster.maturity.services import respondent_key_hash
from smartcluster.maturity.views import RESPONDENT_COOKIE

router = Router(tags=["maturity"])


class QuestionnaireOut(Schema):
    code: str
    family: str
    version: int
    title: str
    status: str


class DimensionScore(Schema):
    key: str
    title: str
    score: float | None
    level: str | None
    change_since_previous_stage: float | None


class AssessmentOut(Schema):
    id: UUID
    questionnaire: str
    stage: str
    submitted_at: str
    overall: float
    level: str
    dimensions: list[DimensionScore]
    scoring_rules: dict[str, str]


class Cell(Schema):
    mean: float | None
    q1: float | None
    median: float | None
    q3: float | None


class GroupOut(Schema):
    group: str
    suppressed: bool
    organisations: int | None
    scores: dict[str, Cell]
    level_shares_percent: dict[str, float | None]


class AggregatesOut(Schema):
    questionnaire: str
    min_group_size: int
    groups: list[GroupOut]
    progress_t0_t1: list[GroupOut]


class AggregateFilters(Schema):
    questionnaire: str | None = None
    by: str | None = None
    campaign: int | None = None
    region: str = Field("", description="A NUTS 0, 1 or 2 code (ES, ES6, ES62); never a prefix")
    sector: str = Field("", description="A NACE section letter")
    size_class: str = Field("", description="micro, small, medium or large")


@router.get("/questionnaires", response=list[QuestionnaireOut], auth=READ_AUTH)
def questionnaire_list(request: HttpRequest) -> Any:
    """Questionnaire versions that are or were in use."""
    return Questionnaire.objects.exclude(status=QuestionnaireStatus.DRAFT)


@router.get("/assessments/{public_id}", response=AssessmentOut, auth=READ_AUTH)
def assessment_detail(request: HttpRequest, public_id: UUID) -> Any:
    """One's own submitted result (signed in, by token, or from the browser that took it)."""
    respondent_hash = respondent_key_hash(request.COOKIES.get(RESPONDENT_COOKIE, ""))
    assessment = selectors.assessment_get_for_viewer(public_id=public_id, user=request.user,
                                                     respondent_hash=respondent_hash)
    if assessment is None or assessment.status != AssessmentStatus.SUBMITTED:
        raise HttpError(404, "No submitted assessment of yours has this id.")
    previous = selectors.assessment_previous(assessment=assessment, user=request.user,
                                             respondent_hash=respondent_hash)
    lines = selectors.assessment_report_lines(assessment=assessment, previous=previous)
    return {"id": assessment.public_id, "questionnaire": assessment.questionnaire.code,
            "stage": assessment.get_stage_display(), "submitted_at": assessment.submitted_at.isoformat(),
            "overall": assessment.overall, "level": assessment.level, "scoring_rules": assessment.scoring_rules,
            "dimensions": [{"key": line.key, "title": line.title, "score": line.score, "level": line.level,
                            "change_since_previous_stage": line.change} for line in lines]}


def _group(row: dict[str, Any], keys: list[str], levels: list[str]) -> dict[str, Any]:
    return {"group": row["label"], "suppressed": row["suppressed"], "organisations": row["n"],
            "scores": {} if row["suppressed"] else dict(zip(keys, row["cells"], strict=True)),
            "level_shares_percent": {} if row["suppressed"] or not row["shares"] else dict(
                zip(levels, row["shares"], strict=True))}


@router.get("/aggregates", response=AggregatesOut)
def aggregates(request: HttpRequest, filters: Query[AggregateFilters]) -> Any:
    """Anonymised distributions per dimension for a group the platform defines (groups under the minimum size,
    or that another group could be subtracted from, are suppressed: smartcluster/maturity/README.md)."""
    if not selectors.aggregates_may_view(user=request.user):
        raise HttpError(403, "Aggregates are for cluster managers, policy officers and administrators.")
    questionnaire = (Questionnaire.objects.filter(code=filters.questionnaire).first() if filters.questionnaire
                     else selectors.questionnaire_current())
    if questionnaire is None:
        raise HttpError(404, f"Unknown questionnaire version '{filters.questionnaire}'.")
    if filters.by is not None and filters.by not in selectors.GROUPINGS:
        raise HttpError(422, f"by must be one of {', '.join(selectors.GROUPINGS)}.")
    region, sector = filters.region.strip().upper(), filters.sector.strip().upper()
    errors = selectors.aggregate_filter_errors(region_code=region, sector=sector, size_class=filters.size_class)
    if errors:
        raise HttpError(422, " ".join(f"{name}: {message}" for name, message in errors.items()))
    campaign = None
    if filters.campaign is not None:
        campaign = Campaign.objects.filter(pk=filters.campaign, questionnaire=questionnaire).first()
        if campaign is None or not can_change(request.user, campaign):
            raise HttpError(403, "Only a campaign's organisers see its results.")
    view = selectors.aggregate_view(questionnaire=questionnaire, by=filters.by, campaign=campaign,
                                    region_code=region, sector=sector, size_class=filters.size_class)
    keys = [key for key, _name in view.dimensions] + ["overall"]
    levels = [key for key, _name in view.levels]
    return {"questionnaire": questionnaire.code, "min_group_size": view.min_size,
            "groups": [_group(row, keys, levels) for row in aggregate_rows(view)],
            "progress_t0_t1": [_group(row, keys, []) for row in aggregate_rows(view, progress=True)]}
