"""API of the clusters app: evaluation — criteria sets, self-evaluations (private drafts to their cluster's members
and the region's reviewers, published accepted ones to all), a benchmark, and the writes of the self-evaluation:
start, save figures, submit, review, publish."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate  # settings.NINJA_PAGINATION_CLASS: one checked pagination

from smartcluster import evaluation as library
from smartcluster.accounts.auth import READ_AUTH
from smartcluster.clusters.models import ClusterProfile, CriteriaSet, Evaluation
from smartcluster.clusters.selectors import evaluation as selectors
from smartcluster.clusters.services import evaluation as services
from smartcluster.site.api import answers_refusals

router = Router()


class ClusterCriteriaSetOut(Schema):
    id: int
    code: str
    version: int
    title: str
    status: str
    publisher: str | None = Field(None, description="Empty for the platform's default set")
    published_at: dt.datetime | None
    definition: dict[str, Any]

    @staticmethod
    def resolve_publisher(obj: CriteriaSet) -> str | None:
        return obj.organisation.name if obj.organisation else None


class ClusterCriteriaFilters(Schema):
    status: str = Field("", description="draft, published or retired")


class ClusterEvaluationReviewOut(Schema):
    action: str
    comment: str
    author: str | None
    created_at: dt.datetime


class ClusterEvaluationOut(Schema):
    id: int
    cluster_id: int
    cluster: str
    region: str | None
    criteria_id: int
    criteria_code: str
    criteria_version: int
    data_year: int
    status: str
    is_published: bool
    progress_percent: float
    inputs: dict[str, Any]
    result: dict[str, Any] | None = Field(None, description="Scores as computed on acceptance, with the criteria "
                                                            "version, thresholds, weights, peer group and data year")
    reviews: list[ClusterEvaluationReviewOut] = Field(description="The review trail (its cluster's members and "
                                                                  "reviewers only)")

    @staticmethod
    def resolve_cluster_id(obj: Evaluation) -> int:
        return obj.profile_id

    @staticmethod
    def resolve_cluster(obj: Evaluation) -> str:
        return str(obj.profile)

    @staticmethod
    def resolve_region(obj: Evaluation) -> str | None:
        region = obj.profile.organisation.region
        return region.code if region else None

    @staticmethod
    def resolve_criteria_code(obj: Evaluation) -> str:
        return obj.criteria.code

    @staticmethod
    def resolve_criteria_version(obj: Evaluation) -> int:
        return obj.criteria.version

    @staticmethod
    def resolve_progress_percent(obj: Evaluation) -> float:
        definition = selectors.criteria_set_definition(criteria=obj.criteria)
        return round(library.evaluation_progress(definition, obj.inputs), 1)

    @staticmethod
    def resolve_reviews(obj: Evaluation, context: dict[str, Any]) -> list[dict[str, Any]]:
        """The trail is an owner-only record: its cluster's members, reviewers and administrators read it."""
        user = context["request"].user
        if not (selectors.evaluation_trail_visible(user=user, evaluation=obj)):
            return []
        return [{"action": step.action, "comment": step.comment, "created_at": step.created_at,
                 "author": step.author.get_username() if step.author else None}
                for step in obj.reviews.select_related("author")]


class ClusterEvaluationFilters(Schema):
    cluster: int | None = None
    status: str = Field("", description="draft, submitted, changes_requested or accepted")
    data_year: int | None = None


class ClusterEvaluationStartIn(Schema):
    cluster_id: int
    criteria_id: int
    data_year: int


class ClusterEvaluationFiguresIn(Schema):
    inputs: dict[str, Any] = Field(description="Figures by name (criteria_inputs of the set); null or \"\" clears one")


class ClusterEvaluationReviewIn(Schema):
    action: str = Field(description="accept or ask_changes")
    comment: str = ""


class ClusterBenchmarkPosition(Schema):
    key: str
    title: str
    value: float | str | None
    shown: str = Field(description="shown, too_small (fewer than 5 peer values) or missing")
    position: float | None = Field(None, description="% of peers this cluster does better than, ties half")
    peer_median: float | None
    peers: int
    recommendation: str | None = Field(None, description="Advice when the indicator failed or is a weakness")


class ClusterBenchmarkOut(Schema):
    evaluation_id: int
    scope: str
    peer_group: str
    peer_group_size: int
    shown: str = Field(description="too_small when fewer than 5 clusters: nothing else is given")
    positions: list[ClusterBenchmarkPosition]
    strengths: list[str]
    weaknesses: list[str]


@router.get("/criteria-sets/", response=list[ClusterCriteriaSetOut], auth=READ_AUTH)
@paginate(page_size=50)
def criteria_set_list(request: HttpRequest, filters: Query[ClusterCriteriaFilters]) -> Any:
    """Published and retired criteria sets; drafts to their publisher's editors."""
    return selectors.criteria_set_list(user=request.user, status=filters.status or None)


@router.get("/criteria-sets/{criteria_id}", response=ClusterCriteriaSetOut, auth=READ_AUTH)
def criteria_set_detail(request: HttpRequest, criteria_id: int) -> CriteriaSet:
    return selectors.criteria_set_get(user=request.user, pk=criteria_id)


@router.get("/evaluations/", response=list[ClusterEvaluationOut], auth=READ_AUTH)
@paginate(page_size=50)
def evaluation_list(request: HttpRequest, filters: Query[ClusterEvaluationFilters]) -> Any:
    """Evaluations the caller may read: published accepted ones, and its own clusters' and its region's."""
    profile = get_object_or_404(ClusterProfile, pk=filters.cluster) if filters.cluster else None
    evaluations = selectors.evaluation_list(user=request.user, profile=profile, status=filters.status or None,
                                            data_year=filters.data_year)
    return evaluations


@router.get("/evaluations/{evaluation_id}", response=ClusterEvaluationOut, auth=READ_AUTH)
def evaluation_detail(request: HttpRequest, evaluation_id: int) -> Evaluation:
    return selectors.evaluation_get(user=request.user, pk=evaluation_id)


@router.get("/evaluations/{evaluation_id}/benchmark", response=ClusterBenchmarkOut, auth=READ_AUTH)
def evaluation_benchmark(request: HttpRequest, evaluation_id: int,
                         scope: str = Query(selectors.BenchmarkScope.REGION,  # noqa: B008 - ninja's parameter
                                            description="region, country, partnership or all")) -> Any:
    """An accepted evaluation against a peer group (groups under 5 are not shown)."""
    evaluation = selectors.evaluation_get(user=request.user, pk=evaluation_id)
    if scope not in selectors.BenchmarkScope.values:
        raise HttpError(422, f"scope must be one of {', '.join(selectors.BenchmarkScope.values)}.")
    if evaluation.status != "accepted":
        raise HttpError(409, "Only an accepted evaluation is benchmarked.")
    view = selectors.evaluation_benchmark(evaluation=evaluation, scope=scope)
    advice = {line.key for line in view.advice}
    positions = [{"key": line.key, "title": line.title, "value": line.value, "shown": line.shown,
                  "position": line.position, "peer_median": line.peer_median, "peers": line.peers,
                  "recommendation": line.recommendation if line.key in advice else None}
                 for line in view.lines] if view.shown else []
    return {"evaluation_id": evaluation.pk, "scope": scope, "peer_group": view.benchmark.peer_group,
            "peer_group_size": view.benchmark.peer_group_size, "shown": view.benchmark.shown.value,
            "positions": positions, "strengths": list(view.benchmark.strengths),
            "weaknesses": list(view.benchmark.weaknesses)}


@router.post("/evaluations/", response={201: ClusterEvaluationOut})
@answers_refusals
def evaluation_start(request: HttpRequest, payload: ClusterEvaluationStartIn) -> Any:
    """Start a draft self-evaluation of one of the caller's clusters (pre-filled from the registry)."""
    profile = get_object_or_404(ClusterProfile, pk=payload.cluster_id)
    criteria = selectors.criteria_set_get(user=request.user, pk=payload.criteria_id)
    evaluation = services.evaluation_start(user=request.user, profile=profile, criteria=criteria,
                                           data_year=payload.data_year)
    return Status(201, evaluation)


@router.put("/evaluations/{evaluation_id}/figures", response=ClusterEvaluationOut)
@answers_refusals
def evaluation_figures_save(request: HttpRequest, evaluation_id: int, payload: ClusterEvaluationFiguresIn) -> Any:
    """Save a draft's figures (all of them: the body replaces what is stored); every bad figure named at once."""
    evaluation = selectors.evaluation_get(user=request.user, pk=evaluation_id)
    return services.evaluation_draft_save(user=request.user, evaluation=evaluation, inputs=payload.inputs)


_ACTIONS = {"submit": services.evaluation_submit, "publish": services.evaluation_publish,
            "unpublish": services.evaluation_unpublish}


@router.post("/evaluations/{evaluation_id}/review", response=ClusterEvaluationOut)
@answers_refusals
def evaluation_review(request: HttpRequest, evaluation_id: int, payload: ClusterEvaluationReviewIn) -> Any:
    """A reviewer of the cluster's region accepts (the score is computed and stored) or asks for changes."""
    evaluation = selectors.evaluation_get(user=request.user, pk=evaluation_id)
    return services.evaluation_review(user=request.user, evaluation=evaluation, action=payload.action,
                                      comment=payload.comment)


@router.post("/evaluations/{evaluation_id}/{action}", response=ClusterEvaluationOut)
@answers_refusals
def evaluation_action(request: HttpRequest, evaluation_id: int, action: str) -> Any:
    """submit (a draft, by its cluster's editors), publish or unpublish (an accepted one)."""
    if action not in _ACTIONS:
        raise HttpError(404, f"Unknown action {action!r}; use one of {', '.join(_ACTIONS)}.")
    evaluation = selectors.evaluation_get(user=request.user, pk=evaluation_id)
    return _ACTIONS[action](user=request.user, evaluation=evaluation)
