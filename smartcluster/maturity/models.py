"""Maturity self-assessment: questionnaire versions, campaigns, assessments (with their frozen scores), support."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smartcluster.organisations.choices import SizeClass
from smartcluster.scoring.definition import Questionnaire as Definition
from smartcluster.scoring.definition import definition_checksum, questionnaire_from_mapping


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class Questionnaire(models.Model):
    """One version of a questionnaire; its definition is frozen once anyone has answered it."""

    code = models.SlugField(_("code"), max_length=50, unique=True, help_text=_("e.g. dma-sme-v1"))
    family = models.SlugField(_("family"), max_length=50, help_text=_("versions of one family are compared"))
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=255)
    definition = models.JSONField(_("definition"))
    checksum = models.CharField(_("checksum"), max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=QuestionnaireStatus.choices,
                              default=QuestionnaireStatus.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["family", "-version"]
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        constraints = [models.UniqueConstraint(fields=["family", "version"], name="maturity_family_version_once")]

    def __str__(self) -> str:
        return self.code

    def save(self, *args: object, **kwargs: object) -> None:
        # Past scores never change: a version that has been answered keeps its definition forever.
        if self.pk is not None:
            stored = Questionnaire.objects.filter(pk=self.pk).values_list("checksum", flat=True).first()
            if stored and stored != definition_checksum(self.definition) and self.assessments.exists():
                raise ValidationError(_("This questionnaire version has been answered; publish a new version."))
        self.checksum = definition_checksum(self.definition)
        super().save(*args, **kwargs)

    def parsed(self, language: str | None = None) -> Definition:
        """The definition, its texts in the active language where translated (scores never depend on texts)."""
        return questionnaire_from_mapping(self.definition, language or get_language())


class Campaign(models.Model):
    """A call to take the assessment, run by a cluster organisation or a public authority."""

    owner_path = "organisation"

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="maturity_campaigns", verbose_name=_("run by"))
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="campaigns",
                                      verbose_name=_("questionnaire version"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("message to respondents"), blank=True)
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="maturity_campaigns", verbose_name=_("region addressed"))
    token = models.CharField(max_length=43, unique=True, editable=False)
    invited = models.PositiveIntegerField(_("organisations invited"), default=0)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.name


class Stage(models.IntegerChoices):
    T0 = 0, "T0"
    T1 = 1, "T1"
    T2 = 2, "T2"
    T3 = 3, "T3"
    T4 = 4, "T4"


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Assessment(models.Model):
    """One organisation's answers to one questionnaire version at one stage; scores frozen at submission."""

    owner_path = "organisation"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="assessments")
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="assessments")
    organisation = models.ForeignKey("organisations.Organisation", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="maturity_assessments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="maturity_assessments")
    # sha256 of the respondent key kept in the browser's cookie (see services.respondent_key_hash)
    respondent_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # profile snapshot: what peer comparison groups by, as it was when the assessment was taken
    size_class = models.CharField(_("size band"), max_length=10, choices=SizeClass.choices, blank=True)
    nace = models.ForeignKey("industries.Industry", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+", verbose_name=_("sector (NACE section)"))
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("region (NUTS)"))
    status = models.CharField(max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT)
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    step = models.PositiveSmallIntegerField(default=0)
    dimension_scores = models.JSONField(null=True, blank=True)
    overall = models.FloatField(null=True, blank=True)
    level = models.CharField(max_length=20, blank=True)
    scoring_rules = models.JSONField(null=True, blank=True)
    questionnaire_checksum = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "questionnaire", "stage"],
                                    condition=models.Q(status="submitted"), name="maturity_one_result_per_stage"),
            models.CheckConstraint(condition=models.Q(status="draft") | models.Q(overall__isnull=False),
                                   name="maturity_submitted_has_score"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation or _('(no profile yet)')} · {self.questionnaire} · {self.get_status_display()}"


class SupportKind(models.TextChoices):
    DIH = "dih", _("Digital Innovation Hub")
    CLUSTER = "cluster_service", _("Cluster service")
    TRAINING = "training", _("Training offer")
    FUNDING = "funding", _("Funding scheme")


class SupportOffer(models.Model):
    """Help available near an organisation; an administrator keeps these per region (and its sub-regions)."""

    owner_path = "provider"

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="maturity_support",
                               verbose_name=_("region served (NUTS; includes its sub-regions)"))
    kind = models.CharField(_("kind"), max_length=20, choices=SupportKind.choices)
    name = models.CharField(_("name"), max_length=255)
    provider = models.ForeignKey("organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="maturity_support", verbose_name=_("provider"))
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web page"), blank=True)
    contact = models.CharField(_("contact"), max_length=255, blank=True)
    dimensions = models.CharField(
        _("dimensions"), max_length=200, blank=True,
        help_text=_("Comma-separated dimension keys it helps with (e.g. data,automation); empty for all."))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["region__code", "kind", "name"]
        verbose_name = _("support offer")
        verbose_name_plural = _("support offers")

    def __str__(self) -> str:
        return self.name

    def dimension_keys(self) -> set[str]:
        return {key.strip() for key in self.dimensions.split(",") if key.strip()}
