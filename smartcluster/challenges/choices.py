"""The enumerations of the challenges app, public to every app (`models.py` re-imports them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChallengePhase(models.TextChoices):
    """Where a challenge stands, derived from its timeline and its records (never stored)."""

    DRAFT = "draft", _("Draft")
    ANNOUNCED = "announced", _("Announced")
    OPEN = "open", _("Open for submissions")
    EVALUATION = "evaluation", _("Under evaluation")
    AWAITING_RESULTS = "awaiting_results", _("Awaiting results")
    RESULTS = "results", _("Results published")
    CANCELLED = "cancelled", _("Cancelled")


class ScoreAggregate(models.TextChoices):
    """How the jurors' totals of one submission become its score (shared/methods/matchmaking.md: EU practice takes
    the median of experts; pretalx offers median or mean)."""

    MEDIAN = "median", _("Median of the jurors")
    MEAN = "mean", _("Mean of the jurors")


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Eligibility(models.TextChoices):
    PENDING = "pending", _("Not yet checked")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Not eligible")


class TeamRole(models.TextChoices):
    LEAD = "lead", _("Team lead")
    MEMBER = "member", _("Member")


class AwardPlace(models.IntegerChoices):
    WINNER = 1, _("Winner")
    SECOND = 2, _("Second place")
    THIRD = 3, _("Third place")
    MENTION = 9, _("Honourable mention")
