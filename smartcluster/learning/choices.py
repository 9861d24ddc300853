"""The enumerations of the learning app, public to every app (`models.py` re-imports them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeStatus(models.TextChoices):
    """The validation of a good practice (shared/methods/evaluation.md §2: Interreg Europe's two steps)."""

    SUBMITTED = "submitted", _("Submitted")
    PROJECT_APPROVED = "project_approved", _("Approved by the project")
    EXPERT_VALIDATED = "expert_validated", _("Validated by the Platform's experts")
    DECLINED = "declined", _("Declined")


# The statuses public pages show (a declined or merely submitted practice never appears there).
PUBLIC_STATUSES = (PracticeStatus.PROJECT_APPROVED, PracticeStatus.EXPERT_VALIDATED)


class TopicTaxonomy(models.TextChoices):
    """Where a practice's topic comes from: the project's challenge themes (stakeholders' default codebook) and the
    mapping taxonomies (the same keys as clusters' CategoryTaxonomy)."""

    PROJECT_THEME = "project_theme", _("Project challenge")
    CLUSTER_CATEGORIES = "cluster_categories", _("Cluster category")
    SMART_INDUSTRY_40 = "smart_industry_40", _("Smart Industry 4.0 area")


class ParticipantRole(models.TextChoices):
    PEER = "peer", _("Peer")
    EXPERT = "expert", _("Expert")
    LOCAL_STAKEHOLDER = "local_stakeholder", _("Local stakeholder")


class RecommendationResponse(models.TextChoices):
    PENDING = "pending", _("Awaiting the host's response")
    ACCEPTED = "accepted", _("Accepted")
    TO_CONSIDER = "to_consider", _("To consider")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class TransferStage(models.TextChoices):
    """How far a partner took a practice that inspired it."""

    INSPIRED = "inspired", _("Inspired by it")
    PLANNED = "planned", _("Transfer planned")
    ADAPTED = "adapted", _("Adapted")
    ADOPTED = "adopted", _("Adopted")
