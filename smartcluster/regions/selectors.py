"""Reads of NUTS regions: search, hierarchy, the versions a code exists in."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smartcluster.regions.models import Region


def region_list(
    *,
    query: str = "",
    level: int | None = None,
    version: int | None = None,
    country: str = "",
    code_prefix: str = "",
) -> QuerySet[Region]:
    """Regions matching a code-or-name search and the given filters, by code then newest version."""
    regions = Region.objects.all()
    query = query.strip()
    if query:
        regions = regions.filter(
            Q(code__istartswith=query) | Q(name__icontains=query) | Q(name_latn__icontains=query)
        )
    if code_prefix:
        regions = regions.filter(code__startswith=code_prefix.strip().upper())
    if level is not None:
        regions = regions.filter(level=level)
    if version is not None:
        regions = regions.filter(version=version)
    if country:
        regions = regions.filter(country=country.strip().upper())
    return regions.defer("boundary").order_by("code", "-version")


def region_get(*, code: str, version: int) -> Region:
    """One region by code and NUTS version (raises Region.DoesNotExist)."""
    return Region.objects.select_related("parent").get(code=code.upper(), version=version)


def region_latest_get(*, code: str) -> Region:
    """The newest version of a code (raises Region.DoesNotExist)."""
    region = Region.objects.filter(code=code.upper()).order_by("-version").first()
    if region is None:
        raise Region.DoesNotExist(f"no NUTS region {code}")
    return region


def region_versions(*, code: str) -> list[int]:
    """The NUTS versions (loaded here) in which a code exists, oldest first."""
    return sorted(Region.objects.filter(code=code.upper()).values_list("version", flat=True))


def region_ancestors(*, region: Region) -> list[Region]:
    """The chain from the country down to the region's parent."""
    chain: list[Region] = []
    parent = region.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return chain[::-1]


def region_children(*, region: Region) -> QuerySet[Region]:
    """The regions one level below, in the same NUTS version."""
    return region.children.defer("boundary").order_by("code")


def region_countries() -> list[str]:
    """Country codes present, for filters."""
    return sorted(set(Region.objects.filter(level=0).values_list("country", flat=True)))


def region_loaded_versions() -> list[int]:
    """The NUTS versions present in the database, oldest first."""
    return sorted(set(Region.objects.values_list("version", flat=True).distinct()))


def region_mapped_version(*, code: str) -> int | None:
    """The newest NUTS version in which this code has a boundary, if any."""
    return (Region.objects.filter(code=code.upper(), boundary__isnull=False).order_by("-version")
            .values_list("version", flat=True).first())
