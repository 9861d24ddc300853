"""Reads of the clusters app: registry (profiles with filters, member counts, the ECCP minimum criteria with
translated reasons, clusters by region for the map and the atlas, and the mapping's figures beside a profile)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.accounts.permissions import can_change, editable_queryset, visible_queryset
from smartcluster.atlas import selectors as atlas
from smartcluster.clusters.choices import CategoryTaxonomy, MemberType
from smartcluster.clusters.models import (
    ClusterLabel,
    ClusterMember,
    ClusterProfile,
    ClusterService,
    InternationalAgreement,
    MemberCount,
)
from smartcluster.evaluation import CriterionCheck, eccp_minimum_criteria

__all__ = [
    "SIZE_BANDS", "EccpCheck", "cluster_category_names", "cluster_current_members", "cluster_eccp_checks", "cluster_member_counts",
    "cluster_member_get", "cluster_member_list", "cluster_member_year", "cluster_profile_editable",
    "cluster_profile_editable_list", "cluster_profile_for_organisation", "cluster_profile_get", "cluster_profile_list",
    "cluster_profiles_in_region", "cluster_region_counts", "cluster_row_get", "cluster_row_list", "cluster_size",
    "cluster_mapping_side_by_side",
]

# Size bands by current members (ours; the first bound is the ECCP minimum of 15 committed members [V]).
SIZE_BANDS: dict[str, tuple[Any, int, int | None]] = {
    "small": (gettext_lazy("fewer than 15 members"), 0, 14),
    "medium": (gettext_lazy("15–49 members"), 15, 49),
    "large": (gettext_lazy("50–149 members"), 50, 149),
    "very_large": (gettext_lazy("150 members or more"), 150, None),
}


def _profiles() -> QuerySet[ClusterProfile]:
    return ClusterProfile.objects.select_related("organisation", "organisation__region").prefetch_related(
        "categories", "labels", "regions_served", "organisation__technology_tags")


def cluster_profile_list(*, user: Any, region: str = "", category: str = "", technology: str = "", size: str = "",
                         label_kind: str = "", label_level: str = "", search: str = "") -> QuerySet[ClusterProfile]:
    """Profiles the user may read (published, or their own), narrowed by the filters: region by NUTS prefix (the
    organisation's region or a region served), category key, technology tag, size band, label kind and level,
    and words in the name or description."""
    queryset = visible_queryset(user, _profiles())
    if region:
        prefix = region.strip().upper()
        queryset = queryset.filter(Q(organisation__region__code__startswith=prefix)
                                   | Q(regions_served__code__startswith=prefix))
    if category:
        queryset = queryset.filter(categories__category=category.strip())
    if technology:
        queryset = queryset.filter(organisation__technology_tags__name__iexact=technology.strip())
    if label_kind:
        queryset = queryset.filter(labels__kind=label_kind)
    if label_level:
        queryset = queryset.filter(labels__level=label_level)
    if search:
        words = search.strip()
        queryset = queryset.filter(Q(organisation__name__icontains=words)
                                   | Q(organisation__description__icontains=words))
    queryset = queryset.distinct()
    if size in SIZE_BANDS:
        _, low, high = SIZE_BANDS[size]
        sizes = {profile.pk: cluster_size(profile) for profile in queryset}
        queryset = queryset.filter(pk__in=[pk for pk, members in sizes.items()
                                           if low <= members and (high is None or members <= high)])
    return queryset.order_by("organisation__name")


def cluster_profile_get(*, user: Any, profile_id: int) -> ClusterProfile:
    """One profile the user may read (404 otherwise)."""
    return get_object_or_404(visible_queryset(user, _profiles()), pk=profile_id)


def cluster_profile_editable(*, user: Any, profile_id: int) -> ClusterProfile:
    """One profile the user may read; PermissionDenied when they may not change it."""
    profile = cluster_profile_get(user=user, profile_id=profile_id)
    if not can_change(user, profile):
        raise PermissionDenied(_("Only the cluster's editors and administrators change its profile."))
    return profile


def cluster_profile_editable_list(*, user: Any) -> QuerySet[ClusterProfile]:
    """The profiles the user may change (those of the organisations it edits; administrators: all)."""
    return editable_queryset(user, ClusterProfile.objects.select_related("organisation"))


def cluster_profile_for_organisation(*, organisation_id: int) -> ClusterProfile | None:
    """The organisation's cluster profile, if it has one."""
    return ClusterProfile.objects.filter(organisation_id=organisation_id).first()


def cluster_member_year(profile: ClusterProfile) -> int | None:
    """The year the profile's member figures are for: this year for a member list, else the latest year counted."""
    if profile.keeps_member_list:
        return timezone.now().year
    return profile.member_counts.order_by("-year").values_list("year", flat=True).first()


def cluster_current_members(profile: ClusterProfile, year: int) -> QuerySet[ClusterMember]:
    """Members at 31 December of `year` (methods §1 counts members then): joined by the year and not left in it or
    before."""
    return profile.members.filter(Q(year_left__isnull=True) | Q(year_left__gt=year), year_joined__lte=year)


def cluster_member_counts(profile: ClusterProfile, year: int | None) -> dict[str, int]:
    """Members by type at 31 December of `year` (every type, 0 where none): from the list when the cluster keeps one
    (`cluster_current_members`), else its counts of that year."""
    counts = dict.fromkeys(MemberType.values, 0)
    if year is None:
        return counts
    if profile.keeps_member_list:
        counts.update(Counter(cluster_current_members(profile, year).values_list("member_type", flat=True)))
    else:
        counts.update(dict(MemberCount.objects.filter(profile=profile, year=year)
                           .values_list("member_type", "count")))
    return counts


def _committed_members(profile: ClusterProfile, year: int | None) -> int | None:
    """Committed members: flagged members of a list; all counted members otherwise (counts are of members)."""
    if year is None:
        return None
    if profile.keeps_member_list:
        return cluster_current_members(profile, year).filter(committed=True).count()
    return sum(cluster_member_counts(profile, year).values())


def cluster_size(profile: ClusterProfile) -> int:
    """Members now (the latest counted year for a cluster without a list)."""
    return sum(cluster_member_counts(profile, cluster_member_year(profile)).values())


@dataclass(frozen=True)
class EccpCheck:
    """One ECCP minimum criterion as a page shows it: what is required, met or not, and why (translated)."""

    key: str
    criterion: str
    met: bool
    reason: str


def _eccp_criterion(check: CriterionCheck) -> str:
    """What the criterion requires, with the library's minimum (ECCP [V])."""
    required = {"required": _number(check.required)}
    return {"management_fte": _("≥ %(required)s FTE cluster-management staff") % required,
            "website": _("A website"),
            "committed_members": _("≥ %(required)s committed members") % required,
            "member_types": _("≥ %(required)s member types (or visible work with public bodies)") % required,
            }[check.key]


def _number(value: float | str | None) -> str:
    return f"{value:g}" if isinstance(value, float | int) else str(value or "")


def _eccp_reason(check: CriterionCheck) -> str:
    """The library's reason (`code`, value, required) in the user's language."""
    what = {"management_fte": _("cluster-management FTE"), "committed_members": _("committed members"),
            "member_types": _("member types")}.get(check.key, "")
    values = {"what": what, "value": _number(check.value), "required": _number(check.required)}
    texts = {
        ("website", "met"): _("website %(value)s"),
        ("website", "not_recorded"): _("no website given"),
        ("website", "not_a_web_address"): _("“%(value)s” is not a web address (http/https)"),
        ("member_types", "public_bodies"): _("fewer than 2 member types, but visible work with public bodies"),
    }
    generic = {"met": _("%(what)s: %(value)s (at least %(required)s required)"),
               "below_minimum": _("%(what)s: %(value)s; at least %(required)s required"),
               "not_recorded": _("%(what)s: not recorded; at least %(required)s required")}
    text = texts.get((check.key, check.code)) or generic.get(check.code)
    return text % values if text else check.reason


def cluster_eccp_checks(profile: ClusterProfile) -> list[EccpCheck]:
    """The four ECCP minimum criteria (`evaluation.eccp_minimum_criteria`) for the profile's current figures."""
    year = cluster_member_year(profile)
    fte = profile.management_fte
    checks = eccp_minimum_criteria(
        management_fte=None if fte is None else float(fte), committed_members=_committed_members(profile, year),
        member_types=cluster_member_counts(profile, year) if year is not None else None,
        website=profile.organisation.website)
    return [EccpCheck(check.key, _eccp_criterion(check), check.met, _eccp_reason(check)) for check in checks]


def cluster_member_list(*, user: Any, profile: ClusterProfile) -> tuple[list[ClusterMember], int]:
    """Current members shown to the user (their organisation published, or the user edits the cluster) and how
    many more members are not listed publicly."""
    members = list(cluster_current_members(profile, timezone.now().year).select_related("organisation"))
    if can_change(user, profile):
        return members, 0
    shown = [member for member in members if member.organisation.is_published]
    return shown, len(members) - len(shown)


def cluster_member_get(*, profile: ClusterProfile, member_id: int) -> ClusterMember:
    """One member of the profile, with its organisation (404 otherwise)."""
    return get_object_or_404(ClusterMember.objects.select_related("organisation"), pk=member_id, profile=profile)


# The profile's rows edited on one pattern, by the kind named in the URL.
_ROW_MODELS: dict[str, type[ClusterService | ClusterLabel | InternationalAgreement]] = {
    "services": ClusterService, "labels": ClusterLabel, "agreements": InternationalAgreement}


def cluster_row_list(*, profile: ClusterProfile, kind: str) -> QuerySet[Any]:
    """The profile's services, labels or agreements (`kind`)."""
    return _ROW_MODELS[kind].objects.filter(profile=profile)


def cluster_row_get(*, profile: ClusterProfile, kind: str, row_id: int) -> Any:
    """One service, label or agreement (`kind`) of the profile (404 otherwise)."""
    return get_object_or_404(_ROW_MODELS[kind], pk=row_id, profile=profile)


def cluster_profiles_in_region(*, user: Any, code: str) -> QuerySet[ClusterProfile]:
    """Cluster profiles active in a region: the organisation's region or a region served is the region or inside
    it (NUTS prefix), or contains it (a national cluster serving the country)."""
    code = code.strip().upper()
    containing = [code[:length] for length in range(2, len(code))]
    inside = (Q(organisation__region__code__startswith=code) | Q(regions_served__code__startswith=code)
              | Q(organisation__region__code__in=containing) | Q(regions_served__code__in=containing))
    return visible_queryset(user, _profiles()).filter(inside).distinct().order_by("organisation__name")


def cluster_region_counts(*, user: Any, level: int = 2) -> dict[str, int]:
    """Cluster organisations per NUTS region of `level` (by the organisation's region, its code cut to the level)
    for the map; organisations of a coarser region are not drawn."""
    length = 2 + level  # a NUTS code is the country and one character per level
    codes = visible_queryset(user, ClusterProfile.objects.all()).values_list("organisation__region__code", flat=True)
    return dict(Counter(code[:length] for code in codes if code and len(code) >= length))


def cluster_category_names() -> dict[tuple[str, str], str]:
    """Category name by (taxonomy, category key), from the mapping taxonomies."""
    names = {}
    for taxonomy in CategoryTaxonomy.values:
        table = atlas.taxonomy_get(name=taxonomy).table.drop_duplicates("category")
        names.update({(taxonomy, str(key)): name for key, name in zip(table["category"], table["category_name"],
                                                                       strict=True)})
    return names


def _profile_regions(profile: ClusterProfile, nuts_level: int) -> list[str]:
    """The codes the mapping shows for the profile: its organisation's region, then the regions served, cut to
    the mapping's NUTS level (a NUTS 3 cluster is read in its NUTS 2 region)."""
    length = 2 + nuts_level
    codes = [profile.organisation.region.code] if profile.organisation.region_id else []
    codes += [region.code for region in profile.regions_served.all()]
    return list(dict.fromkeys(code[:length] for code in codes if len(code) >= length))


def _float(value: Any) -> float | None:
    """A figure of the engine's table, None where it is unknown (NaN or NA)."""
    return None if pd.isna(value) else float(value)


def _region_year(result: Any, code: str, default: int) -> int:
    """The atlas's default year, or the region's latest year with employment when it has none then."""
    known = atlas.region_totals(result=result, code=code).dropna(subset=["employment_covered"])
    years = [int(year) for year in known["year"]]
    return default if default in years or not years else max(years)


def _side_rows(result: Any, taxonomy: str, code: str, wanted: list[str], names: dict) -> list[dict[str, Any]]:
    """The engine's figures of the wanted categories in one region (blank where the data hold none)."""
    year = _region_year(result, code, atlas.year_default(result=result))
    table = atlas.portfolio_table(result=result, code=code, year=year).set_index("category")
    rows = []
    for category in wanted:
        found = table.loc[category] if category in table.index else None
        figures = {key: None if found is None else _float(found[key]) for key in ("stars", "lq", "employment", "cagr")}
        rows.append({"taxonomy": taxonomy, "category": category, "region": code, "year": year,
                     "category_name": names.get((taxonomy, category), category),
                     "period": "" if found is None else found["period"], **figures,
                     "growth_percent": None if figures["cagr"] is None else 100 * figures["cagr"]})
    return rows


def cluster_mapping_side_by_side(*, profile: ClusterProfile, dataset: str | None = None) -> dict[str, Any]:
    """For each category the profile covers, in each of its regions: the mapping engine's stars, LQ, employment and
    employment growth per year (CAGR) from the dataset chosen (the atlas's default when empty), with the dataset's
    vintage, in the atlas's year (or the region's latest year with data); {"unavailable": why} when the store
    cannot say."""
    categories = list(profile.categories.all())
    try:
        chosen = atlas.dataset_chosen(name=dataset)
    except (atlas.AtlasUnavailable, atlas.AtlasNotFound) as error:
        return {"unavailable": getattr(error, "message", str(error)), "rows": []}
    names = cluster_category_names()
    rows: list[dict[str, Any]] = []
    for taxonomy in CategoryTaxonomy.values:
        wanted = [c.category for c in categories if c.taxonomy == taxonomy]
        if not wanted or taxonomy not in chosen.taxonomies:
            continue
        try:
            result = atlas.atlas_result_get(params=atlas.atlas_params(dataset=chosen, taxonomy=taxonomy))
        except atlas.AtlasUnavailable:
            continue
        for code in _profile_regions(profile, chosen.nuts_level):
            rows += _side_rows(result, taxonomy, code, wanted, names)
    return {"dataset": chosen.dataset, "vintage": atlas.dataset_vintage(dataset=chosen)["label"], "rows": rows,
            "datasets": atlas.datasets_offered()}
