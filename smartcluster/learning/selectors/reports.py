"""Good-practice reports: per event and for the project, generated from the records the reader may read.

The public reads approved and validated practices and published peer reviews only; the partnership also reads the
practices awaiting approval (marked so). A declined practice is never in a report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import visible_queryset
from smartcluster.events.selectors import project_event_get, project_event_list
from smartcluster.learning.choices import PracticeStatus, RecommendationResponse, TransferStage
from smartcluster.learning.models import GoodPractice, PeerReview
from smartcluster.learning.selectors.peer_reviews import peer_review_list_for_report
from smartcluster.learning.selectors.practices import good_practice_list_for_report, practice_topic_names
from smartcluster.learning.selectors.transfers import PracticeJourney, practice_journey
from smartcluster.organisations.selectors import project_get, project_list

# The practice's texts in the order of the Interreg Europe good-practice form (shared/methods/evaluation.md §2).
REPORT_TEXT_FIELDS = ("description", "resources_needed", "timescale", "evidence_of_success", "potential_for_transfer",
                      "difficulties_and_lessons", "further_information")

__all__ = [
    "LearningReport",
    "ReportPractice",
    "ReportReview",
    "learning_report_event_list",
    "learning_report_for_event",
    "learning_report_for_project",
    "learning_report_project_list",
]


@dataclass
class ReportPractice:
    """A practice as the report shows it: its fields, its topics' names and where it travelled."""

    practice: GoodPractice
    topics: list[str]
    journey: PracticeJourney

    @property
    def awaiting_approval(self) -> bool:
        return self.practice.status == PracticeStatus.SUBMITTED

    @property
    def fields(self) -> list[tuple[str, str]]:
        """(label, text) of the filled fields, in the Interreg Europe order; labels are the model's."""
        practice = self.practice
        rows = [
            (_("Submitted by"), practice.partner.organisation.name),
            (str(GoodPractice._meta.get_field("region").verbose_name).capitalize(),
             f"{practice.region.name} ({practice.region.code})" if practice.region else ""),
            (str(GoodPractice._meta.get_field("organisation_in_charge").verbose_name).capitalize(),
             practice.organisation_in_charge.name),
            (_("Topics"), ", ".join(self.topics)),
            (str(GoodPractice._meta.get_field("source_event").verbose_name).capitalize(),
             practice.source_event.title if practice.source_event else ""),
            *[(str(GoodPractice._meta.get_field(name).verbose_name).capitalize(), getattr(practice, name))
              for name in REPORT_TEXT_FIELDS],
        ]
        return [(label, value) for label, value in rows if value]


@dataclass
class ReportReview:
    """A peer review with its participants and the recommendations (each with the practices the reader may read)."""

    review: PeerReview
    participants: list[Any]
    recommendations: list[Any]
    countries: list[str]


@dataclass
class LearningReport:
    """The report's content; `counts` rows are (label, number) for the summary table."""

    title: str
    project: Any
    event: Any = None
    generated_on: dt.date = field(default_factory=timezone.localdate)
    practices: list[ReportPractice] = field(default_factory=list)
    reviews: list[ReportReview] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[str, int]]:
        statuses = Counter(item.practice.status for item in self.practices)
        stages = Counter(transfer.stage for item in self.practices for transfer in item.journey.transfers)
        responses = Counter(rec.response for review in self.reviews for rec in review.recommendations)
        return [
            *[(str(status.label), statuses[status.value]) for status in PracticeStatus
              if status != PracticeStatus.DECLINED],
            *[(_("Transfers: %(stage)s") % {"stage": stage.label}, stages[stage.value]) for stage in TransferStage],
            *[(_("Recommendations: %(response)s") % {"response": response.label}, responses[response.value])
              for response in RecommendationResponse],
        ]


def _practices(user: Any, practices: QuerySet[GoodPractice]) -> list[ReportPractice]:
    names = practice_topic_names()
    items = []
    for practice in practices.exclude(status=PracticeStatus.DECLINED).prefetch_related("topics"):
        topics = [names.get((topic.taxonomy, topic.code), topic.code) for topic in practice.topics.all()]
        items.append(ReportPractice(practice=practice, topics=topics, journey=practice_journey(
            user=user, practice=practice)))
    return items


def _reviews(user: Any, reviews: list[PeerReview]) -> list[ReportReview]:
    readable = set(visible_queryset(user, GoodPractice.objects.exclude(status=PracticeStatus.DECLINED))
                   .values_list("pk", flat=True))
    items = []
    for review in reviews:
        recommendations = list(review.recommendations.all())
        for recommendation in recommendations:  # only the practices this reader may read are named
            recommendation.report_practices = [p for p in recommendation.practices.all() if p.pk in readable]
        participants = list(review.participants.all())
        items.append(ReportReview(review=review, participants=participants, recommendations=recommendations,
                                  countries=sorted({participant.country for participant in participants})))
    return items


def learning_report_for_project(*, user: Any, project_id: int) -> LearningReport:
    """The project's report: every practice of its partners and every peer review of its events."""
    project = project_get(project_id=project_id)
    return LearningReport(
        title=_("Report on good practices: %(project)s") % {"project": project.acronym}, project=project,
        practices=_practices(user, good_practice_list_for_report(user=user, project=project)),
        reviews=_reviews(user, peer_review_list_for_report(user=user, project=project)))


def learning_report_for_event(*, user: Any, event_id: int) -> LearningReport:
    """An event's report: the practices presented there and its peer review (404 for an event the user may not
    read)."""
    event = project_event_get(user=user, pk=event_id)
    return LearningReport(
        title=_("Report on good practices: %(event)s") % {"event": event.title}, project=event.project, event=event,
        practices=_practices(user, good_practice_list_for_report(user=user, event=event)),
        reviews=_reviews(user, peer_review_list_for_report(user=user, event=event)))


def learning_report_event_list(*, user: Any) -> QuerySet[Any]:
    """The events the user may read that have practices presented (readable ones) or a peer review."""
    practices = visible_queryset(user, GoodPractice.objects.exclude(status=PracticeStatus.DECLINED))
    return project_event_list(user=user).filter(
        Q(good_practices__in=practices.values("pk")) | Q(peer_review__isnull=False)).distinct()


def learning_report_project_list(*, user: Any) -> QuerySet[Any]:
    """The projects with practices the user may read or peer reviews (every project has a report page)."""
    practices = visible_queryset(user, GoodPractice.objects.exclude(status=PracticeStatus.DECLINED))
    project_ids = set(practices.values_list("partner__project_id", flat=True)) | set(
        learning_report_event_list(user=user).values_list("project_id", flat=True))
    return project_list().filter(pk__in=project_ids)
