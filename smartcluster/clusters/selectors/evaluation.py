"""Reads of the clusters app: evaluation — criteria sets, self-evaluations, what the registry and funding records
pre-fill, the review queue, peer groups and benchmarks (computed by `smartcluster.evaluation`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster import evaluation as library
from smartcluster.accounts.permissions import (
    can_change,
    can_review_region,
    editable_organisation_ids,
    editable_queryset,
    is_administrator,
    reviewed_region_codes,
)
from smartcluster.accounts.selectors import membership_exists, membership_organisation_ids
from smartcluster.clusters.models import (
    ClusterLabel,
    ClusterProfile,
    CriteriaSet,
    CriteriaStatus,
    Evaluation,
    EvaluationStatus,
    FundingRecord,
    InternationalAgreement,
    LabelKind,
)
from smartcluster.clusters.selectors.funding import funding_year_of
from smartcluster.clusters.selectors.registry import (
    cluster_current_members,
    cluster_member_counts,
    cluster_profile_editable_list,
)
from smartcluster.evaluation.peers import MINIMUM_PEERS
from smartcluster.organisations.selectors import partner_region_codes

__all__ = [
    "SCORE_STATUS", "BenchmarkScope", "BenchmarkView", "criteria_set_definition", "criteria_set_get", "criteria_set_list",
    "evaluation_benchmark", "evaluation_get", "evaluation_list", "evaluation_may_review", "evaluation_peer_group",
    "evaluation_prefill", "evaluation_result", "evaluation_review_queue", "evaluation_score_by_year", "EvaluationScores", "evaluation_scoring_peers", "evaluation_trail_visible",
    "evaluation_startable_profiles", "figure_display",
]

SCORE_STATUS = {
    library.Status.PASSED: gettext_lazy("passed"),
    library.Status.FAILED: gettext_lazy("not passed"),
    library.Status.MISSING: gettext_lazy("not reported (0 points)"),
    library.Status.NOT_SCORED: gettext_lazy("reported, not scored"),
}
NUTS2_LENGTH = 4  # a NUTS 2 code: country (2) + 2 characters, e.g. DE11; "its region" is the cluster's NUTS 2


class BenchmarkScope(models.TextChoices):
    """The groups one cluster is benchmarked against (issue #16)."""

    REGION = "region", gettext_lazy("Its region")
    COUNTRY = "country", gettext_lazy("Its country")
    PARTNERSHIP = "partnership", gettext_lazy("The partnership's regions")
    ALL = "all", gettext_lazy("All clusters")


# --- criteria sets -------------------------------------------------------------------------------------------------

def criteria_set_list(*, user: Any, status: str | None = None) -> QuerySet[CriteriaSet]:
    """Published and retired sets for everyone; drafts also to their publisher's editors and administrators."""
    queryset = CriteriaSet.objects.select_related("organisation")
    if not is_administrator(user):
        queryset = queryset.filter(~Q(status=CriteriaStatus.DRAFT)
                                   | Q(organisation_id__in=editable_organisation_ids(user)))
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("code", "-version")


def criteria_set_get(*, user: Any, pk: int) -> CriteriaSet:
    """One criteria set the user may read (404 otherwise)."""
    found = criteria_set_list(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404(_("No criteria set you may read has this number."))
    return found


def criteria_set_definition(*, criteria: CriteriaSet) -> library.CriteriaSet:
    """The stored version as the evaluation library's criteria set (validated when it was stored)."""
    return library.criteria_set_from_mapping(criteria.definition)


# --- evaluations ---------------------------------------------------------------------------------------------------

def _readable(user: Any) -> Q:
    """Published accepted evaluations for all; every evaluation to its cluster's members; submitted and later
    ones to the reviewers of the cluster's region."""
    readable = Q(is_published=True)
    if not getattr(user, "is_authenticated", False):
        return readable
    readable |= Q(profile__organisation_id__in=membership_organisation_ids(user=user))
    reviewed = Q()
    for code in reviewed_region_codes(user):
        reviewed |= Q(profile__organisation__region__code__startswith=code)
    if reviewed:
        readable |= reviewed & ~Q(status=EvaluationStatus.DRAFT)
    return readable


def evaluation_list(*, user: Any, profile: ClusterProfile | None = None, status: str | None = None,
                    data_year: int | None = None) -> QuerySet[Evaluation]:
    """The evaluations the user may read, narrowed by cluster, status and data year."""
    queryset = Evaluation.objects.select_related("profile__organisation__region", "criteria")
    if not is_administrator(user):
        queryset = queryset.filter(_readable(user))
    if profile is not None:
        queryset = queryset.filter(profile=profile)
    if status:
        queryset = queryset.filter(status=status)
    if data_year:
        queryset = queryset.filter(data_year=data_year)
    return queryset.order_by("-data_year", "profile__organisation__name", "pk")


def evaluation_get(*, user: Any, pk: int) -> Evaluation:
    """One evaluation the user may read (404 otherwise: a private draft is not revealed to exist)."""
    found = evaluation_list(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404(_("No evaluation you may read has this number."))
    return found


def evaluation_may_review(*, user: Any, evaluation: Evaluation) -> bool:
    """A partner editor of the cluster's region (or an administrator) reviews; never the cluster's own editors."""
    region = evaluation.profile.organisation.region
    if can_change(user, evaluation.profile) and not is_administrator(user):
        return False
    return can_review_region(user, region.code if region else None)


def evaluation_trail_visible(*, user: Any, evaluation: Evaluation) -> bool:
    """The review trail is read by the cluster's members, its editors, the region's reviewers and administrators."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (membership_exists(user=user, organisation_id=evaluation.profile.organisation_id)
            or can_change(user, evaluation.profile) or evaluation_may_review(user=user, evaluation=evaluation))


def evaluation_review_queue(*, user: Any) -> QuerySet[Evaluation]:
    """Submitted evaluations waiting for this reviewer, oldest first."""
    queryset = Evaluation.objects.select_related("profile__organisation__region", "criteria").filter(
        status=EvaluationStatus.SUBMITTED)
    if not is_administrator(user):
        codes = reviewed_region_codes(user)
        if not codes:
            return queryset.none()
        region = Q()
        for code in codes:
            region |= Q(profile__organisation__region__code__startswith=code)
        queryset = queryset.filter(region).exclude(
            profile__organisation_id__in=editable_queryset(user, ClusterProfile.objects.all())
            .values("organisation_id"))
    return queryset.order_by("updated_at", "pk")


def evaluation_startable_profiles(*, user: Any) -> QuerySet[ClusterProfile]:
    """The cluster profiles the user may evaluate (those of the organisations it edits)."""
    return cluster_profile_editable_list(user=user).order_by("organisation__name")


def evaluation_result(*, evaluation: Evaluation) -> library.EvaluationResult | None:
    """The stored result read back (None before the evaluation is accepted)."""
    return library.evaluation_result_from_dict(evaluation.result) if evaluation.result else None


@dataclass(frozen=True)
class EvaluationScores:
    """A cluster's overall score (% of points) by data year; `unpublished` accepted evaluations are not shown."""

    points: list[tuple[int, float]]
    unpublished: int


def evaluation_score_by_year(*, profile: ClusterProfile) -> EvaluationScores:
    """Per data year, the overall score of the cluster's accepted and published evaluation (of the newest criteria
    version when several); an accepted evaluation its cluster has not published is only counted."""
    accepted = Evaluation.objects.filter(profile=profile, status=EvaluationStatus.ACCEPTED).select_related(
        "criteria").order_by("data_year", "criteria__version")
    scores: dict[int, float] = {}
    for evaluation in accepted.filter(is_published=True):
        result = evaluation_result(evaluation=evaluation)
        if result is not None and result.percent is not None:
            scores[evaluation.data_year] = result.percent  # weighted mean of the areas (methods/evaluation.md §1)
    return EvaluationScores(points=sorted(scores.items()), unpublished=accepted.filter(is_published=False).count())


# --- pre-filling from the registry and the funding records --------------------------------------------------------

def _member_counts(profile: ClusterProfile, year: int) -> dict[str, int]:
    """Members by type in `year` by the registry's rule; empty when it holds none for that year."""
    counts = cluster_member_counts(profile, year)
    return counts if sum(counts.values()) else {}


def _label_level(profile: ClusterProfile, year: int, scale: tuple[str, ...]) -> str | None:
    """The highest cluster-management label level valid at 31 December of `year`, on the indicator's scale."""
    end = dt.date(year, 12, 31)
    levels = set(ClusterLabel.objects.filter(profile=profile, kind=LabelKind.CLUSTER_MANAGEMENT, year__lte=year)
                 .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=end)).values_list("level", flat=True))
    held = [option for option in scale if option in levels]
    if held:
        return held[-1]  # a scale lists its options worst first
    return scale[0] if scale else None


def _funding_inputs(profile: ClusterProfile, year: int) -> dict[str, Any]:
    record = FundingRecord.objects.filter(profile=profile, year=year).first()
    if record is None or not record.revenue:
        return {}

    funding_year = funding_year_of(record)
    try:
        return library.funding_inputs(funding_year)
    except library.EvaluationError:  # a record the funding part would refuse pre-fills nothing
        return {}


def evaluation_prefill(*, profile: ClusterProfile, criteria: CriteriaSet, data_year: int) -> dict[str, Any]:
    """The figures of the criteria set that the registry and the funding records already hold for the year."""
    definition = criteria_set_definition(criteria=criteria)
    wanted = library.criteria_inputs(definition)
    counts = _member_counts(profile, data_year)
    figures: dict[str, Any] = {}
    if counts:
        figures |= library.membership_inputs(counts)
    previous = _member_counts(profile, data_year - 1)
    if previous:
        figures["members_previous"] = sum(previous.values())
    if profile.keeps_member_list:
        current = cluster_current_members(profile, data_year)
        if previous:
            figures["members_retained"] = current.filter(
                organisation_id__in=cluster_current_members(profile, data_year - 1).values("organisation_id")).count()
        if counts:
            figures["members_using_services"] = current.filter(uses_services=True).count()
    if profile.management_fte is not None:
        figures["management_fte"] = float(profile.management_fte)
    figures["strategy"] = "yes" if profile.has_strategy else "no"
    figures["eccp_profile"] = "yes" if profile.eccp_profile_url else "no"
    agreements = InternationalAgreement.objects.filter(profile=profile, year__lte=data_year).count()
    if agreements:
        figures["international_agreements"] = agreements
    figures |= _funding_inputs(profile, data_year)
    scales = {indicator.formula.inputs[0]: indicator.scale for indicator in definition.indicators()
              if indicator.scale}
    for name, scale in scales.items():
        if name == "label":
            figures[name] = _label_level(profile, data_year, scale)
        elif name in figures and figures[name] not in scale:
            del figures[name]
    return {name: value for name, value in figures.items() if name in wanted and value is not None}


# --- peer groups and benchmarks ------------------------------------------------------------------------------------

def _scope_filter(profile: ClusterProfile, scope: str) -> Q | None:
    """Which clusters a scope takes, by the NUTS code of their organisation's region (None: no such group)."""
    region = profile.organisation.region
    if scope == BenchmarkScope.ALL:
        return Q()
    if scope == BenchmarkScope.PARTNERSHIP:
        codes = partner_region_codes()
        if not codes:
            return None
        found = Q()
        for code in codes:
            found |= Q(profile__organisation__region__code__startswith=code)
        return found
    if region is None:
        return None
    if scope == BenchmarkScope.COUNTRY:
        return Q(profile__organisation__region__country=region.country)
    return Q(profile__organisation__region__code__startswith=region.code[:NUTS2_LENGTH])


def _scope_name(profile: ClusterProfile, scope: str) -> str:
    region = profile.organisation.region
    if scope == BenchmarkScope.REGION and region is not None:
        return f"region {region.code[:NUTS2_LENGTH]}"
    if scope == BenchmarkScope.COUNTRY and region is not None:
        return f"country {region.country}"
    return str(scope)


def evaluation_peer_group(*, evaluation: Evaluation, scope: str) -> library.PeerGroup:
    """The other clusters of the scope with an accepted evaluation of the same criteria code and data year (their
    latest version each), valued under this evaluation's criteria set. Only their positions and medians are shown,
    never one cluster's figures, and a group under 5 is not shown at all."""
    definition = criteria_set_definition(criteria=evaluation.criteria)
    scope_filter = _scope_filter(evaluation.profile, scope)
    name = _scope_name(evaluation.profile, scope)
    if scope_filter is None:
        return library.PeerGroup(name=name, size=0, values={})
    peers = (Evaluation.objects.filter(scope_filter, status=EvaluationStatus.ACCEPTED,
                                       criteria__code=evaluation.criteria.code, data_year=evaluation.data_year)
             .exclude(profile=evaluation.profile).order_by("profile_id", "-criteria__version"))
    latest: dict[int, Mapping[str, Any]] = {}
    for peer in peers:
        latest.setdefault(peer.profile_id, peer.inputs)
    return library.peer_group_from_inputs(definition, name, latest.values())


def evaluation_scoring_peers(*, evaluation: Evaluation) -> library.PeerGroup:
    """The peer group a score is computed with (percentile thresholds): the narrowest scope with at least 5
    clusters, from the region outwards; all clusters when none has 5 (ours)."""
    group = None
    for scope in BenchmarkScope:
        group = evaluation_peer_group(evaluation=evaluation, scope=scope)
        if group.size >= MINIMUM_PEERS:
            return group
    assert group is not None
    return group


def figure_display(value: Any) -> str:
    """A figure or indicator value as people read it: numbers to 2 decimals in the active locale, options as
    they are, "—" when missing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    number = round(float(value), 2)
    return formats.number_format(int(number) if number.is_integer() else number, use_l10n=True,
                                 force_grouping=True)


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of a benchmark page: its words, its score and position, and advice when it is low."""

    key: str
    title: str
    area: str
    unit: str
    value: Any
    status: str
    position: float | None
    peer_median: float | None
    peers: int
    shown: str
    recommendation: str

    @property
    def value_text(self) -> str:
        return figure_display(self.value)

    @property
    def median_text(self) -> str:
        return "" if self.peer_median is None else figure_display(self.peer_median)


@dataclass(frozen=True)
class BenchmarkView:
    scope: str
    benchmark: library.Benchmark
    lines: tuple[IndicatorLine, ...]
    strengths: tuple[IndicatorLine, ...]
    weaknesses: tuple[IndicatorLine, ...]
    advice: tuple[IndicatorLine, ...]  # low-scoring indicators with a recommendation

    @property
    def shown(self) -> bool:
        return self.benchmark.shown == library.Shown.SHOWN


def evaluation_benchmark(*, evaluation: Evaluation, scope: str) -> BenchmarkView:
    """An accepted evaluation against a peer group, per indicator (percentile positions from the stored values),
    with strengths, weaknesses and the recommendations of the low-scoring indicators (failed or a weakness)."""
    definition = criteria_set_definition(criteria=evaluation.criteria)
    result = evaluation_result(evaluation=evaluation)
    scores = {score.key: score for score in result.indicators} if result else {}
    values = {key: score.value for key, score in scores.items()} if result else \
        library.indicator_values(definition, evaluation.inputs)
    group = evaluation_peer_group(evaluation=evaluation, scope=scope)
    view = library.benchmark(definition, values, group)
    positions = {position.key: position for position in view.positions}
    areas = {indicator.key: area.title for area in definition.areas for indicator in area.indicators}
    lines = []
    for indicator in definition.indicators():
        position = positions.get(indicator.key)
        score = scores.get(indicator.key)
        lines.append(IndicatorLine(
            key=indicator.key, title=indicator.title, area=areas[indicator.key], unit=indicator.unit,
            value=values.get(indicator.key), status=score.status.value if score else "",
            position=position.position if position else None,
            peer_median=position.peer_median if position else None, peers=position.peers if position else 0,
            shown=position.shown.value if position else view.shown.value,
            recommendation=indicator.recommendation))
    by_key = {line.key: line for line in lines}
    low = [line for line in lines if line.recommendation and (
        line.status in (library.Status.FAILED, library.Status.MISSING) or line.key in view.weaknesses)]
    return BenchmarkView(scope=scope, benchmark=view, lines=tuple(lines),
                         strengths=tuple(by_key[key] for key in view.strengths),
                         weaknesses=tuple(by_key[key] for key in view.weaknesses), advice=tuple(low))
