"""Reads of the maturity app: access to one's own assessments, reports, recommendations, anonymised aggregates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from django.conf import settings
from django.db.models import Count, Q, QuerySet

from smartcluster.accounts.permissions import can_change, editable_organisation_ids, is_administrator
from smartcluster.maturity.aggregates import TOTAL, distribution_table, groups_table, progress_frame
from smartcluster.maturity.definition import NOT_APPLICABLE, Question, definition_checksum
from smartcluster.maturity.definition import Questionnaire as Definition
from smartcluster.maturity.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    Questionnaire,
    QuestionnaireStatus,
    SupportOffer,
)
from smartcluster.maturity.scoring import level_for, weak_dimensions

GROUPINGS = ("size_class", "sector", "region")


def min_group_size() -> int:
    """Smallest group whose aggregates are shown (setting MATURITY_MIN_GROUP_SIZE, [OURS] default 5)."""
    return int(getattr(settings, "MATURITY_MIN_GROUP_SIZE", 5))


def questionnaire_current(*, family: str = "dma-sme") -> Questionnaire | None:
    """The published version new assessments of a family use."""
    return Questionnaire.objects.filter(family=family, status=QuestionnaireStatus.PUBLISHED).order_by(
        "-version").first()


def questionnaire_change_blocked(*, code: str, definition: dict[str, Any]) -> bool:
    """Would loading this definition change a version that has been answered (past scores must never change)?"""
    existing = Questionnaire.objects.filter(code=code).first()
    return (existing is not None and existing.checksum != definition_checksum(definition)
            and existing.assessments.exists())


def assessment_may_view(*, assessment: Assessment, user: Any, respondent_hash: str) -> bool:
    """Only the respondent (its browser key or its account) and editors of its organisation see one firm's
    answers and scores — never a campaign's organiser (no single firm is shown to others)."""
    if respondent_hash and assessment.respondent_hash == respondent_hash:
        return True
    if getattr(user, "is_authenticated", False):
        if assessment.user_id == user.pk:
            return True
        if assessment.organisation_id is not None and assessment.organisation_id in editable_organisation_ids(user):
            return True
        return is_administrator(user)
    return False


def assessment_get_for_viewer(*, public_id: Any, user: Any, respondent_hash: str) -> Assessment | None:
    """The assessment with this public id if the viewer may see it (None otherwise)."""
    assessment = Assessment.objects.select_related("questionnaire", "campaign", "organisation", "nace",
                                                   "region").filter(public_id=public_id).first()
    if assessment is None or not assessment_may_view(assessment=assessment, user=user,
                                                     respondent_hash=respondent_hash):
        return None
    return assessment


def assessment_list_for_viewer(*, user: Any, respondent_hash: str) -> QuerySet[Assessment]:
    """The viewer's own assessments (by browser key or account), newest first."""
    condition = Q(respondent_hash=respondent_hash) if respondent_hash else Q(pk__in=[])
    if getattr(user, "is_authenticated", False):
        condition |= Q(user=user) | Q(organisation_id__in=editable_organisation_ids(user))
    return Assessment.objects.filter(condition).select_related("questionnaire", "organisation", "campaign")


def assessment_draft_for(*, respondent_hash: str, campaign: Campaign | None) -> Assessment | None:
    """The draft this browser left in this campaign (or outside any campaign), to resume."""
    if not respondent_hash:
        return None
    return Assessment.objects.filter(respondent_hash=respondent_hash, campaign=campaign,
                                     status=AssessmentStatus.DRAFT).order_by("-updated_at").first()


def assessment_previous(*, assessment: Assessment, user: Any, respondent_hash: str) -> Assessment | None:
    """The viewer's latest earlier result of the same organisation and the same questionnaire version (progress
    is compared only within one version)."""
    if assessment.organisation_id is None or assessment.stage is None:
        return None
    candidates = Assessment.objects.filter(
        organisation_id=assessment.organisation_id, questionnaire_id=assessment.questionnaire_id,
        status=AssessmentStatus.SUBMITTED, stage__lt=assessment.stage).order_by("-stage")
    for candidate in candidates:
        if assessment_may_view(assessment=candidate, user=user, respondent_hash=respondent_hash):
            return candidate
    return None


@dataclass
class DimensionLine:
    key: str
    title: str
    explanation: str
    score: float | None
    level: str | None
    level_label: str
    previous: float | None = None

    @property
    def change(self) -> float | None:
        return None if self.score is None or self.previous is None else self.score - self.previous


def _level_label(definition: Definition, key: str | None) -> str:
    return next((level.label for level in definition.levels if level.key == key), "")


def assessment_report_lines(*, assessment: Assessment, previous: Assessment | None = None) -> list[DimensionLine]:
    """Per dimension: title, score, its level in words, and the earlier score when one is compared."""
    definition = assessment.questionnaire.parsed()
    scores = assessment.dimension_scores or {}
    before = (previous.dimension_scores or {}) if previous else {}
    lines = []
    for dimension in definition.dimensions:
        score = scores.get(dimension.key)
        level = level_for(score, definition.levels)
        lines.append(DimensionLine(key=dimension.key, title=dimension.title, explanation=dimension.explanation,
                                   score=score, level=level, level_label=_level_label(definition, level),
                                   previous=before.get(dimension.key)))
    return lines


def assessment_level_label(*, assessment: Assessment) -> str:
    return _level_label(assessment.questionnaire.parsed(), assessment.level)


def _next_steps(question: Question, answer: Any, limit: int) -> list[str]:
    """Concrete steps from the answers: practices not ticked yet, rows at the lowest points."""
    if answer == NOT_APPLICABLE:
        return []
    if question.form == "ticks":
        ticked = set(answer or [])
        return [o.label for o in question.options if not o.negative and o.key not in ticked][:limit]
    if question.form == "ticks_per_row":
        answered = answer or {}
        return [row.label for row in question.rows if not answered.get(row.key)][:limit]
    top = max(option.points for option in question.options)
    points = {option.key: option.points for option in question.options}
    answered = answer or {}
    return [row.label for row in question.rows
            if answered.get(row.key) != NOT_APPLICABLE and points.get(answered.get(row.key), 0.0) < top / 2][:limit]


def support_offers_near(*, region_code: str | None, dimension: str) -> list[SupportOffer]:
    """Active offers of the region, its parents (NUTS codes nest by prefix) and its country for a dimension."""
    if not region_code:
        return []
    prefixes = [region_code[:length] for length in range(2, len(region_code) + 1)]
    offers = SupportOffer.objects.filter(is_active=True, region__code__in=prefixes).select_related("region",
                                                                                                     "provider")
    return [offer for offer in offers if not offer.dimension_keys() or dimension in offer.dimension_keys()]


@dataclass
class Recommendation:
    dimension: str
    title: str
    score: float | None
    level_label: str
    advice: str
    next_steps: list[str] = field(default_factory=list)
    support: list[SupportOffer] = field(default_factory=list)


def assessment_recommendations(*, assessment: Assessment, steps_per_question: int = 2) -> list[Recommendation]:
    """For each weak dimension (lowest first): the advice for its level, next steps drawn from the answers, and
    support available in the organisation's region."""
    definition = assessment.questionnaire.parsed()
    scores = assessment.dimension_scores or {}
    region_code = assessment.region.code if assessment.region_id else None
    recommendations = []
    for key in weak_dimensions(scores):
        dimension = definition.dimension(key)
        level = level_for(scores[key], definition.levels)
        steps = [step for question in dimension.questions
                 for step in _next_steps(question, assessment.answers.get(question.key), steps_per_question)]
        recommendations.append(Recommendation(
            dimension=key, title=dimension.title, score=scores[key], level_label=_level_label(definition, level),
            advice=dimension.advice.get(level or "", ""), next_steps=steps,
            support=support_offers_near(region_code=region_code, dimension=key)))
    return recommendations


def results_frame(*, questionnaire: Questionnaire, assessments: QuerySet[Assessment] | None = None,
                  stage: int | None = None) -> pd.DataFrame:
    """One row per organisation (its latest submitted result in this version, or the one at `stage`):
    respondent, size_class, sector (NACE section), region (NUTS code), stage, dimension scores, overall, level."""
    dimensions = [d.key for d in questionnaire.parsed().dimensions]
    queryset = (assessments if assessments is not None else Assessment.objects.all()).filter(
        questionnaire=questionnaire, status=AssessmentStatus.SUBMITTED, organisation__isnull=False)
    if stage is not None:
        queryset = queryset.filter(stage=stage)
    rows = {}
    for a in queryset.select_related("nace", "region").order_by("stage", "submitted_at"):
        rows[a.organisation_id] = {
            "respondent": a.organisation_id, "size_class": a.size_class or None,
            "sector": a.nace.section if a.nace_id else None, "region": a.region.code if a.region_id else None,
            "stage": a.stage, **{key: (a.dimension_scores or {}).get(key) for key in dimensions},
            "overall": a.overall, "level": a.level}
    columns = ["respondent", *GROUPINGS, "stage", *dimensions, "overall", "level"]
    return pd.DataFrame(list(rows.values()), columns=columns)


def _filtered(queryset: QuerySet[Assessment], *, campaign: Campaign | None, owner_id: int | None,
              region_code: str, sector: str, size_class: str) -> QuerySet[Assessment]:
    if campaign is not None:
        queryset = queryset.filter(campaign=campaign)
    if owner_id is not None:
        queryset = queryset.filter(campaign__organisation_id=owner_id)
    if region_code:
        queryset = queryset.filter(region__code__startswith=region_code)
    if sector:
        queryset = queryset.filter(nace__section=sector)
    if size_class:
        queryset = queryset.filter(size_class=size_class)
    return queryset


@dataclass
class AggregateView:
    questionnaire: Questionnaire
    dimensions: list[tuple[str, str]]
    levels: list[tuple[str, str]]
    table: pd.DataFrame
    progress: pd.DataFrame
    min_size: int
    by: str | None


def aggregate_view(*, questionnaire: Questionnaire, by: str | None = None, campaign: Campaign | None = None,
                   owner_id: int | None = None, region_code: str = "", sector: str = "",
                   size_class: str = "") -> AggregateView:
    """Distribution per dimension (mean, quartiles, median, share per level) for the selected firms and, with
    `by`, per size band / sector / region; plus progress T0 → T1 of firms with both stages in this version.
    Groups under the minimum size, and groups that subtraction would expose, are suppressed."""
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"unknown grouping '{by}' (known: {', '.join(GROUPINGS)})")
    definition = questionnaire.parsed()
    dimensions = [(d.key, d.title) for d in definition.dimensions]
    values = [key for key, _name in dimensions] + ["overall"]
    levels = [(level.key, level.label) for level in definition.levels]
    selected = _filtered(Assessment.objects.all(), campaign=campaign, owner_id=owner_id, region_code=region_code,
                         sector=sector, size_class=size_class)
    minimum = min_group_size()
    frame = results_frame(questionnaire=questionnaire, assessments=selected)
    table = distribution_table(frame, values=values, by=by, categories="level",
                               category_keys=[key for key, _name in levels], min_size=minimum)
    change = progress_frame(results_frame(questionnaire=questionnaire, assessments=selected, stage=0),
                            results_frame(questionnaire=questionnaire, assessments=selected, stage=1),
                            values=values)
    progress = distribution_table(change, values=values, by=by, min_size=minimum)
    return AggregateView(questionnaire=questionnaire, dimensions=dimensions, levels=levels, table=table,
                         progress=progress, min_size=minimum, by=by)


def peer_comparison(*, assessment: Assessment) -> pd.DataFrame:
    """Medians and quartiles of similar organisations (same size band, sector, region; same version), each
    group shown only when large enough and not derivable from another shown group."""
    frame = results_frame(questionnaire=assessment.questionnaire)
    members: dict[str, frozenset] = {}
    region_code = assessment.region.code if assessment.region_id else None
    sector = assessment.nace.section if assessment.nace_id else None
    for name, value in (("size_class", assessment.size_class), ("sector", sector), ("region", region_code)):
        if value:
            members[name] = frozenset(frame.loc[frame[name] == value, "respondent"])
    members[TOTAL] = frozenset(frame["respondent"])
    definition = assessment.questionnaire.parsed()
    values = [d.key for d in definition.dimensions] + ["overall"]
    return groups_table(frame, members, values=values, min_size=min_group_size())


def campaign_list_for_user(*, user: Any) -> QuerySet[Campaign]:
    """Campaigns the user runs (its organisations') or, for administrators, all."""
    queryset = Campaign.objects.select_related("organisation", "questionnaire")
    if is_administrator(user):
        return queryset
    return queryset.filter(organisation_id__in=editable_organisation_ids(user))


@dataclass
class CampaignCounts:
    invited: int
    started: int
    completed: int


def campaign_counts(*, campaign: Campaign) -> CampaignCounts:
    """Invited (entered by the organiser), started (drafts and results) and completed (submitted)."""
    counts = campaign.assessments.aggregate(started=Count("pk"),
                                            completed=Count("pk", filter=Q(status=AssessmentStatus.SUBMITTED)))
    return CampaignCounts(invited=campaign.invited, started=counts["started"], completed=counts["completed"])


def campaign_may_view_results(*, campaign: Campaign, user: Any) -> bool:
    return can_change(user, campaign)


def aggregates_may_view(*, user: Any) -> bool:
    """Cluster managers and policy officers (editors of an organisation) and administrators."""
    return is_administrator(user) or bool(editable_organisation_ids(user))
