"""Transfers reads: which partner was inspired by which practice and how far it took it, and a practice's journey.

A transfer is read exactly when its practice is (the public reads transfers of approved practices only)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from smartcluster.accounts.permissions import (
    editable_organisation_ids,
    is_administrator,
    visible_queryset,
)
from smartcluster.learning.choices import PracticeStatus, TransferStage
from smartcluster.learning.models import GoodPractice, PracticeTransfer
from smartcluster.organisations.selectors import partner_list

__all__ = [
    "PracticeJourney",
    "practice_transfer_get",
    "practice_transfer_list",
    "practice_journey",
    "transfer_partner_choices",
    "transfer_practice_choices",
]


def _readable_practices(user: Any) -> QuerySet[GoodPractice]:
    return visible_queryset(user, GoodPractice.objects.all())


def practice_transfer_list(
    *,
    user: Any,
    practice_id: int | None = None,
    partner_id: int | None = None,
    project_id: int | None = None,
    stage: str | None = None,
    country: str | None = None,
    search: str | None = None,
) -> QuerySet[PracticeTransfer]:
    """Transfers of the practices the user may read, filtered, newest stage first."""
    queryset = PracticeTransfer.objects.filter(practice__in=_readable_practices(user).values("pk"))
    if practice_id is not None:
        queryset = queryset.filter(practice_id=practice_id)
    if partner_id is not None:
        queryset = queryset.filter(partner_id=partner_id)
    if project_id is not None:
        queryset = queryset.filter(partner__project_id=project_id)
    if stage:
        queryset = queryset.filter(stage=stage)
    if country:
        queryset = queryset.filter(partner__regions__country__iexact=country).distinct()
    if search:
        queryset = queryset.filter(Q(practice__title__icontains=search) | Q(description__icontains=search)
                                   | Q(partner__organisation__name__icontains=search))
    return queryset.select_related(
        "practice", "practice__partner__organisation", "practice__region", "partner__organisation",
        "partner__project").prefetch_related("partner__regions").order_by("-stage_on", "practice__title", "pk")


def practice_transfer_get(*, user: Any, transfer_id: int) -> PracticeTransfer:
    """One transfer the user may read (404 otherwise)."""
    return get_object_or_404(practice_transfer_list(user=user), pk=transfer_id)


@dataclass
class PracticeJourney:
    """Where a practice travelled: its transfers in the order partners took it up, the regions and countries reached,
    and how many partners reached each stage."""

    practice: GoodPractice
    transfers: list[PracticeTransfer]
    regions: list[Any] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    stage_counts: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def partner_count(self) -> int:
        return len(self.transfers)


def practice_journey(*, user: Any, practice: GoodPractice) -> PracticeJourney:
    """A practice's journey as the user may read it (the practice itself must be readable: callers got it so)."""
    transfers = sorted(practice_transfer_list(user=user, practice_id=practice.pk),
                       key=lambda transfer: (transfer.inspired_on, transfer.pk))
    regions = {region.pk: region for transfer in transfers for region in transfer.partner.regions.all()}
    counts = Counter(transfer.stage for transfer in transfers)
    return PracticeJourney(
        practice=practice, transfers=transfers,
        regions=sorted(regions.values(), key=lambda region: region.code),
        countries=sorted({region.country for region in regions.values()}),
        stage_counts=[(stage.value, str(stage.label), counts[stage.value]) for stage in TransferStage])


def transfer_partner_choices(*, user: Any) -> QuerySet[Any]:
    """The partners the user may record a transfer for (its editors' partners; administrators: all)."""
    queryset = partner_list(user=user)
    if not is_administrator(user):
        queryset = queryset.filter(organisation_id__in=editable_organisation_ids(user))
    return queryset.order_by("project__acronym", "organisation__name")


def transfer_practice_choices(*, user: Any, partner: Any | None = None) -> QuerySet[GoodPractice]:
    """The practices a transfer may be recorded for: readable, not declined, not the partner's own."""
    queryset = _readable_practices(user).exclude(status=PracticeStatus.DECLINED)
    if partner is not None:
        queryset = queryset.exclude(partner=partner)
    return queryset.select_related("partner__organisation").order_by("title")
