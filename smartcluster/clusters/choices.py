"""The enumerations of the clusters app, public to every app (`models.py` re-imports them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from smartcluster.evaluation import MemberType as LibraryMemberType
from smartcluster.evaluation import Source


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    COMPANY = "company", _("Company (limited or cooperative)")
    FOUNDATION = "foundation", _("Foundation")
    PUBLIC_BODY = "public_body", _("Public body or agency")
    PROJECT = "project", _("Project without legal personality")
    OTHER = "other", _("Other")


class MemberType(models.TextChoices):
    """Member types of the evaluation library (methods/evaluation.md §1), stored by their library values."""

    SME = LibraryMemberType.SME.value, _("SME")
    LARGE_FIRM = LibraryMemberType.LARGE_FIRM.value, _("Large firm")
    RESEARCH_EDUCATION = LibraryMemberType.RESEARCH_EDUCATION.value, _("Research or education")
    PUBLIC = LibraryMemberType.PUBLIC.value, _("Public body")
    OTHER = LibraryMemberType.OTHER.value, _("Other")


class CategoryTaxonomy(models.TextChoices):
    """The mapping taxonomies a cluster profile draws its categories from (mapping/taxonomies/)."""

    CLUSTER_CATEGORIES = "cluster_categories", _("Cluster category")
    SMART_INDUSTRY_40 = "smart_industry_40", _("Smart Industry 4.0 area")


class ServiceKind(models.TextChoices):
    """The service catalogue of issue #16."""

    INNOVATION_PROJECTS = "innovation_projects", _("Innovation projects")
    NETWORKING = "networking", _("Networking and matchmaking")
    MARKET_INTELLIGENCE = "market_intelligence", _("Market intelligence")
    BUSINESS_ENVIRONMENT = "business_environment", _("Business environment")
    SKILLS = "skills", _("Skills and training")
    INTERNATIONALISATION = "internationalisation", _("Internationalisation")
    POLICY_DIALOGUE = "policy_dialogue", _("Policy dialogue")
    DIGITAL_TRANSITION = "digital_transition", _("Digital transition support")
    GREEN_TRANSITION = "green_transition", _("Green transition support")
    ACCESS_TO_FINANCE = "access_to_finance", _("Access to finance")
    OTHER = "other", _("Other services")


class LabelKind(models.TextChoices):
    CLUSTER_MANAGEMENT = "cluster_management", _("Cluster-management excellence label")
    NATIONAL = "national", _("National cluster label")
    REGIONAL = "regional", _("Regional cluster label")
    OTHER = "other", _("Other label")


class LabelLevel(models.TextChoices):
    """The levels of the default criteria set's `label` indicator (none, bronze, silver, gold)."""

    BRONZE = "bronze", _("Bronze")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")
    NOT_GRADED = "not_graded", _("Not graded")


class FundingSource(models.TextChoices):
    """Revenue sources of the evaluation library (methods/evaluation.md §1), stored by their library values."""

    REGIONAL_GRANTS = Source.REGIONAL_GRANTS.value, _("Regional grants")
    NATIONAL_GRANTS = Source.NATIONAL_GRANTS.value, _("National grants")
    EU_GRANTS = Source.EU_GRANTS.value, _("EU grants")
    MEMBERSHIP_FEES = Source.MEMBERSHIP_FEES.value, _("Membership fees")
    PAID_SERVICES = Source.PAID_SERVICES.value, _("Paid services")
    PROJECT_INCOME = Source.PROJECT_INCOME.value, _("Project income")
    SPONSORSHIP_OTHER = Source.SPONSORSHIP_OTHER.value, _("Sponsorship and other")


class CriteriaStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")


class ReviewAction(models.TextChoices):
    SUBMIT = "submit", _("Submitted")
    ASK_CHANGES = "ask_changes", _("Asked for changes")
    ACCEPT = "accept", _("Accepted")


class SkillKind(models.TextChoices):
    SKILL = "skill", _("Skill or competence")
    OCCUPATION = "occupation", _("Occupation")


class Urgency(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class OfferProvider(models.TextChoices):
    CLUSTER = "cluster", _("The cluster organisation")
    MEMBER = "member", _("A member")
    UNIVERSITY = "university", _("A university or training body")
