"""Reads of the challenge briefs: the phase a challenge is in (derived from its timeline) and who manages it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from smartcluster.accounts.permissions import can_change
from smartcluster.challenges.models import Challenge, ChallengePhase

__all__ = ["challenge_can_manage", "challenge_phase"]


def challenge_phase(challenge: Challenge, now: datetime | None = None) -> ChallengePhase:
    """The phase of a challenge at `now` (default: this instant), from its flags and its timeline."""
    now = now or timezone.now()
    if challenge.is_cancelled:
        return ChallengePhase.CANCELLED
    if not challenge.is_published:
        return ChallengePhase.DRAFT
    if challenge.results_published_at is not None:
        return ChallengePhase.RESULTS
    if now < challenge.opens_at:
        return ChallengePhase.ANNOUNCED
    if now < challenge.deadline_at:
        return ChallengePhase.OPEN
    if now < challenge.evaluation_ends_at:
        return ChallengePhase.EVALUATION
    return ChallengePhase.AWAITING_RESULTS


def challenge_can_manage(user: Any, challenge: Challenge) -> bool:
    """May this user manage the challenge (the organiser's editors and administrators)?"""
    return can_change(user, challenge)
