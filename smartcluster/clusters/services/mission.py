"""Writes of the clusters app: the joint cluster mission (missions with indicators, clusters' commitments,
progress per year), plus trusted `*_load` writers for the demo loader.

A mission is created and changed by the editors of the organisation running it (and administrators); a
commitment and its progress only by the managers of the committing cluster. Refusals raise `PermissionDenied`
(nothing changes) or `ValidationError` naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for, can_view
from smartcluster.clusters.models import (
    ClusterProfile,
    Commitment,
    CommitmentProgress,
    Mission,
    MissionIndicator,
)

__all__ = [
    "commitment_create",
    "commitment_delete",
    "commitment_load",
    "commitment_progress_load",
    "commitment_progress_report",
    "commitment_update",
    "mission_create",
    "mission_indicator_add",
    "mission_load",
    "mission_update",
]

MISSION_FIELDS = ("title", "goal", "target_date", "is_published")
COMMITMENT_FIELDS = ("text", "target", "target_year")
MIN_YEAR = 1900  # the models' year range


def _assign(record: Any, data: dict[str, Any], fields: tuple[str, ...]) -> None:
    unknown = set(data) - set(fields)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in data.items():
        setattr(record, name, value)


def _indicators_save(mission: Mission, indicators: Iterable[tuple[str, str]]) -> None:
    for title, unit in indicators:
        indicator = MissionIndicator(mission=mission, title=(title or "").strip(), unit=(unit or "").strip())
        indicator.full_clean()
        indicator.save()


@transaction.atomic
def mission_create(*, user: Any, organisation: Any, data: dict[str, Any],
                   indicators: Iterable[tuple[str, str]] = ()) -> Mission:
    """A mission run by an organisation the user edits for, with its indicators (title, unit)."""
    if not can_create_for(user, organisation.pk):
        raise PermissionDenied(_("Only the editors of %(name)s start missions it runs.") % {"name": organisation})
    indicators = list(indicators)
    if not indicators:
        raise ValidationError({"indicators": _("A mission needs at least one indicator (what it counts, and in "
                                               "which unit).")})
    mission = Mission(organisation=organisation)
    _assign(mission, data, MISSION_FIELDS)
    mission.full_clean()
    mission.save()
    _indicators_save(mission, indicators)
    return mission


@transaction.atomic
def mission_update(*, user: Any, mission: Mission, data: dict[str, Any]) -> Mission:
    if not can_change(user, mission):
        raise PermissionDenied(_("Only the editors of %(name)s change this mission.") % {
            "name": mission.organisation})
    _assign(mission, data, MISSION_FIELDS)
    mission.full_clean()
    late = Commitment.objects.filter(indicator__mission=mission, target_year__gt=mission.target_date.year)
    if late.exists():
        raise ValidationError({"target_date": _("Clusters committed to targets up to %(year)s: the target date "
                                                "cannot come before that year.") % {
            "year": max(late.values_list("target_year", flat=True))}})
    mission.save()
    return mission


@transaction.atomic
def mission_indicator_add(*, user: Any, mission: Mission, title: str, unit: str) -> MissionIndicator:
    if not can_change(user, mission):
        raise PermissionDenied(_("Only the editors of %(name)s change this mission.") % {
            "name": mission.organisation})
    _indicators_save(mission, [(title, unit)])
    return mission.indicators.get(title=title.strip())


def _commitment_check(commitment: Commitment) -> None:
    mission = commitment.indicator.mission
    if commitment.target is not None and commitment.target <= 0:
        raise ValidationError({"target": _("The target is a number above 0.")})
    if commitment.target_year and commitment.target_year > mission.target_date.year:
        raise ValidationError({"target_year": _("The mission runs until %(date)s: commit to a year up to "
                                                "%(year)s.") % {"date": mission.target_date.isoformat(),
                                                                 "year": mission.target_date.year}})
    clash = Commitment.objects.filter(profile=commitment.profile, indicator=commitment.indicator).exclude(
        pk=commitment.pk)
    if clash.exists():
        raise ValidationError({"indicator": _("%(cluster)s has already committed to “%(indicator)s”; change that "
                                              "commitment instead.") % {"cluster": commitment.profile,
                                                                        "indicator": commitment.indicator}})
    commitment.full_clean()


@transaction.atomic
def commitment_create(*, user: Any, profile: ClusterProfile, indicator: MissionIndicator,
                      data: dict[str, Any]) -> Commitment:
    """A cluster joins a mission with a target on one of its indicators (the cluster's managers only)."""
    if not can_create_for(user, profile.organisation_id):
        raise PermissionDenied(_("Only the managers of %(cluster)s commit for it.") % {"cluster": profile})
    if not can_view(user, indicator.mission):
        raise ValidationError({"indicator": _("This mission is not published.")})
    commitment = Commitment(profile=profile, indicator=indicator)
    _assign(commitment, data, COMMITMENT_FIELDS)
    _commitment_check(commitment)
    commitment.save()
    return commitment


@transaction.atomic
def commitment_update(*, user: Any, commitment: Commitment, data: dict[str, Any]) -> Commitment:
    if not can_change(user, commitment):
        raise PermissionDenied(_("Only the managers of %(cluster)s change its commitments.") % {
            "cluster": commitment.profile})
    _assign(commitment, data, COMMITMENT_FIELDS)
    _commitment_check(commitment)
    commitment.save()
    return commitment


def commitment_delete(*, user: Any, commitment: Commitment) -> None:
    """Withdraw a commitment (its progress reports go with it)."""
    if not can_change(user, commitment):
        raise PermissionDenied(_("Only the managers of %(cluster)s change its commitments.") % {
            "cluster": commitment.profile})
    commitment.delete()


def _progress_save(commitment: Commitment, *, year: int, value: Decimal, evidence_url: str = "",
                   evidence_note: str = "", today: dt.date | None = None) -> CommitmentProgress:
    today = today or timezone.localdate()
    if year is not None and year < MIN_YEAR:
        raise ValidationError({"year": _("Give a year from %(year)s on.") % {"year": MIN_YEAR}})
    if value is not None and value < 0:
        raise ValidationError({"value": _("The value achieved is 0 or more.")})
    if year is not None and year > today.year:
        raise ValidationError({"year": _("Progress is reported for a year that has begun (up to %(year)s).") % {
            "year": today.year}})
    if not (evidence_url or "").strip() and not (evidence_note or "").strip():
        raise ValidationError({"evidence_url": _("Give the evidence: a link or a note saying where the figure "
                                                 "comes from.")})
    progress = CommitmentProgress.objects.filter(commitment=commitment, year=year).first() or CommitmentProgress(
        commitment=commitment, year=year)
    progress.value, progress.evidence_url, progress.evidence_note = value, evidence_url or "", evidence_note or ""
    progress.full_clean()
    progress.save()
    return progress


@transaction.atomic
def commitment_progress_report(*, user: Any, commitment: Commitment, year: int, value: Decimal,
                               evidence_url: str = "", evidence_note: str = "") -> CommitmentProgress:
    """What the cluster achieved in one year towards its commitment, with evidence (a second report of the same
    year replaces the first)."""
    if not can_change(user, commitment):
        raise PermissionDenied(_("Only the managers of %(cluster)s report its progress.") % {
            "cluster": commitment.profile})
    return _progress_save(commitment, year=year, value=value, evidence_url=evidence_url, evidence_note=evidence_note)


@transaction.atomic
def mission_load(*, organisation: Any, title: str, goal: str, target_date: dt.date,
                 indicators: Iterable[tuple[str, str]], is_published: bool = True) -> Mission:
    """Trusted writer (demo loader): the mission of this title run by this organisation, with these indicators."""
    mission = Mission.objects.filter(organisation=organisation, title=title).first() or Mission(
        organisation=organisation, title=title)
    mission.goal, mission.target_date, mission.is_published = goal, target_date, is_published
    mission.full_clean()
    mission.save()
    _indicators_save(mission, [(t, u) for t, u in indicators if not mission.indicators.filter(title=t).exists()])
    return mission


@transaction.atomic
def commitment_load(*, profile: ClusterProfile, mission: Mission, indicator_title: str, text: str,
                    target: Decimal, target_year: int) -> Commitment:
    """Trusted writer (demo loader): the cluster's commitment to the mission's indicator of this title."""
    indicator = mission.indicators.get(title=indicator_title)
    commitment = Commitment.objects.filter(profile=profile, indicator=indicator).first() or Commitment(
        profile=profile, indicator=indicator)
    commitment.text, commitment.target, commitment.target_year = text, target, target_year
    _commitment_check(commitment)
    commitment.save()
    return commitment


@transaction.atomic
def commitment_progress_load(*, commitment: Commitment, year: int, value: Decimal, evidence_url: str = "",
                             evidence_note: str = "") -> CommitmentProgress:
    """Trusted writer (demo loader): the progress of a year, replacing any reported before."""
    return _progress_save(commitment, year=year, value=value, evidence_url=evidence_url, evidence_note=evidence_note)
