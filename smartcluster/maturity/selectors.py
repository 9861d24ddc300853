"""Reads of the maturity app: access to one's own assessments, reports, recommendations, anonymised aggregates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pandas as pd
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db.models import Avg, Count, Max, Model, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, editable_organisation_ids, is_administrator
from smartcluster.industries.choices import NaceLevel
from smartcluster.industries.selectors import industry_exists
from smartcluster.maturity.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    Questionnaire,
    QuestionnaireStatus,
    SupportOffer,
)
from smartcluster.organisations.choices import OrganisationType, SizeClass
from smartcluster.organisations.selectors import organisation_queryset
from smartcluster.regions.selectors import region_exists
from smartcluster.scoring.aggregates import (
    NOT_STATED,
    NUTS_LENGTHS,
    TOTAL,
    GroupKey,
    group_members,
    groups_table,
    progress_frame,
    region_levels,
    suppressed_keys,
)
from smartcluster.scoring.definition import NOT_APPLICABLE, Question, definition_checksum
from smartcluster.scoring.definition import Questionnaire as Definition
from smartcluster.scoring.scoring import level_for, weak_dimensions

GROUPINGS = ("size_class", "sector", "region")
INVITATION_SALT = "smartcluster.maturity.invitation"
INVITATION_MAX_AGE_DAYS = 30  # [OURS] a link forwarded by e-mail is still good a month later, then expires


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


def assessment_submitted_in_regions(*, region_codes: list[str], first: dt.datetime, after: dt.datetime,
                                    smes_only: bool = False) -> QuerySet[Assessment]:
    """Assessments submitted from `first` until before `after` by organisations in the given NUTS regions (a code
    also covers the regions within it: by prefix); none for no region. `smes_only`: of organisations typed SME
    whose size band answered is not large."""
    if not region_codes:
        return Assessment.objects.none()
    within = Q()
    for code in region_codes:
        within |= Q(region__code__startswith=code)
    assessments = Assessment.objects.filter(within, status=AssessmentStatus.SUBMITTED, submitted_at__gte=first,
                                            submitted_at__lt=after)
    if smes_only:
        # SME: fewer than 250 persons (Commission Recommendation 2003/361/EC), so never the "large" band.
        assessments = assessments.filter(organisation__type=OrganisationType.SME).exclude(size_class=SizeClass.LARGE)
    return assessments


@dataclass(frozen=True)
class YearlyOverall:
    """Mean overall score by year of submission; `withheld` years had fewer than `min_group` assessments."""

    points: list[tuple[int, float]]
    withheld: int
    min_group: int


def assessment_overall_by_year(*, region_code: str, family: str = "dma-sme") -> YearlyOverall:
    """Per year of submission, the mean overall score of the family's submitted assessments in the NUTS region (and
    the regions within it); a year with fewer than `min_group_size()` assessments is left out (no firm singled out)."""
    rows = (Assessment.objects.filter(region__code__startswith=region_code, questionnaire__family=family,
                                      status=AssessmentStatus.SUBMITTED, submitted_at__isnull=False)
            .annotate(year=ExtractYear("submitted_at")).values("year")
            .annotate(mean=Avg("overall"), count=Count("pk")).order_by("year"))  # [OURS] plain mean of the scores frozen at submission
    smallest = min_group_size()
    shown = [row for row in rows if row["count"] >= smallest]
    return YearlyOverall(points=[(int(row["year"]), round(float(row["mean"]), 3)) for row in shown],
                         withheld=len(rows) - len(shown), min_group=smallest)


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


def respondent_organisation_ids(*, user: Any, respondent_hash: str) -> set[int]:
    """Organisations this respondent (browser key or account) has answered for before."""
    condition = Q(respondent_hash=respondent_hash) if respondent_hash else Q(pk__in=[])
    if getattr(user, "is_authenticated", False):
        condition |= Q(user=user)
    return set(Assessment.objects.filter(condition, organisation__isnull=False).values_list(
        "organisation_id", flat=True))


def invitation_organisation(*, token: str) -> Model | None:
    """The organisation an invitation token (services.invitation_token) was made for; None when forged or old."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=timedelta(days=INVITATION_MAX_AGE_DAYS))
    except signing.BadSignature:
        return None
    return organisation_queryset(ids=[data.get("organisation")]).first() if isinstance(data, dict) else None


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


def support_offers_serving(*, region_code: str | None, kinds: tuple[str, ...] = ()) -> QuerySet[SupportOffer]:
    """Active offers of the region, its parents (NUTS codes nest by prefix) and its country, of these kinds
    (`SupportKind` values; all kinds when none are given)."""
    if not region_code:
        return SupportOffer.objects.none()
    prefixes = [region_code[:length] for length in range(2, len(region_code) + 1)]
    offers = SupportOffer.objects.filter(is_active=True, region__code__in=prefixes)
    if kinds:
        offers = offers.filter(kind__in=kinds)
    return offers.select_related("region", "provider")


def support_offers_near(*, region_code: str | None, dimension: str) -> list[SupportOffer]:
    """Active offers of the region, its parents (NUTS codes nest by prefix) and its country for a dimension."""
    offers = support_offers_serving(region_code=region_code)
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


LATTICE_CACHE_SECONDS = 3600  # a new result changes the cache key; this only frees memory
RESULT_COLUMNS = ["respondent", "campaign", "organiser", *GROUPINGS, "stage", "submitted_at"]


def _result_rows(*, questionnaire: Questionnaire) -> pd.DataFrame:
    """Every submitted result of this version: respondent (its organisation), campaign and the campaign's
    organiser, size_class, sector (NACE section), region (NUTS code), stage, submission time, scores, level."""
    dimensions = [d.key for d in questionnaire.parsed().dimensions]
    queryset = Assessment.objects.filter(questionnaire=questionnaire, status=AssessmentStatus.SUBMITTED,
                                         organisation__isnull=False).select_related("nace", "region", "campaign")
    rows = [{"respondent": a.organisation_id, "campaign": a.campaign_id,
             "organiser": a.campaign.organisation_id if a.campaign_id else None, "size_class": a.size_class or None,
             "sector": a.nace.section if a.nace_id else None, "region": a.region.code if a.region_id else None,
             "stage": a.stage, "submitted_at": a.submitted_at,
             **{key: (a.dimension_scores or {}).get(key) for key in dimensions}, "overall": a.overall,
             "level": a.level} for a in queryset]
    return pd.DataFrame(rows, columns=[*RESULT_COLUMNS, *dimensions, "overall", "level"])


def _latest(rows: pd.DataFrame, stage: int | None = None) -> pd.DataFrame:
    """One row per organisation: its latest result (or its result at `stage`)."""
    if stage is not None:
        rows = rows[rows["stage"] == stage]
    return rows.sort_values(["stage", "submitted_at"]).drop_duplicates("respondent", keep="last")


def _scope_parents(rows: pd.DataFrame) -> dict[Any, Any]:
    """Scopes besides all respondents: each campaign inside its organiser's campaigns, those inside all."""
    parents: dict[Any, Any] = {}
    for campaign, organiser in rows[["campaign", "organiser"]].dropna().drop_duplicates().itertuples(index=False):
        parents[("campaign", int(campaign))] = ("organiser", int(organiser))
        parents[("organiser", int(organiser))] = None
    return parents


def _scope_rows(rows: pd.DataFrame, scope: Any) -> pd.DataFrame:
    if scope is None:
        return rows
    kind, key = scope
    return rows[rows[kind] == key]


@dataclass
class Lattice:
    """Every group the platform defines for one version (see aggregates.group_members) and those never shown."""
    frames: dict[Any, pd.DataFrame]
    members: dict[GroupKey, frozenset]
    hidden: set[GroupKey]

    def frame(self, scope: Any) -> pd.DataFrame:
        return self.frames.get(scope, pd.DataFrame(columns=["respondent", *GROUPINGS]))


def _lattice(questionnaire: Questionnaire, *, progress: bool) -> Lattice:
    """All groups of latest results (or, with `progress`, of T0 → T1 changes), suppression decided once for all
    of them so that no two answers can be subtracted (README, "Anonymity"); cached until a result is added."""
    submitted = Assessment.objects.filter(questionnaire=questionnaire, status=AssessmentStatus.SUBMITTED).aggregate(
        count=Count("pk"), last=Max("submitted_at"), top=Max("pk"))
    key = "maturity-lattice:{}:{}:{}:{}:{}:{}:{}".format(
        questionnaire.pk, questionnaire.checksum, int(progress), min_group_size(), submitted["count"],
        submitted["top"], submitted["last"].isoformat() if submitted["last"] else "")
    lattice = cache.get(key)
    if lattice is None:
        lattice = _lattice_compute(_result_rows(questionnaire=questionnaire), progress=progress,
                                   values=[d.key for d in questionnaire.parsed().dimensions] + ["overall"])
        cache.set(key, lattice, LATTICE_CACHE_SECONDS)
    return lattice


def _lattice_compute(rows: pd.DataFrame, *, values: list[str], progress: bool) -> Lattice:
    scope_parent = _scope_parents(rows)
    frames = {}
    for scope in (None, *scope_parent):
        part = _scope_rows(rows, scope)
        frames[scope] = (progress_frame(_latest(part, 0), _latest(part, 1), values=values) if progress
                         else _latest(part))
    members = group_members(frames)
    return Lattice(frames=frames, members=members,
                   hidden=suppressed_keys(members, min_size=min_group_size(), scope_parent=scope_parent))


def _breakdown(members: dict[GroupKey, frozenset], key: GroupKey, by: str | None) -> list[GroupKey]:
    """The parts of a group by size band, sector or NUTS 2 region (the finest level the platform groups by)."""
    scope, region, sector, size = key
    if by == "size_class":
        parts = [k for k in members if (k[0], k[1], k[2]) == (scope, region, sector) and k[3] is not None]
    elif by == "sector":
        parts = [k for k in members if (k[0], k[1], k[3]) == (scope, region, size) and k[2] is not None]
    elif by == "region":
        parts = [k for k in members if (k[0], k[2], k[3]) == (scope, sector, size) and k[1] is not None and (
            (len(k[1]) == NUTS_LENGTHS[-1] and k[1].startswith(region or "")) or (k[1] == NOT_STATED and not region))]
    else:
        parts = []
    index = _DIMENSION_INDEX.get(by or "", 0)
    return sorted(parts, key=lambda part: (part[index] == NOT_STATED, part[index]))


_DIMENSION_INDEX = {"region": 1, "sector": 2, "size_class": 3}  # positions in a GroupKey


def _group_table(lattice: Lattice, key: GroupKey, by: str | None, *, values: list[str],
                 category_keys: list[str] | None = None) -> pd.DataFrame:
    """The selected group (``TOTAL``) and its parts, each shown only when the lattice shows it."""
    members = {TOTAL: lattice.members.get(key, frozenset())}
    hidden = {TOTAL} if key in lattice.hidden or key not in lattice.members else set()
    for part in _breakdown(lattice.members, key, by):
        label = part[_DIMENSION_INDEX[by or ""]]
        members[label] = lattice.members[part]
        if part in lattice.hidden:
            hidden.add(label)
    return groups_table(lattice.frame(key[0]), members, values=values, hidden=hidden,
                        categories="level" if category_keys is not None else None,
                        category_keys=category_keys or ())


def aggregate_filter_errors(*, region_code: str = "", sector: str = "", size_class: str = "") -> dict[str, str]:
    """What is wrong with the filters of an aggregate: groups are NUTS 0/1/2 regions, NACE sections and size
    bands the platform knows, never a free prefix (a prefix such as `E` would let two answers be subtracted)."""
    errors = {}
    if region_code and not region_exists(code=region_code, max_level=2):
        errors["region"] = _("“%(code)s” is not the code of a NUTS 0, 1 or 2 region (e.g. ES, ES6, ES62).") % {
            "code": region_code}
    if sector and not industry_exists(code=sector, level=NaceLevel.SECTION):
        errors["sector"] = _("“%(code)s” is not a NACE section letter (A … U).") % {"code": sector}
    if size_class and size_class not in SizeClass.values:
        errors["size_class"] = _("“%(band)s” is not a size band (one of %(bands)s).") % {
            "band": size_class, "bands": ", ".join(SizeClass.values)}
    return errors


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
    """Distribution per dimension (mean, quartiles, median, share per level) for the selected group (a
    campaign or a campaign organiser's campaigns × NUTS 0/1/2 region × NACE section × size band) and, with
    `by`, per size band / sector / NUTS 2 region; plus progress T0 → T1 of firms with both stages in this
    version. Every group is shown or hidden as the whole lattice of groups decides (aggregates.suppressed_keys)."""
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"unknown grouping '{by}' (known: {', '.join(GROUPINGS)})")
    errors = aggregate_filter_errors(region_code=region_code, sector=sector, size_class=size_class)
    if errors:
        raise ValueError(" ".join(errors.values()))
    definition = questionnaire.parsed()
    dimensions = [(d.key, d.title) for d in definition.dimensions]
    values = [key for key, _name in dimensions] + ["overall"]
    levels = [(level.key, level.label) for level in definition.levels]
    scope = ("campaign", campaign.pk) if campaign is not None else (
        ("organiser", owner_id) if owner_id is not None else None)
    key = (scope, region_code or None, sector or None, size_class or None)
    table = _group_table(_lattice(questionnaire, progress=False), key, by, values=values,
                         category_keys=[level_key for level_key, _name in levels])
    progress = _group_table(_lattice(questionnaire, progress=True), key, by, values=values)
    return AggregateView(questionnaire=questionnaire, dimensions=dimensions, levels=levels, table=table,
                         progress=progress, min_size=min_group_size(), by=by)


def peer_comparison(*, assessment: Assessment) -> pd.DataFrame:
    """Medians and quartiles of similar organisations (same size band, sector, NUTS 2 region; same version),
    each group shown only when the lattice of all groups shows it."""
    definition = assessment.questionnaire.parsed()
    values = [d.key for d in definition.dimensions] + ["overall"]
    lattice = _lattice(assessment.questionnaire, progress=False)
    keys: dict[str, GroupKey] = {}
    if assessment.size_class:
        keys["size_class"] = (None, None, None, assessment.size_class)
    if assessment.nace_id:
        keys["sector"] = (None, None, assessment.nace.section, None)
    if assessment.region_id:
        keys["region"] = (None, region_levels(assessment.region.code)[-1], None, None)
    keys[TOTAL] = (None, None, None, None)
    members = {name: lattice.members.get(key, frozenset()) for name, key in keys.items()}
    hidden = {name for name, key in keys.items() if key in lattice.hidden or key not in lattice.members}
    return groups_table(lattice.frame(None), members, values=values, hidden=hidden)


def campaign_list_for_user(*, user: Any) -> QuerySet[Campaign]:
    """Campaigns the user runs (its organisations') or, for administrators, all."""
    queryset = Campaign.objects.select_related("organisation", "questionnaire")
    if is_administrator(user):
        return queryset
    return queryset.filter(organisation_id__in=editable_organisation_ids(user))


def campaign_list_run_by(*, organisation_id: int, family: str) -> QuerySet[Campaign]:
    """The campaigns an organisation runs on the versions of a questionnaire family, newest first."""
    return Campaign.objects.filter(organisation_id=organisation_id, questionnaire__family=family).select_related(
        "organisation", "questionnaire")


@dataclass(frozen=True)
class AnswerCount:
    """How many organisations chose each answer to a question (to one row of it, for row questions)."""

    question: str
    row: str
    counts: list[tuple[str, int]]


@dataclass(frozen=True)
class AnswerCounts:
    respondents: int
    lines: list[AnswerCount]


def _answer_lines(definition: Definition, answers: list[dict[str, Any]]) -> list[AnswerCount]:
    """Per question (and row): organisations per answer, in the questionnaire's order, "not applicable" last."""
    na = _("Not applicable")
    lines = []
    for question in definition.questions():
        given = [answer.get(question.key) for answer in answers]
        if question.form == "ticks":
            counts = [(o.label, sum(isinstance(g, list) and o.key in g for g in given)) for o in question.options]
            lines.append(AnswerCount(question.text, "", [*counts, (na, given.count(NOT_APPLICABLE))]))
            continue
        for row in question.rows:
            cells = [g.get(row.key) if isinstance(g, dict) else g for g in given]
            if question.form == "ticks_per_row":
                counts = [(c.label, sum(isinstance(v, list) and c.key in v for v in cells)) for c in question.columns]
            else:
                counts = [(o.label, cells.count(o.key)) for o in question.options]
            lines.append(AnswerCount(question.text, row.label, [*counts, (na, cells.count(NOT_APPLICABLE))]))
    return lines


def answer_counts(*, questionnaire: Questionnaire, owner_id: int) -> AnswerCounts | None:
    """Answers counted over the latest results of the organisations that answered the campaigns an organisation
    runs on this version; None when the lattice hides that group (README, "Anonymity": the same rule as the
    scores, so no count can single a respondent out)."""
    lattice = _lattice(questionnaire, progress=False)
    key: GroupKey = (("organiser", owner_id), None, None, None)
    if key not in lattice.members or key in lattice.hidden:
        return None
    latest: dict[int, Assessment] = {}
    for assessment in Assessment.objects.filter(
            questionnaire=questionnaire, status=AssessmentStatus.SUBMITTED, campaign__organisation_id=owner_id,
            organisation_id__in=lattice.members[key]).order_by("stage", "submitted_at"):
        latest[assessment.organisation_id] = assessment  # the last one read is the latest (as `_latest`)
    return AnswerCounts(respondents=len(latest),
                        lines=_answer_lines(questionnaire.parsed(), [a.answers for a in latest.values()]))


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
