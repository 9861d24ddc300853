"""Interregional learning: good practices with their validation trail, the peer reviews (events of kind peer
review) with peers, experts and recommendations the host responds to, and the transfers of practices between
partners."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smartcluster.accounts.permissions import Visibility
from smartcluster.learning.choices import (  # noqa: F401 - re-exported: `models.X` keeps working in the app
    PUBLIC_STATUSES,
    ParticipantRole,
    PracticeStatus,
    RecommendationResponse,
    TopicTaxonomy,
    TransferStage,
)

LATITUDE = Q(latitude__gte=-90) & Q(latitude__lte=90)
LONGITUDE = Q(longitude__gte=-180) & Q(longitude__lte=180)


class GoodPractice(models.Model):
    """A good practice a partner submits (the Interreg Europe fields of shared/methods/evaluation.md §2).

    `is_published` is kept by the status flow (a database constraint ties them): public pages show approved and
    validated practices only."""

    owner_path = "partner__organisation"
    project_path = "partner__project"  # the partnership reads submitted practices before approval
    visibility = Visibility.PUBLISHED

    partner = models.ForeignKey("organisations.Partner", on_delete=models.CASCADE, related_name="good_practices",
                                verbose_name=_("submitted by"))
    title = models.CharField(_("title"), max_length=100)
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="good_practices", verbose_name=_("region"))
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    organisation_in_charge = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                               related_name="good_practices",
                                               verbose_name=_("organisation in charge"))
    description = models.TextField(_("detailed description"))
    resources_needed = models.TextField(_("resources needed"), blank=True)
    timescale = models.CharField(_("timescale"), max_length=200, blank=True)
    evidence_of_success = models.TextField(_("evidence of success"), blank=True)
    potential_for_transfer = models.TextField(_("potential for learning or transfer"), blank=True)
    difficulties_and_lessons = models.TextField(_("difficulties encountered and lessons learnt"), blank=True)
    further_information = models.URLField(_("further information"), blank=True)
    is_successful = models.BooleanField(
        _("successful"), default=True,
        help_text=_("Lessons from a practice that did not succeed are kept, and marked as such."))
    source_event = models.ForeignKey("events.ProjectEvent", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="good_practices", verbose_name=_("presented at"))
    status = models.CharField(_("status"), max_length=20, choices=PracticeStatus.choices,
                              default=PracticeStatus.SUBMITTED)
    is_published = models.BooleanField(_("public"), default=False, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        constraints = [
            models.CheckConstraint(condition=Q(is_published=True, status__in=PUBLIC_STATUSES)
                                   | (Q(is_published=False) & ~Q(status__in=PUBLIC_STATUSES)),
                                   name="learning_practice_public_once_approved"),
            models.CheckConstraint(condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                                   | (LATITUDE & LONGITUDE),
                                   name="learning_practice_point_on_earth"),
        ]

    def __str__(self) -> str:
        return self.title


class PracticeTopic(models.Model):
    """A topic of a practice: a project challenge theme, a cluster category or a Smart Industry 4.0 area."""

    owner_path = "practice__partner__organisation"
    visibility = Visibility.PUBLIC

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="topics")
    taxonomy = models.CharField(_("taxonomy"), max_length=30, choices=TopicTaxonomy.choices)
    code = models.CharField(_("topic"), max_length=60)

    class Meta:
        ordering = ["practice", "taxonomy", "code"]
        verbose_name = _("practice topic")
        verbose_name_plural = _("practice topics")
        constraints = [models.UniqueConstraint(fields=["practice", "taxonomy", "code"], name="learning_topic_once")]

    def __str__(self) -> str:
        return f"{self.get_taxonomy_display()}: {self.code}"


class PracticeStatusChange(models.Model):
    """One step of a practice's validation: from which status to which, who and when (the trail is never edited)."""

    owner_path = "practice__partner__organisation"
    project_path = "practice__partner__project"
    visibility = Visibility.OWNER_ONLY

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=20, choices=PracticeStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=PracticeStatus.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("by"))
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["practice", "changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.practice}: {self.from_status} → {self.to_status}"


class PeerReview(models.Model):
    """The learning side of a project event of kind peer review: the host's policy challenge and instrument."""

    owner_path = "event__host__organisation"
    project_path = "event__project"
    visibility = Visibility.PUBLISHED

    event = models.OneToOneField("events.ProjectEvent", on_delete=models.CASCADE, related_name="peer_review",
                                 verbose_name=_("event"))
    policy_challenge = models.TextField(_("policy challenge"))
    policy_instrument = models.CharField(_("policy instrument addressed"), max_length=300, blank=True)
    is_published = models.BooleanField(_("public"), default=False,
                                       help_text=_("Public peer reviews show their recommendations to everyone."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-event__starts_at"]
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")

    def __str__(self) -> str:
        return str(self.event)


class PeerReviewParticipant(models.Model):
    """A peer, expert or local stakeholder of a peer review, with the country they come from."""

    owner_path = "peer_review__event__host__organisation"
    project_path = "peer_review__event__project"
    visibility = Visibility.PUBLIC

    peer_review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="peer_reviews_joined", verbose_name=_("organisation"))
    person = models.ForeignKey("organisations.Person", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="peer_reviews_joined", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=20, choices=ParticipantRole.choices, default=ParticipantRole.PEER)
    country = models.CharField(_("country"), max_length=2, help_text=_("Two-letter code, as in NUTS (EL for Greece)."))

    class Meta:
        ordering = ["peer_review", "role", "organisation__name"]
        verbose_name = _("peer review participant")
        verbose_name_plural = _("peer review participants")
        constraints = [
            models.UniqueConstraint(fields=["peer_review", "organisation", "role"],
                                    name="learning_participant_once_per_role"),
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="learning_participant_country"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Recommendation(models.Model):
    """A peer's recommendation to the host, with the practices it draws on and the host's response and reason.

    The author's editors write it; the host's editors respond (services decide)."""

    owner_path = "author__organisation"
    project_path = "peer_review__event__project"
    visibility = Visibility.PUBLIC  # read as its peer review is (selectors filter by the review)

    peer_review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="recommendations")
    # RESTRICT, not PROTECT: a participant with recommendations cannot be removed alone, but the whole review (or
    # its event) can be deleted with them.
    author = models.ForeignKey(PeerReviewParticipant, on_delete=models.RESTRICT, related_name="recommendations",
                               verbose_name=_("recommended by"))
    text = models.TextField(_("recommendation"))
    rationale = models.TextField(_("rationale"), blank=True)
    practices = models.ManyToManyField(GoodPractice, blank=True, related_name="recommendations",
                                       verbose_name=_("good practices drawn on"))
    response = models.CharField(_("host's response"), max_length=20, choices=RecommendationResponse.choices,
                                default=RecommendationResponse.PENDING)
    response_reason = models.TextField(_("reason"), blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["peer_review", "created_at", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.CheckConstraint(
                condition=Q(response=RecommendationResponse.PENDING, responded_at__isnull=True)
                | (~Q(response=RecommendationResponse.PENDING) & Q(responded_at__isnull=False)
                   & ~Q(response_reason="")),
                name="learning_response_dated_with_reason"),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class PracticeTransfer(models.Model):
    """A partner inspired by a practice, and what it did about it, with dates and evidence."""

    owner_path = "partner__organisation"
    visibility = Visibility.PUBLIC

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="transfers",
                                 verbose_name=_("good practice"))
    partner = models.ForeignKey("organisations.Partner", on_delete=models.CASCADE, related_name="practice_transfers",
                                verbose_name=_("partner inspired"))
    stage = models.CharField(_("stage"), max_length=20, choices=TransferStage.choices, default=TransferStage.INSPIRED)
    inspired_on = models.DateField(_("inspired on"))
    stage_on = models.DateField(_("stage reached on"))
    description = models.TextField(_("what the partner did"), blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["practice", "inspired_on"]
        verbose_name = _("practice transfer")
        verbose_name_plural = _("practice transfers")
        constraints = [
            models.UniqueConstraint(fields=["practice", "partner"], name="learning_transfer_once_per_partner"),
            models.CheckConstraint(condition=Q(stage_on__gte=models.F("inspired_on")),
                                   name="learning_transfer_stage_after_inspiration"),
        ]

    def __str__(self) -> str:
        return f"{self.practice} → {self.partner}"
