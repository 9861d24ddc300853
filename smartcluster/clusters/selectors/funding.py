"""Reads of the clusters app: funding records and the figures the evaluation library derives from them, per
cluster and across a group of clusters (members per year counted by the registry's `cluster_member_counts`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import visible_queryset
from smartcluster.clusters.choices import FundingSource
from smartcluster.clusters.models import ClusterProfile, FundingRecord
from smartcluster.clusters.selectors.registry import cluster_member_counts
from smartcluster.evaluation import (
    DependencyTrend,
    FundingFigures,
    FundingYear,
    funding_figures,
    funding_frame,
    public_dependency_trend,
)

__all__ = [
    "AMOUNT_FIELDS", "SHARE_FIELDS", "FundingGroup", "FundingGroupYear", "FundingOverview", "FundingRow",
    "funding_group", "funding_overview",
    "funding_record_get", "funding_record_list", "funding_record_of_year", "funding_year_of",
]

SHARE_FIELDS = tuple(FundingSource.values)
AMOUNT_FIELDS = ("core_funding", "annual_cost", "contracted_next_12_months", "contracted_next_36_months")


@dataclass(frozen=True)
class FundingRow:
    """One year of a cluster: its record, the figures derived from it and the members counted that year."""

    record: FundingRecord
    figures: FundingFigures
    members: int | None


@dataclass(frozen=True)
class FundingOverview:
    """A cluster's funding years (oldest first), the public-dependency trend and the stacked chart's table."""

    rows: list[FundingRow]
    trend: DependencyTrend
    frame: pd.DataFrame  # year, source, share, amount


@dataclass(frozen=True)
class FundingGroupYear:
    """A group's year: the clusters reporting it, and the figures of their summed revenue."""

    year: int
    clusters: int
    revenue: float  # EUR, summed
    figures: FundingFigures


@dataclass(frozen=True)
class FundingGroup:
    years: list[FundingGroupYear]
    trend: DependencyTrend
    frame: pd.DataFrame


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def funding_year_of(record: FundingRecord, *, members: int | None = None,
                    management_fte: float | None = None) -> FundingYear:
    """The evaluation library's view of a funding record (amounts as floats)."""
    return FundingYear(
        year=record.year, revenue=_float(record.revenue),
        source_shares={source: float(getattr(record, source) or 0) for source in SHARE_FIELDS},
        **{field: _float(getattr(record, field)) for field in AMOUNT_FIELDS},
        members=members, management_fte=management_fte,
    )


def funding_record_list(*, user: Any, profile: ClusterProfile | None = None) -> QuerySet[FundingRecord]:
    """The funding records the user may read (published ones; the cluster's own members and administrators see
    drafts too), oldest year first."""
    records = FundingRecord.objects.select_related("profile__organisation__region")
    if profile is not None:
        records = records.filter(profile=profile)
    return visible_queryset(user, records).order_by("profile__organisation__name", "year")


def funding_record_get(*, user: Any, pk: int) -> FundingRecord:
    """One funding record the user may read (404 otherwise, as for one that does not exist)."""
    record = funding_record_list(user=user).filter(pk=pk).first()
    if record is None:
        raise Http404(_("No funding record %(id)s.") % {"id": pk})
    return record


def funding_record_of_year(*, profile: ClusterProfile, year: int) -> FundingRecord:
    """The cluster's record of `year`, drafts included (for its editors' pages; 404 when there is none)."""
    record = FundingRecord.objects.filter(profile=profile, year=year).first()
    if record is None:
        raise Http404(_("No funding record of %(year)s.") % {"year": year})
    return record


def _members(profile: ClusterProfile, year: int) -> int | None:
    """Members at the end of the year; None when none are counted (per-member figures unknown, not infinite)."""
    return sum(cluster_member_counts(profile=profile, year=year).values()) or None


def funding_overview(*, user: Any, profile: ClusterProfile) -> FundingOverview:
    """The cluster's funding years the user may read, with their figures (public dependency, core vs project,
    secured horizon, revenue per member and per FTE) and the "public dependency rising" flag."""
    records = list(funding_record_list(user=user, profile=profile))
    fte = _float(profile.management_fte)
    years = [funding_year_of(record, members=_members(profile, record.year), management_fte=fte)
             for record in records]
    rows = [FundingRow(record, funding_figures(year), year.members)
            for record, year in zip(records, years, strict=True)]
    return FundingOverview(rows, _trend(rows), funding_frame(years))


def _trend(rows: Iterable[FundingRow | FundingGroupYear]) -> DependencyTrend:
    return public_dependency_trend({row.figures.year: row.figures.public_dependency for row in rows})


def _summed(year: int, records: list[FundingRecord], members: list[int | None]) -> FundingYear:
    """One funding year of a whole group: amounts summed, shares of the summed revenue; an amount some cluster
    did not report is left unknown for the group (a partial sum would mislead)."""
    revenue = sum(float(record.revenue) for record in records)
    by_source = {source: sum(float(record.revenue) * float(getattr(record, source)) for record in records)
                 / revenue for source in SHARE_FIELDS}

    def total(values: list[Any]) -> float | None:
        return None if any(value is None for value in values) else sum(float(value) for value in values)

    return FundingYear(
        year=year, revenue=revenue, source_shares=by_source,
        **{field: total([getattr(record, field) for record in records]) for field in AMOUNT_FIELDS},
        members=total(members), management_fte=total([record.profile.management_fte for record in records]))


def _group_records(region_prefix: str, country: str) -> list[FundingRecord]:
    records = FundingRecord.objects.filter(is_published=True, profile__is_published=True,
                                           profile__organisation__is_published=True, revenue__gt=0)
    if region_prefix:
        records = records.filter(profile__organisation__region__code__istartswith=region_prefix)
    if country:
        records = records.filter(profile__organisation__region__country__iexact=country)
    return list(records.select_related("profile").order_by("year", "profile_id"))


def funding_group(*, region_prefix: str = "", country: str = "") -> FundingGroup:
    """The published funding of the published clusters of a group (organisation's region starting with
    `region_prefix`, in `country`, or all), summed per year: figures, trend and the stacked chart's table."""
    records = _group_records(region_prefix.strip(), country.strip())
    by_year: dict[int, list[FundingRecord]] = defaultdict(list)
    for record in records:
        by_year[record.year].append(record)
    summed = [_summed(year, group, [_members(record.profile, year) for record in group])
              for year, group in sorted(by_year.items())]
    years = [FundingGroupYear(year.year, len(by_year[year.year]), year.revenue, funding_figures(year)) for year in summed]
    return FundingGroup(years, _trend(years), funding_frame(summed))
