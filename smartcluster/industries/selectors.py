"""Reads of NACE Rev. 2, the public face other apps use: search, look-ups by code, form querysets, hierarchy,
names."""

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


def industry_find(*, code: str, level: int | None = None) -> Industry | None:
    """`industry_get` for typed-in codes (any case, surrounding spaces, of `level` when given): None when unknown."""
    code = code.strip()
    industries = Industry.objects.filter(Q(code__iexact=code) | Q(eurostat_code__iexact=code))
    if level is not None:
        industries = industries.filter(level=level)
    return industries.first()


def industry_exists(*, code: str, level: int | None = None) -> bool:
    """Is `code`, exactly as written, an official NACE code (of `level` when given)?"""
    industries = Industry.objects.filter(code=code)
    if level is not None:
        industries = industries.filter(level=level)
    return industries.exists()


def industry_queryset(*, level: int | None = None, max_level: int | None = None) -> QuerySet[Industry]:
    """NACE items for a form's choice field, in classification order."""
    industries = Industry.objects.all()
    if level is not None:
        industries = industries.filter(level=level)
    if max_level is not None:
        industries = industries.filter(level__lte=max_level)
    return industries.order_by("eurostat_code")


def industry_names(*, codes: list[str]) -> dict[str, str]:
    """NACE names by Eurostat code (C10, C1011), '' when unknown."""
    names = dict(Industry.objects.filter(eurostat_code__in=codes).values_list("eurostat_code", "name"))
    return {code: names.get(code, "") for code in codes}


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
