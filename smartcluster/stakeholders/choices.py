"""The enumerations of the stakeholders app, public to every app (`models.py` re-imports them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class InterviewMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    PHONE = "phone", _("By phone")
    WRITTEN = "written", _("Written answers")


class ThemeGroup(models.TextChoices):
    """Where a theme of the codebook comes from: the project idea's 7 challenges and 8 needs, and the interview
    topics it names (barriers, support known or unknown, perception of clusters, green business)."""

    CHALLENGE = "challenge", _("Challenge")
    NEED = "need", _("Need")
    TOPIC = "topic", _("Interview topic")


class CodeSource(models.TextChoices):
    MANUAL = "manual", _("Chosen by the coder")
    SUGGESTION = "suggestion", _("Suggestion accepted by the coder")


class CollaborationKind(models.TextChoices):
    JOINT_PROJECT = "joint_project", _("Joint project")
    RESEARCH_CONTRACT = "research_contract", _("Research or testing contract")
    SUPPLY = "supply", _("Supplier and customer")
    TRAINING = "training", _("Training or internships")
    SHARED_FACILITY = "shared_facility", _("Shared facility or equipment")
    OTHER = "other", _("Other")


class LinkSource(models.TextChoices):
    """Where a link of the collaboration network comes from (the platform's own records)."""

    CLUSTER_MEMBERSHIP = "cluster_membership", _("Cluster membership")
    PROJECT_PARTNERSHIP = "project_partnership", _("Partners of the same project")
    EVENT_CO_ATTENDANCE = "event_co_attendance", _("Attended the same event")
    B2B_MEETING = "b2b_meeting", _("B2B meeting held")
    DECLARED = "declared", _("Declared collaboration")
