"""Reads of the clusters app: skills needs, training offers and the needs × offers view (per cluster and region).

Matching rule (ours, issue #16 leaves it open): a need is met by an offer with the same ESCO URI; failing that,
by an offer whose title holds every word of the need's label (`label_words`: case and accents ignored, a plural
"s" dropped, words cut to their first 5 letters, a few English filler words left out). Offers are the clusters'
training offers and the maturity app's active training support offers of the cluster's region, its parents and
its country.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, visible_queryset
from smartcluster.clusters.models import ClusterProfile, SkillNeed, TrainingOffer, Urgency
from smartcluster.maturity.selectors import (
    AnswerCounts,
    answer_counts,
    campaign_counts,
    campaign_list_run_by,
    min_group_size,
    support_offers_serving,
)
from smartcluster.regions.selectors import region_exists

__all__ = [
    "NeedMatch",
    "OfferRef",
    "SkillsView",
    "SurveySummary",
    "label_words",
    "offer_matches_need",
    "skill_need_get",
    "skill_need_list",
    "skills_needs_offers",
    "skills_region_errors",
    "skills_survey_summary",
    "training_offer_get",
    "training_offer_list",
]

SKILLS_SURVEY_CODE = "skills-survey-v1"  # packaged with the maturity app (questionnaires/skills-survey-v1.yaml)
SKILLS_SURVEY_FAMILY = "skills-survey"
SUPPORT_TRAINING = "training"  # maturity's SupportKind.TRAINING: the support offers that fit skills needs
STEM_LENGTH = 5  # [OURS] "analysis"/"analytics" and "programming"/"programmer" share their first 5 letters
FILLER_WORDS = frozenset({"a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "or", "by", "at"})
URGENCY_ORDER = {Urgency.HIGH: 0, Urgency.MEDIUM: 1, Urgency.LOW: 2}


def label_words(text: str) -> frozenset[str]:
    """The words of a label as the matching compares them (see the module's rule)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    words = set()
    for word in re.findall(r"\w+", plain):
        if word in FILLER_WORDS:
            continue
        if len(word) > 3 and word.endswith("s"):
            word = word[:-1]
        words.add(word[:STEM_LENGTH])
    return frozenset(words)


def offer_matches_need(*, need_label: str, need_uri: str, offer_title: str, offer_uri: str) -> str:
    """"esco" (same ESCO URI), "text" (every word of the need's label in the offer's title) or "" (no match)."""
    if need_uri and offer_uri:
        return "esco" if need_uri == offer_uri else ""
    need_words = label_words(need_label)
    return "text" if need_words and need_words <= label_words(offer_title) else ""


def _profiles(user: Any) -> QuerySet[ClusterProfile]:
    """Profiles the user may read (a need or offer is read with its cluster's profile)."""
    return visible_queryset(user, ClusterProfile.objects.all())


def _in_region(queryset: QuerySet, region_code: str) -> QuerySet:
    return queryset.filter(profile__organisation__region__code__startswith=region_code) if region_code else queryset


def skill_need_list(*, user: Any, profile: ClusterProfile | None = None, region_code: str = "",
                    urgency: str = "", search: str = "") -> QuerySet[SkillNeed]:
    """Skills needs of the clusters the user may read, of one cluster or of a NUTS region (code prefix)."""
    needs = SkillNeed.objects.filter(profile__in=_profiles(user)).select_related(
        "profile__organisation__region")
    if profile is not None:
        needs = needs.filter(profile=profile)
    if urgency:
        needs = needs.filter(urgency=urgency)
    if search:
        needs = needs.filter(Q(label__icontains=search) | Q(notes__icontains=search))
    return _in_region(needs, region_code)


def skill_need_get(*, user: Any, pk: int) -> SkillNeed:
    need = skill_need_list(user=user).filter(pk=pk).first()
    if need is None:
        raise Http404(_("No skills need %(id)s that you may read.") % {"id": pk})
    return need


def training_offer_list(*, user: Any, profile: ClusterProfile | None = None, region_code: str = "",
                        search: str = "") -> QuerySet[TrainingOffer]:
    """Training offers of the clusters the user may read, of one cluster or of a NUTS region (code prefix)."""
    offers = TrainingOffer.objects.filter(profile__in=_profiles(user)).select_related(
        "profile__organisation__region", "provider_organisation")
    if profile is not None:
        offers = offers.filter(profile=profile)
    if search:
        offers = offers.filter(title__icontains=search)
    return _in_region(offers, region_code)


def training_offer_get(*, user: Any, pk: int) -> TrainingOffer:
    offer = training_offer_list(user=user).filter(pk=pk).first()
    if offer is None:
        raise Http404(_("No training offer %(id)s that you may read.") % {"id": pk})
    return offer


def skills_region_errors(*, region_code: str) -> dict[str, str]:
    """Why a region filter cannot be used (empty when it can): a NUTS code the platform knows."""
    if region_code and not region_exists(code=region_code):
        return {"region": _("“%(code)s” is not the code of a NUTS region (e.g. EL, EL6, EL61).")
                % {"code": region_code[:20]}}
    return {}


@dataclass(frozen=True)
class OfferRef:
    """An offer as the matching reads it: a cluster's training offer or a maturity support offer."""

    source: str  # "training" (a cluster's offer) or "support" (the maturity app's support offers)
    pk: int
    title: str
    provider: str
    cluster: str = ""
    esco_uri: str = ""
    places: int | None = None
    url: str = ""


@dataclass
class NeedMatch:
    need: SkillNeed
    offers: list[OfferRef] = field(default_factory=list)
    rule: str = ""  # "esco" or "text" when offers match, else ""

    @property
    def matched(self) -> bool:
        return bool(self.offers)


@dataclass
class SkillsView:
    """Needs × offers: every need with the offers that meet it, unmatched needs first."""

    rows: list[NeedMatch]
    offers: list[OfferRef]

    @property
    def unmatched(self) -> list[NeedMatch]:
        return [row for row in self.rows if not row.matched]

    @property
    def unmatched_people(self) -> int:
        return sum(row.need.people for row in self.unmatched)


def _training_refs(offers: Iterable[TrainingOffer]) -> list[OfferRef]:
    return [OfferRef(source="training", pk=offer.pk, title=offer.title, cluster=str(offer.profile),
                     provider=str(offer.provider_organisation or offer.get_provider_display()),
                     esco_uri=offer.esco_uri, places=offer.places, url=offer.url) for offer in offers]


def _support_refs(region_code: str | None) -> list[OfferRef]:
    return [OfferRef(source="support", pk=offer.pk, title=offer.name, url=offer.url,
                     provider=str(offer.provider or offer.get_kind_display()))
            for offer in support_offers_serving(region_code=region_code, kinds=(SUPPORT_TRAINING,))]


def _match(need: SkillNeed, offers: list[OfferRef]) -> NeedMatch:
    found = [(offer_matches_need(need_label=need.label, need_uri=need.esco_uri, offer_title=offer.title,
                                 offer_uri=offer.esco_uri), offer) for offer in offers]
    matching = [offer for rule, offer in found if rule]
    rule = "esco" if any(rule == "esco" for rule, _offer in found) else ("text" if matching else "")
    return NeedMatch(need=need, offers=matching, rule=rule)


def skills_needs_offers(*, user: Any, profile: ClusterProfile | None = None, region_code: str = "") -> SkillsView:
    """Each need of one cluster (or of the clusters of a NUTS region) with the offers meeting it: the cluster's
    own offers (in a region view: every offer of the region's clusters) and the training support offers serving
    its region. Unmatched needs first, then by urgency (high first) and people concerned (most first)."""
    needs = list(skill_need_list(user=user, profile=profile, region_code=region_code))
    training = _training_refs(training_offer_list(user=user, profile=profile, region_code=region_code))
    support_by_region: dict[str | None, list[OfferRef]] = {}
    rows, seen_support = [], {}
    for need in needs:
        code = need.profile.organisation.region.code if need.profile.organisation.region_id else None
        if code not in support_by_region:
            support_by_region[code] = _support_refs(code)
            seen_support.update({offer.pk: offer for offer in support_by_region[code]})
        rows.append(_match(need, training + support_by_region[code]))
    rows.sort(key=lambda row: (row.matched, URGENCY_ORDER.get(row.need.urgency, 3), -row.need.people,
                               row.need.label.casefold()))
    return SkillsView(rows=rows, offers=training + list(seen_support.values()))


@dataclass
class SurveySummary:
    """A cluster's skills surveys (maturity campaigns) with their counts, and the answers counted per version
    (None for a version whose group of respondents is too small to show)."""

    campaigns: list[tuple[Any, Any]]
    results: list[tuple[Any, AnswerCounts | None]]
    min_size: int


def skills_survey_summary(*, profile: ClusterProfile, user: Any) -> SurveySummary | None:
    """The skills surveys the cluster organisation ran and their aggregated answers: for its managers and the
    administrators only (like any campaign's results); None for anybody else."""
    if not can_change(user, profile):
        return None
    campaigns = list(campaign_list_run_by(organisation_id=profile.organisation_id, family=SKILLS_SURVEY_FAMILY))
    versions = {campaign.questionnaire_id: campaign.questionnaire for campaign in campaigns}
    return SurveySummary(
        campaigns=[(campaign, campaign_counts(campaign=campaign)) for campaign in campaigns],
        results=[(version, answer_counts(questionnaire=version, owner_id=profile.organisation_id))
                 for version in versions.values()], min_size=min_group_size())
