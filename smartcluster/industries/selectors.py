"""Reads of NACE Rev. 2: search and hierarchy."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smartcluster.industries.models import Industry


def industry_list(
    *, query: str = "", level: int | None = None, section: str = "", code_prefix: str = ""
) -> QuerySet[Industry]:
    """Industries matching a code-or-name search and the given filters, in classification order."""
    industries = Industry.objects.all()
    query = query.strip()
    if query:
        industries = industries.filter(
            Q(code__istartswith=query) | Q(eurostat_code__istartswith=query) | Q(name__icontains=query)
        )
    if code_prefix:
        prefix = code_prefix.strip()
        industries = industries.filter(Q(code__startswith=prefix) | Q(eurostat_code__startswith=prefix.upper()))
    if level is not None:
        industries = industries.filter(level=level)
    if section:
        industries = industries.filter(section=section.strip().upper())
    return industries.order_by("eurostat_code")


def industry_get(*, code: str) -> Industry:
    """One NACE item by its official code (`C`, `26`, `26.1`, `26.11`) or Eurostat code (`C2611`)."""
    return Industry.objects.select_related("parent").get(Q(code=code) | Q(eurostat_code=code.upper()))


def industry_ancestors(*, industry: Industry) -> list[Industry]:
    """The chain from the section down to the item's parent."""
    chain: list[Industry] = []
    parent = industry.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return chain[::-1]


def industry_children(*, industry: Industry) -> QuerySet[Industry]:
    """The items one level below."""
    return industry.children.order_by("eurostat_code")


def industry_sections() -> QuerySet[Industry]:
    """The 21 sections, for filters."""
    return Industry.objects.filter(level=1).order_by("code")
