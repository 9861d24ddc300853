"""Practices reads: what a user may read (public pages show approved and validated practices only), the filters of
the search, the map points, the topics offered and the similar practices."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_view, editable_queryset, is_administrator, visible_queryset
from smartcluster.clusters.selectors import cluster_category_names
from smartcluster.events.selectors import project_event_list
from smartcluster.learning.choices import PracticeStatus, TopicTaxonomy
from smartcluster.learning.models import GoodPractice, PracticeStatusChange, PracticeTopic
from smartcluster.organisations.selectors import partner_list
from smartcluster.qualitative.similarity import similar_texts
from smartcluster.stakeholders.choices import ThemeGroup
from smartcluster.stakeholders.selectors import guide_default_get

__all__ = [
    "good_practice_approved_between",
    "good_practice_editable",
    "good_practice_get",
    "good_practice_list",
    "good_practice_list_for_report",
    "good_practice_may_see_unpublished",
    "good_practice_partner_choices",
    "good_practice_points",
    "good_practice_similar",
    "good_practice_source_events",
    "good_practice_text",
    "good_practice_trail",
    "practice_topic_choices",
    "practice_topic_names",
]

SIMILAR_LIMIT = 5


def _practices() -> QuerySet[GoodPractice]:
    return GoodPractice.objects.select_related(
        "partner__organisation", "partner__project", "region", "organisation_in_charge", "source_event",
    ).prefetch_related(Prefetch("topics", queryset=PracticeTopic.objects.order_by("taxonomy", "code")))


def good_practice_may_see_unpublished(*, user: Any) -> bool:
    """Does the user read any practice before approval (a member of a partner, or an administrator)?"""
    return is_administrator(user) or (
        getattr(user, "is_authenticated", False)
        and visible_queryset(user, GoodPractice.objects.filter(is_published=False)).exists())


def good_practice_partner_choices(*, user: Any) -> QuerySet[Any]:
    """The partners the user may submit practices for (its editors; administrators: every partner)."""
    if not getattr(user, "is_authenticated", False):
        return partner_list(user=user).none()
    return editable_queryset(user, partner_list(user=user)).order_by("project__acronym", "organisation__name")


def good_practice_list(*, user: Any, text: str = "", region: str = "", country: str = "", topic: str = "",
                       status: str = "", successful: bool | None = None, source_event: int | None = None,
                       project: int | None = None) -> QuerySet[GoodPractice]:
    """The practices the user may read, filtered: words in the title and texts, a NUTS region (and the regions it
    contains), a country, a topic as "taxonomy:code", a status, success and the event it was presented at."""
    practices = visible_queryset(user, _practices())
    for word in text.split():
        practices = practices.filter(Q(title__icontains=word) | Q(description__icontains=word)
                                     | Q(evidence_of_success__icontains=word)
                                     | Q(difficulties_and_lessons__icontains=word)
                                     | Q(organisation_in_charge__name__icontains=word))
    if region:
        practices = practices.filter(region__code__startswith=region.strip().upper())
    if country:
        practices = practices.filter(region__code__startswith=country.strip().upper()[:2])
    if topic:
        taxonomy, _sep, code = topic.partition(":")
        practices = practices.filter(topics__taxonomy=taxonomy, topics__code=code)
    if status:
        practices = practices.filter(status=status)
    if successful is not None:
        practices = practices.filter(is_successful=successful)
    if source_event:
        practices = practices.filter(source_event_id=source_event)
    if project:
        practices = practices.filter(partner__project_id=project)
    return practices.distinct().order_by("title", "pk")


def good_practice_get(*, user: Any, practice_id: int) -> GoodPractice:
    """One practice the user may read; 404 otherwise (a declined or submitted practice does not exist for the
    public)."""
    practice = get_object_or_404(_practices(), pk=practice_id)
    if not can_view(user, practice):
        raise Http404(_("No such good practice."))
    return practice


def good_practice_editable(*, user: Any, practice_id: int) -> GoodPractice:
    """One practice the user may edit (its partner's editors, administrators); 404 otherwise."""
    return get_object_or_404(editable_queryset(user, _practices()), pk=practice_id)


def good_practice_trail(*, user: Any, practice: GoodPractice) -> QuerySet[PracticeStatusChange]:
    """The practice's status changes (who, when) for those who may read the trail: the partnership and
    administrators; nobody else."""
    changes = PracticeStatusChange.objects.filter(practice=practice).select_related("changed_by")
    return visible_queryset(user, changes).order_by("changed_at", "pk")


def good_practice_source_events(*, user: Any) -> list[Any]:
    """The events that practices the user may read were presented at (the search's choices)."""
    ids = visible_queryset(user, GoodPractice.objects.filter(source_event__isnull=False)).values("source_event_id")
    return list(project_event_list(user=user).filter(pk__in=ids))


def good_practice_list_for_report(*, project: Any = None, event: Any = None, user: Any) -> QuerySet[GoodPractice]:
    """The practices a good-practice report lists: those of a project or presented at an event, that the reader
    may read; the public sees approved and validated ones only."""
    practices = visible_queryset(user, _practices())
    if project is not None:
        practices = practices.filter(partner__project=project)
    if event is not None:
        practices = practices.filter(source_event=event)
    return practices.order_by("title", "pk")


def good_practice_approved_between(*, project: Any, first: dt.datetime, after: dt.datetime,
                                   partner: Any = None) -> QuerySet[GoodPractice]:
    """The project's practices (of one partner, if given) approved by the project from `first` until before `after`:
    by their trail's step to "approved by the project", however far they went since."""
    steps = PracticeStatusChange.objects.filter(to_status=PracticeStatus.PROJECT_APPROVED, changed_at__gte=first,
                                                changed_at__lt=after)
    practices = _practices().filter(partner__project=project, pk__in=steps.values("practice_id"))
    if partner is not None:
        practices = practices.filter(partner=partner)
    return practices.order_by("title", "pk")


def good_practice_points(*, practices: QuerySet[GoodPractice]) -> list[GoodPractice]:
    """The practices of a selection that have a point on the map."""
    return list(practices.filter(latitude__isnull=False, longitude__isnull=False))


def good_practice_text(practice: GoodPractice) -> str:
    """The words a practice is compared on: its title and texts (the similarity's input)."""
    return "\n".join([practice.title, practice.description, practice.resources_needed,
                      practice.evidence_of_success, practice.potential_for_transfer,
                      practice.difficulties_and_lessons])


def good_practice_similar(*, user: Any, practice: GoodPractice,
                          limit: int = SIMILAR_LIMIT) -> list[tuple[GoodPractice, float]]:
    """The practices most alike in text (TF-IDF cosine) among those the user may read, best first."""
    others = list(visible_queryset(user, _practices()).exclude(pk=practice.pk))
    ranked = similar_texts(good_practice_text(practice), [good_practice_text(other) for other in others],
                           limit=limit)
    return [(others[index], score) for index, score in ranked]


def _project_themes() -> list[tuple[str, str]]:
    """The project's challenge themes: the default codebook's themes of the group "challenge"."""
    codebook = guide_default_get().codebook
    return [(theme.code, theme.name) for theme in codebook.themes.filter(group=ThemeGroup.CHALLENGE)
            .order_by("position", "code")]


def practice_topic_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every topic a practice may have, grouped by taxonomy, as "taxonomy:code" values."""
    categories = cluster_category_names()
    groups = [(str(TopicTaxonomy.PROJECT_THEME.label),
               [(f"{TopicTaxonomy.PROJECT_THEME}:{code}", name) for code, name in _project_themes()])]
    for taxonomy in (TopicTaxonomy.CLUSTER_CATEGORIES, TopicTaxonomy.SMART_INDUSTRY_40):
        options = sorted(((f"{taxonomy}:{key}", name) for (tax, key), name in categories.items()
                          if tax == taxonomy), key=lambda option: str(option[1]))
        groups.append((str(taxonomy.label), options))
    return groups


def practice_topic_names() -> dict[tuple[str, str], str]:
    """Topic name by (taxonomy, code)."""
    return {tuple(value.split(":", 1)): name for _group, options in practice_topic_choices()
            for value, name in options}
