"""Reads of the clusters app: missions, commitments, progress against a linear path, totals per indicator.

On track (ours, issue #16 leaves it open): a commitment starts at 0 at the beginning of its first year (the year
it was made, or its first reported year if earlier) and reaches its target at the end of its target year along a
straight line; at the end of the last year assessed (the later of the last reported year and last year, never
after the target year) it is on track when the cumulative value reported is at least the path's value then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import visible_queryset
from smartcluster.clusters.models import ClusterProfile, Commitment, Mission, MissionIndicator

__all__ = [
    "CommitmentStatus",
    "IndicatorTotal",
    "commitment_get",
    "commitment_list",
    "commitment_status",
    "commitment_statuses",
    "mission_get",
    "mission_indicator_get",
    "mission_list",
    "mission_totals",
]


@dataclass(frozen=True)
class CommitmentStatus:
    """A commitment's cumulative progress against its target and the linear path to its target year."""

    achieved: Decimal
    target: Decimal
    start_year: int
    target_year: int
    as_of_year: int
    expected: Decimal

    @property
    def percent(self) -> float:
        """Cumulative progress in % of the target."""
        return float(self.achieved / self.target * 100) if self.target else 0.0

    @property
    def on_track(self) -> bool:
        return self.achieved >= self.expected

    @property
    def reached(self) -> bool:
        return self.achieved >= self.target


def commitment_status(*, target: Decimal, target_year: int, start_year: int, progress: dict[int, Decimal],
                      current_year: int) -> CommitmentStatus:
    """Cumulative progress (sum of the yearly values) and the linear path's value at the end of the year
    assessed (module docstring): expected = target × (as_of − start + 1) / (target_year − start + 1), in [0, target]."""
    start = min([start_year, *progress])
    as_of = min(max([current_year - 1, *progress]), target_year)
    span = target_year - start + 1
    expected = target * Decimal(max(0, as_of - start + 1)) / Decimal(span) if span > 0 else target
    return CommitmentStatus(achieved=sum(progress.values(), Decimal(0)), target=target, start_year=start,
                            target_year=target_year, as_of_year=as_of, expected=min(expected, target))


def mission_list(*, user: Any) -> QuerySet[Mission]:
    """Missions the user may read (published ones; unpublished ones for the organisation running them)."""
    return visible_queryset(user, Mission.objects.select_related("organisation")).prefetch_related("indicators")


def mission_get(*, user: Any, pk: int) -> Mission:
    mission = mission_list(user=user).filter(pk=pk).first()
    if mission is None:
        raise Http404(_("No mission %(id)s that you may read.") % {"id": pk})
    return mission


def mission_indicator_get(*, user: Any, pk: int) -> MissionIndicator:
    """An indicator of a mission the user may read (404 otherwise)."""
    indicator = MissionIndicator.objects.filter(pk=pk, mission__in=mission_list(user=user)).select_related(
        "mission").first()
    if indicator is None:
        raise Http404(_("No mission indicator %(id)s that you may read.") % {"id": pk})
    return indicator


def commitment_list(*, user: Any, mission: Mission | None = None,
                    profile: ClusterProfile | None = None) -> QuerySet[Commitment]:
    """Commitments to the missions the user may read, of clusters whose profiles the user may read."""
    commitments = Commitment.objects.filter(
        indicator__mission__in=mission_list(user=user),
        profile__in=visible_queryset(user, ClusterProfile.objects.all())).select_related(
        "profile__organisation", "indicator__mission").prefetch_related("progress")
    if mission is not None:
        commitments = commitments.filter(indicator__mission=mission)
    if profile is not None:
        commitments = commitments.filter(profile=profile)
    return commitments.order_by("indicator__mission", "indicator", "profile__organisation__name")


def commitment_get(*, user: Any, pk: int) -> Commitment:
    commitment = commitment_list(user=user).filter(pk=pk).first()
    if commitment is None:
        raise Http404(_("No commitment %(id)s that you may read.") % {"id": pk})
    return commitment


def commitment_statuses(commitments: Iterable[Commitment]) -> list[tuple[Commitment, CommitmentStatus]]:
    """Each commitment with its status this year (progress prefetched by `commitment_list`)."""
    year = timezone.localdate().year
    return [(commitment, commitment_status(
        target=commitment.target, target_year=commitment.target_year, start_year=commitment.created_at.year,
        progress={row.year: row.value for row in commitment.progress.all()}, current_year=year))
        for commitment in commitments]


@dataclass(frozen=True)
class IndicatorTotal:
    indicator: MissionIndicator
    commitments: int
    target: Decimal
    achieved: Decimal

    @property
    def percent(self) -> float | None:
        return float(self.achieved / self.target * 100) if self.target else None


def mission_totals(*, user: Any, mission: Mission) -> list[IndicatorTotal]:
    """Per indicator of the mission: commitments, their targets and cumulative progress, summed."""
    statuses = commitment_statuses(commitment_list(user=user, mission=mission))
    totals = []
    for indicator in mission.indicators.all():
        mine = [status for commitment, status in statuses if commitment.indicator_id == indicator.pk]
        totals.append(IndicatorTotal(indicator=indicator, commitments=len(mine),
                                     target=sum((s.target for s in mine), Decimal(0)),
                                     achieved=sum((s.achieved for s in mine), Decimal(0))))
    return totals
