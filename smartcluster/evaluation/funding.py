"""Funding structures of a cluster organisation per year: revenue by source, public dependency, core vs project
funding, secured horizon, revenue per member and per FTE, and the "public dependency rising" flag.

Definitions: methods/evaluation.md §1 "Default criteria set [Ours]", Financing rows; the flag: §1 "Scoring
[Ours]" ("shares and public dependency as 3–5-year series, flagged after three rises running").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pandas as pd

from smartcluster.evaluation.errors import EvaluationError, unknown_keys_refused

SHARES_TOLERANCE = 0.5  # issue #16: shares must sum to 100 ± 0.5 (rounding of reported percentages)
RISES_FLAGGED = 3  # methods §1 [Ours]: flagged after three rises running


class Source(StrEnum):
    """Revenue sources (methods §1, "source shares")."""

    REGIONAL_GRANTS = "regional_grants"
    NATIONAL_GRANTS = "national_grants"
    EU_GRANTS = "eu_grants"
    MEMBERSHIP_FEES = "membership_fees"
    PAID_SERVICES = "paid_services"
    PROJECT_INCOME = "project_income"
    SPONSORSHIP_OTHER = "sponsorship_other"


PUBLIC_SOURCES = (Source.REGIONAL_GRANTS, Source.NATIONAL_GRANTS, Source.EU_GRANTS)


@dataclass(frozen=True)
class FundingYear:
    """What a cluster reports for one year; amounts in EUR, `source_shares` in % of `revenue` by `Source`."""

    year: int
    revenue: float
    source_shares: Mapping[str, float]
    core_funding: float | None = None  # multi-year basic funding
    annual_cost: float | None = None
    contracted_next_12_months: float | None = None
    contracted_next_36_months: float | None = None
    members: int | None = None
    management_fte: float | None = None


AMOUNTS = ("revenue", "core_funding", "annual_cost", "contracted_next_12_months", "contracted_next_36_months",
           "members", "management_fte")


@dataclass(frozen=True)
class FundingFigures:
    year: int
    revenue_by_source: Mapping[str, float]  # EUR
    public_dependency: float  # %
    core_share: float | None  # %
    project_share: float | None  # %
    secured_12_months: float | None  # ratio to annual cost
    secured_36_months: float | None
    revenue_per_member: float | None  # EUR
    revenue_per_fte: float | None  # EUR


@dataclass(frozen=True)
class DependencyTrend:
    rises_running: int  # year-on-year rises up to the latest year, consecutive years only
    rising: bool


def source_shares_checked(shares: Mapping[str, Any]) -> dict[str, float]:
    """The shares by source (every source, 0 where not given), refused naming the field when a source is
    unknown, a share is not a number from 0 to 100, or the shares do not sum to 100 ± 0.5."""
    unknown_keys_refused(shares, Source, field="source_shares", code="unknown_source", what="revenue source")
    checked = {}
    for source in Source:
        value = shares.get(source.value, 0) or 0
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise EvaluationError(f"source_shares.{source}", "share_out_of_range",
                                  f"'{value}' is not a share from 0 to 100 %")
        checked[source.value] = float(value)
    total = sum(checked.values())
    if abs(total - 100) > SHARES_TOLERANCE:
        raise EvaluationError("source_shares", "shares_not_100",
                              f"the shares sum to {total:g} %, not 100 % (± {SHARES_TOLERANCE:g})")
    return checked


def _per(amount: float | None, base: float | None) -> float | None:
    return amount / base if amount is not None and base else None


def funding_figures(year: FundingYear) -> FundingFigures:
    """The derived figures of one funding year (refuses bad shares or amounts, naming the field)."""
    for name in AMOUNTS:
        amount = getattr(year, name)
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int | float)
                                   or not 0 <= amount < math.inf):
            raise EvaluationError(name, "negative_or_infinite", f"'{amount}' must be a finite number ≥ 0")
    if year.revenue is None or year.revenue <= 0:
        raise EvaluationError("revenue", "not_positive", "the total revenue must be greater than 0")
    shares = source_shares_checked(year.source_shares)
    if year.core_funding is not None and not 0 <= year.core_funding <= year.revenue:
        raise EvaluationError("core_funding", "above_revenue", "core funding must lie between 0 and the revenue")
    core = _per(year.core_funding, year.revenue)
    return FundingFigures(
        year=year.year,
        revenue_by_source={source: year.revenue * share / 100 for source, share in shares.items()},
        public_dependency=sum(shares[source] for source in PUBLIC_SOURCES),  # §1: all public grants / revenue
        core_share=None if core is None else 100 * core,  # §1: multi-year basic funding / total
        project_share=None if core is None else 100 * (1 - core),
        secured_12_months=_per(year.contracted_next_12_months, year.annual_cost),  # §1: contracted / annual cost
        secured_36_months=_per(year.contracted_next_36_months, year.annual_cost),
        revenue_per_member=_per(year.revenue, year.members),  # §1: revenue / members
        revenue_per_fte=_per(year.revenue, year.management_fte),  # §1: revenue / FTE
    )


def funding_inputs(year: FundingYear) -> dict[str, float | None]:
    """The figures a criteria set's financing indicators read (what pre-fills the self-evaluation)."""
    figures = funding_figures(year)
    return {"revenue": year.revenue, "public_grants": year.revenue * figures.public_dependency / 100,
            "core_funding": year.core_funding, "annual_cost": year.annual_cost,
            "contracted_next_12_months": year.contracted_next_12_months,
            "contracted_next_36_months": year.contracted_next_36_months}


def public_dependency_trend(series: Mapping[int, float], rises: int = RISES_FLAGGED) -> DependencyTrend:
    """Rises running up to the latest year of a year → public dependency (%) series; flagged at `rises`.
    A gap between years or a flat year ends the run (30/35/40/45 → 3, flagged; 30/35/33/40 → 1)."""
    years = sorted(series)
    running = 0
    for later, earlier in zip(reversed(years), reversed(years[:-1]), strict=False):
        if later - earlier != 1 or not series[later] > series[earlier]:
            break
        running += 1
    return DependencyTrend(running, running >= rises)


def funding_frame(years: Iterable[FundingYear]) -> pd.DataFrame:
    """Revenue by source over the years, one row per year and source (year, source, share, amount): the
    table behind the stacked charts."""
    rows = [{"year": year.year, "source": source, "share": 100 * amount / year.revenue, "amount": amount}
            for year in years for source, amount in funding_figures(year).revenue_by_source.items()]
    return pd.DataFrame(rows, columns=["year", "source", "share", "amount"])
