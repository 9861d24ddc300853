"""Cluster organisations: profiles (one-to-one with an Organisation of type cluster), members, services, labels,
funding per year, criteria sets and evaluations, skills needs and offers, and the joint cluster mission."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from smartcluster.accounts.permissions import Visibility
from smartcluster.clusters.choices import (  # noqa: F401 - re-exported: `models.X` keeps working in the app
    CategoryTaxonomy,
    CriteriaStatus,
    EvaluationStatus,
    FundingSource,
    LabelKind,
    LabelLevel,
    LegalForm,
    MemberType,
    OfferProvider,
    ReviewAction,
    ServiceKind,
    SkillKind,
    Urgency,
)

YEAR_RANGE = Q(year__gte=1900) & Q(year__lte=2100)
MONEY = {"max_digits": 14, "decimal_places": 2}
SHARE_SUM = sum((F(source) for source in FundingSource.values[1:]), F(FundingSource.values[0]))


class ClusterProfile(models.Model):
    """What makes an organisation of type cluster a cluster organisation of the registry."""

    owner_path = "organisation"
    visibility = Visibility.PUBLISHED

    organisation = models.OneToOneField("organisations.Organisation", on_delete=models.CASCADE,
                                        related_name="cluster_profile", verbose_name=_("organisation"))
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices, blank=True)
    founding_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    regions_served = models.ManyToManyField("regions.Region", blank=True, related_name="clusters_serving",
                                            verbose_name=_("regions served"))
    keeps_member_list = models.BooleanField(
        _("keeps a member list"), default=True,
        help_text=_("Otherwise members are reported as counts by type per year."))
    management_fte = models.DecimalField(_("management staff (FTE)"), max_digits=6, decimal_places=2,
                                         null=True, blank=True)
    has_strategy = models.BooleanField(_("written strategy with objectives and KPIs"), default=False)
    eccp_profile_url = models.URLField(_("ECCP profile"), blank=True,
                                       help_text=_("The profile on clustercollaboration.eu, once validated."))
    contacts = models.ManyToManyField("organisations.Person", blank=True, related_name="cluster_contacts",
                                      verbose_name=_("contact persons"))
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("cluster profile")
        verbose_name_plural = _("cluster profiles")
        constraints = [
            models.CheckConstraint(condition=Q(founding_year__isnull=True) | (Q(founding_year__gte=1800)
                                   & Q(founding_year__lte=2100)), name="cluster_founding_year_range"),
            models.CheckConstraint(condition=Q(management_fte__isnull=True) | Q(management_fte__gte=0),
                                   name="cluster_management_fte_not_negative"),
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class ClusterCategory(models.Model):
    """A cluster category or Smart Industry 4.0 area the cluster covers (a category key of a mapping taxonomy)."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="categories")
    taxonomy = models.CharField(_("taxonomy"), max_length=30, choices=CategoryTaxonomy.choices)
    category = models.CharField(_("category"), max_length=60)

    class Meta:
        ordering = ["taxonomy", "category"]
        verbose_name = _("category covered")
        verbose_name_plural = _("categories covered")
        constraints = [models.UniqueConstraint(fields=["profile", "taxonomy", "category"],
                                               name="cluster_category_once")]

    def __str__(self) -> str:
        return f"{self.get_taxonomy_display()}: {self.category}"


class ClusterMember(models.Model):
    """A member organisation of a cluster that keeps a member list."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="cluster_memberships", verbose_name=_("member"))
    member_type = models.CharField(_("membership type"), max_length=20, choices=MemberType.choices)
    year_joined = models.PositiveSmallIntegerField(_("year joined"))
    year_left = models.PositiveSmallIntegerField(_("year left"), null=True, blank=True)
    committed = models.BooleanField(_("committed member"), default=True,
                                    help_text=_("Pays a fee or signed a membership agreement."))
    uses_services = models.BooleanField(_("used at least one service this year"), default=False)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("cluster member")
        verbose_name_plural = _("cluster members")
        constraints = [
            models.UniqueConstraint(fields=["profile", "organisation"], name="cluster_member_once"),
            models.CheckConstraint(condition=Q(year_joined__gte=1900) & Q(year_joined__lte=2100),
                                   name="cluster_member_year_joined_range"),
            models.CheckConstraint(condition=Q(year_left__isnull=True) | Q(year_left__gte=F("year_joined")),
                                   name="cluster_member_leaves_after_joining"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_member_type_display()})"


class MemberCount(models.Model):
    """Members by type at 31 December of a year, for a cluster that keeps no list (or a past year)."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="member_counts")
    year = models.PositiveSmallIntegerField(_("year"))
    member_type = models.CharField(_("membership type"), max_length=20, choices=MemberType.choices)
    count = models.PositiveIntegerField(_("members"))

    class Meta:
        ordering = ["-year", "member_type"]
        verbose_name = _("member count")
        verbose_name_plural = _("member counts")
        constraints = [
            models.UniqueConstraint(fields=["profile", "year", "member_type"], name="cluster_member_count_once"),
            models.CheckConstraint(condition=YEAR_RANGE, name="cluster_member_count_year_range"),
        ]

    def __str__(self) -> str:
        return f"{self.profile} {self.year}: {self.count} {self.get_member_type_display()}"


class ClusterService(models.Model):
    """A service of the catalogue the cluster offers, with the members it served in a year."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="services")
    kind = models.CharField(_("service"), max_length=30, choices=ServiceKind.choices)
    description = models.TextField(_("description"), blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    members_served = models.PositiveIntegerField(_("members served"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "kind"]
        verbose_name = _("cluster service")
        verbose_name_plural = _("cluster services")
        constraints = [
            models.UniqueConstraint(fields=["profile", "kind", "year"], name="cluster_service_once_per_year"),
            models.CheckConstraint(condition=YEAR_RANGE, name="cluster_service_year_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"


class ClusterLabel(models.Model):
    """A label the cluster organisation holds."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="labels")
    kind = models.CharField(_("kind"), max_length=30, choices=LabelKind.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=LabelLevel.choices)
    year = models.PositiveSmallIntegerField(_("year awarded"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    certificate_url = models.URLField(_("certificate"), blank=True)

    class Meta:
        ordering = ["-year", "kind"]
        verbose_name = _("cluster label")
        verbose_name_plural = _("cluster labels")
        constraints = [
            models.CheckConstraint(condition=YEAR_RANGE, name="cluster_label_year_range"),
            models.CheckConstraint(condition=Q(expires_on__isnull=True) | Q(expires_on__year__gte=F("year")),
                                   name="cluster_label_expires_after_award"),
        ]

    def __str__(self) -> str:
        return self.name or f"{self.get_kind_display()} ({self.get_level_display()}, {self.year})"


class InternationalAgreement(models.Model):
    """A cooperation agreement with an organisation abroad."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="agreements")
    partner_name = models.CharField(_("partner"), max_length=255)
    country = models.CharField(_("country"), max_length=2, help_text=_("Two-letter code, e.g. DE"))
    year = models.PositiveSmallIntegerField(_("year signed"))
    subject = models.CharField(_("subject"), max_length=300, blank=True)

    class Meta:
        ordering = ["-year", "partner_name"]
        verbose_name = _("international agreement")
        verbose_name_plural = _("international agreements")
        constraints = [models.CheckConstraint(condition=YEAR_RANGE, name="cluster_agreement_year_range")]

    def __str__(self) -> str:
        return f"{self.partner_name} ({self.country}, {self.year})"


class FundingRecord(models.Model):
    """Revenue and its sources for one year (shares in % of revenue summing to 100 ± 0.5)."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLISHED

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="funding")
    year = models.PositiveSmallIntegerField(_("year"))
    revenue = models.DecimalField(_("total revenue (EUR)"), **MONEY)
    regional_grants = models.DecimalField(_("regional grants (%)"), max_digits=5, decimal_places=2, default=0)
    national_grants = models.DecimalField(_("national grants (%)"), max_digits=5, decimal_places=2, default=0)
    eu_grants = models.DecimalField(_("EU grants (%)"), max_digits=5, decimal_places=2, default=0)
    membership_fees = models.DecimalField(_("membership fees (%)"), max_digits=5, decimal_places=2, default=0)
    paid_services = models.DecimalField(_("paid services (%)"), max_digits=5, decimal_places=2, default=0)
    project_income = models.DecimalField(_("project income (%)"), max_digits=5, decimal_places=2, default=0)
    sponsorship_other = models.DecimalField(_("sponsorship and other (%)"), max_digits=5, decimal_places=2,
                                            default=0)
    core_funding = models.DecimalField(_("core funding (EUR)"), null=True, blank=True, **MONEY,
                                       help_text=_("Multi-year basic funding, not tied to a project."))
    annual_cost = models.DecimalField(_("annual cost (EUR)"), null=True, blank=True, **MONEY)
    contracted_next_12_months = models.DecimalField(_("contracted for the next 12 months (EUR)"), null=True,
                                                    blank=True, **MONEY)
    contracted_next_36_months = models.DecimalField(_("contracted for the next 36 months (EUR)"), null=True,
                                                    blank=True, **MONEY)
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        ordering = ["profile", "year"]
        verbose_name = _("funding record")
        verbose_name_plural = _("funding records")
        constraints = [
            models.UniqueConstraint(fields=["profile", "year"], name="cluster_funding_once_per_year"),
            models.CheckConstraint(condition=YEAR_RANGE, name="cluster_funding_year_range"),
            models.CheckConstraint(condition=Q(revenue__gte=0), name="cluster_funding_revenue_not_negative"),
            # issue #16: shares sum to 100 ± 0.5 (the service names the field first; this keeps the table true)
            models.CheckConstraint(condition=Q(GreaterThanOrEqual(SHARE_SUM, Decimal("99.5")),
                                               LessThanOrEqual(SHARE_SUM, Decimal("100.5"))),
                                   name="cluster_funding_shares_sum_to_100"),
            *(models.CheckConstraint(condition=Q(**{f"{source}__gte": 0}) & Q(**{f"{source}__lte": 100}),
                                     name=f"cluster_funding_{source}_percent") for source in FundingSource.values),
        ]

    def __str__(self) -> str:
        return f"{self.profile} {self.year}"


class CriteriaSet(models.Model):
    """One version of a criteria set (the evaluation library's mapping); frozen once anyone was evaluated on it."""

    owner_path = "organisation"
    visibility = Visibility.PUBLIC

    code = models.SlugField(_("code"), max_length=50)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=255)
    definition = models.JSONField(_("definition"))
    source_text = models.TextField(_("YAML as published"), blank=True)
    organisation = models.ForeignKey("organisations.Organisation", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="criteria_sets",
                                     verbose_name=_("published by"),
                                     help_text=_("Empty for the platform's default set."))
    status = models.CharField(_("status"), max_length=10, choices=CriteriaStatus.choices,
                              default=CriteriaStatus.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="cluster_criteria_version_once")]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"


class Evaluation(models.Model):
    """A cluster's self-evaluation of one data year on one criteria version: draft → submitted → accepted."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLISHED

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="evaluations")
    criteria = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="evaluations",
                                 verbose_name=_("criteria set"))
    data_year = models.PositiveSmallIntegerField(_("data year"))
    inputs = models.JSONField(_("figures reported"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=EvaluationStatus.choices,
                              default=EvaluationStatus.DRAFT)
    result = models.JSONField(_("result"), null=True, blank=True,
                              help_text=_("Scores with the criteria version, thresholds, weights, peer group and "
                                          "data year they were computed with."))
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-data_year", "profile"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["profile", "criteria", "data_year"], name="cluster_evaluation_once"),
            models.CheckConstraint(condition=Q(data_year__gte=1900) & Q(data_year__lte=2100),
                                   name="cluster_evaluation_year_range"),
            models.CheckConstraint(condition=Q(status="accepted") | Q(is_published=False),
                                   name="cluster_evaluation_published_when_accepted"),
        ]

    def __str__(self) -> str:
        return f"{self.profile} {self.data_year} ({self.criteria})"


class EvaluationReview(models.Model):
    """One step of an evaluation's review, with who, when and the comment (the audit trail)."""

    owner_path = "evaluation__profile__organisation"
    visibility = Visibility.OWNER_ONLY

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="reviews")
    action = models.CharField(_("action"), max_length=20, choices=ReviewAction.choices)
    comment = models.TextField(_("comment"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("evaluation review step")
        verbose_name_plural = _("evaluation review steps")

    def __str__(self) -> str:
        return f"{self.evaluation}: {self.get_action_display()}"


class SkillNeed(models.Model):
    """A skill or occupation the cluster's members need, with urgency and the number of people."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="skill_needs")
    kind = models.CharField(_("kind"), max_length=20, choices=SkillKind.choices, default=SkillKind.SKILL)
    label = models.CharField(_("skill or occupation"), max_length=255)
    esco_uri = models.URLField(_("ESCO URI"), blank=True, help_text=_("Where known, e.g. "
                                                                       "http://data.europa.eu/esco/skill/…"))
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.MEDIUM)
    people = models.PositiveIntegerField(_("people concerned"))
    year = models.PositiveSmallIntegerField(_("year"))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["profile", "-year", "label"]
        verbose_name = _("skills need")
        verbose_name_plural = _("skills needs")
        constraints = [models.CheckConstraint(condition=YEAR_RANGE, name="cluster_skill_need_year_range")]

    def __str__(self) -> str:
        return self.label


class TrainingOffer(models.Model):
    """A training offer available to a cluster's members (its own, a member's or a university's)."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="training_offers")
    provider = models.CharField(_("provided by"), max_length=20, choices=OfferProvider.choices)
    provider_organisation = models.ForeignKey("organisations.Organisation", null=True, blank=True,
                                              on_delete=models.SET_NULL, related_name="training_offers",
                                              verbose_name=_("provider"))
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=SkillKind.choices, default=SkillKind.SKILL)
    esco_uri = models.URLField(_("ESCO URI"), blank=True)
    places = models.PositiveIntegerField(_("places per year"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["profile", "title"]
        verbose_name = _("training offer")
        verbose_name_plural = _("training offers")

    def __str__(self) -> str:
        return self.title


class Mission(models.Model):
    """A joint cluster mission: a goal with a target date and indicators that clusters commit to."""

    owner_path = "organisation"
    visibility = Visibility.PUBLISHED

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="cluster_missions", verbose_name=_("run by"))
    title = models.CharField(_("title"), max_length=255)
    goal = models.TextField(_("goal"))
    target_date = models.DateField(_("target date"))
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["target_date", "title"]
        verbose_name = _("cluster mission")
        verbose_name_plural = _("cluster missions")

    def __str__(self) -> str:
        return self.title


class MissionIndicator(models.Model):
    """What a mission counts (e.g. workers re- or upskilled)."""

    owner_path = "mission__organisation"
    visibility = Visibility.PUBLIC

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="indicators")
    title = models.CharField(_("title"), max_length=255)
    unit = models.CharField(_("unit"), max_length=50)

    class Meta:
        ordering = ["mission", "pk"]
        verbose_name = _("mission indicator")
        verbose_name_plural = _("mission indicators")
        constraints = [models.UniqueConstraint(fields=["mission", "title"], name="cluster_mission_indicator_once")]

    def __str__(self) -> str:
        return self.title


class Commitment(models.Model):
    """A cluster's commitment to a mission indicator: a target value by a year."""

    owner_path = "profile__organisation"
    visibility = Visibility.PUBLIC

    profile = models.ForeignKey(ClusterProfile, on_delete=models.CASCADE, related_name="commitments")
    indicator = models.ForeignKey(MissionIndicator, on_delete=models.PROTECT, related_name="commitments")
    text = models.CharField(_("commitment"), max_length=300)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("by year"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "profile"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(fields=["profile", "indicator"], name="cluster_commitment_once"),
            models.CheckConstraint(condition=Q(target__gt=0), name="cluster_commitment_target_positive"),
            models.CheckConstraint(condition=Q(target_year__gte=1900) & Q(target_year__lte=2100),
                                   name="cluster_commitment_year_range"),
        ]

    def __str__(self) -> str:
        return self.text


class CommitmentProgress(models.Model):
    """Progress towards a commitment reported for one year, with its evidence (value achieved in that year)."""

    owner_path = "commitment__profile__organisation"
    visibility = Visibility.PUBLIC

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="progress")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("achieved in the year"), max_digits=12, decimal_places=2)
    evidence_url = models.URLField(_("evidence (link)"), blank=True)
    evidence_note = models.TextField(_("evidence"), blank=True)
    reported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["commitment", "year"]
        verbose_name = _("commitment progress")
        verbose_name_plural = _("commitment progress")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "year"], name="cluster_commitment_progress_once"),
            models.CheckConstraint(condition=YEAR_RANGE, name="cluster_commitment_progress_year_range"),
            models.CheckConstraint(condition=Q(value__gte=0), name="cluster_commitment_progress_not_negative"),
            models.CheckConstraint(condition=~Q(evidence_url="") | ~Q(evidence_note=""),
                                   name="cluster_commitment_progress_has_evidence"),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} {self.year}: {self.value}"
