"""Reads of NUTS regions, the public face other apps use: search, look-ups by code, form querysets, hierarchy,
the versions a code exists in, names and boundaries."""

from __future__ import annotations

from django.db.models import Count, Max, Q, QuerySet

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


def region_get(*, code: str, version: int | None = None) -> Region:
    """One region by code in a NUTS version, the newest holding the code when none is given (raises
    Region.DoesNotExist)."""
    if version is not None:
        return Region.objects.select_related("parent").get(code=code.upper(), version=version)
    region = Region.objects.select_related("parent").filter(code=code.upper()).order_by("-version").first()
    if region is None:
        raise Region.DoesNotExist(f"no NUTS region {code}")
    return region


def region_find(*, code: str, version: int | None = None) -> Region | None:
    """`region_get` for typed-in codes (any case, surrounding spaces): None instead of an exception."""
    try:
        return region_get(code=code.strip(), version=version)
    except Region.DoesNotExist:
        return None


def region_exists(*, code: str, max_level: int | None = None) -> bool:
    """Is `code`, exactly as written, a region of any version (at most `max_level` deep)?"""
    regions = Region.objects.filter(code=code)
    if max_level is not None:
        regions = regions.filter(level__lte=max_level)
    return regions.exists()


def region_queryset(
    *, level: int | None = None, max_level: int | None = None, version: int | None = None
) -> QuerySet[Region]:
    """Regions for a form's choice field (boundaries left out), by code then newest version."""
    regions = Region.objects.all()
    if level is not None:
        regions = regions.filter(level=level)
    if max_level is not None:
        regions = regions.filter(level__lte=max_level)
    if version is not None:
        regions = regions.filter(version=version)
    return regions.defer("boundary").order_by("code", "-version")


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


def region_loaded_versions(*, level: int | None = None) -> list[int]:
    """The NUTS versions present in the database (with regions of `level` when given), oldest first."""
    regions = Region.objects.all() if level is None else Region.objects.filter(level=level)
    return sorted(set(regions.values_list("version", flat=True).distinct()))


def region_mapped_version(*, code: str) -> int | None:
    """The newest NUTS version in which this code has a boundary, if any."""
    return (Region.objects.filter(code=code.upper(), boundary__isnull=False).order_by("-version")
            .values_list("version", flat=True).first())


def region_names(*, codes: list[str] | set[str], version: int) -> dict[str, str]:
    """Display names of codes in `version`, else in the newest version holding the code, else '' (so that a
    label never reads "EL61 EL61")."""
    names: dict[str, str] = {}
    rows = Region.objects.filter(code__in=list(codes)).order_by("code", "version").values_list(
        "code", "version", "name", "name_latn")
    for code, row_version, name, name_latn in rows:
        if code not in names or row_version == version or row_version > version:
            names[code] = name_latn or name
    return {code: names.get(code, "") for code in codes}


def region_boundaries(*, codes: list[str]) -> dict[str, dict[int, dict]]:
    """The boundaries (GeoJSON geometries) loaded for the codes, by code then NUTS version."""
    rows = Region.objects.filter(code__in=codes, boundary__isnull=False).values_list("code", "version", "boundary")
    shapes: dict[str, dict[int, dict]] = {}
    for code, row_version, boundary in rows:
        shapes.setdefault(code, {})[row_version] = boundary
    return shapes


def region_state_stamp() -> tuple[int, ...]:
    """What changes whenever the regions are loaded again: pages and boundaries computed before are stale then."""
    # The count alone is not enough: a reload of as many regions (with boundaries where there were none) must be
    # told apart; new rows always get new keys, and the boundaries counted tell the two apart.
    return tuple(Region.objects.aggregate(n=Count("pk"), last=Max("pk"), drawn=Count("boundary")).values())
