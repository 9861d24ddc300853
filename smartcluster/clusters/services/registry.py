"""Writes of the clusters app: registry (cluster profiles, members, member counts, services, labels and
international agreements, and the registry's XLSX/CSV import).

Every function raises `PermissionDenied` when the user may not make the change (and changes nothing), and
`ValidationError` naming the field when the data is wrong. A cluster manager is an editor of the cluster's
organisation (`accounts.permissions.can_change`); administrators change every profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.atlas.selectors import taxonomy_get
from smartcluster.clusters.choices import CategoryTaxonomy, MemberType
from smartcluster.clusters.models import (
    ClusterCategory,
    ClusterLabel,
    ClusterMember,
    ClusterProfile,
    ClusterService,
    InternationalAgreement,
    MemberCount,
)
from smartcluster.organisations.choices import OrganisationType, TagKind
from smartcluster.organisations.selectors import organisation_with_name
from smartcluster.organisations.services import organisation_get_or_create, tag_list_get_or_create

__all__ = [
    "MEMBER_ORGANISATION_TYPE", "cluster_label_delete", "cluster_label_save", "cluster_member_add",
    "cluster_member_remove", "cluster_member_update", "cluster_profile_create", "cluster_profile_load",
    "cluster_profile_update", "cluster_service_delete", "cluster_service_save", "international_agreement_delete",
    "international_agreement_save", "member_counts_save", "registry_categories_checked",
]

PROFILE_FIELDS = ("legal_form", "founding_year", "keeps_member_list", "management_fte", "has_strategy",
                  "eccp_profile_url", "is_published")
MEMBER_FIELDS = ("member_type", "year_joined", "year_left", "committed", "uses_services")
SERVICE_FIELDS = ("kind", "description", "year", "members_served")
LABEL_FIELDS = ("kind", "name", "level", "year", "expires_on", "certificate_url")
AGREEMENT_FIELDS = ("partner_name", "country", "year", "subject")

# The organisation type a member organisation gets when the registry creates it (member type → organisation type).
MEMBER_ORGANISATION_TYPE = {
    MemberType.SME: OrganisationType.SME,
    MemberType.LARGE_FIRM: OrganisationType.LARGE_COMPANY,
    MemberType.RESEARCH_EDUCATION: OrganisationType.RESEARCH,
    MemberType.PUBLIC: OrganisationType.PUBLIC_AUTHORITY,
    MemberType.OTHER: OrganisationType.INTERMEDIARY,
}


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not make this change."))


def _assign(record: models.Model, data: Mapping[str, Any], fields: Iterable[str]) -> None:
    unknown = set(data) - set(fields)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in data.items():
        setattr(record, name, value)


def _saved(record: models.Model) -> models.Model:
    """The record checked (fields and constraints, the field named) and saved."""
    record.full_clean()
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:  # a concurrent write passed the same check first
        raise ValidationError(_("This record was just saved by someone else; reload and try again.")) from error
    return record


def _may_edit(user: Any, profile: ClusterProfile) -> None:
    _require(can_change(user, profile))


def registry_categories_checked(categories: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(taxonomy, category key) pairs checked against the mapping taxonomies, duplicates dropped; an unknown
    taxonomy or key is refused naming `categories`."""
    checked: list[tuple[str, str]] = []
    for taxonomy, category in categories:
        taxonomy, category = str(taxonomy).strip(), str(category).strip()
        if taxonomy not in CategoryTaxonomy.values:
            raise ValidationError({"categories": _("“%(taxonomy)s” is not a taxonomy of the registry (use %(known)s).")
                                   % {"taxonomy": taxonomy, "known": ", ".join(CategoryTaxonomy.values)}})
        keys = set(taxonomy_get(name=taxonomy).table["category"].astype(str))
        if category not in keys:
            raise ValidationError({"categories": _("“%(category)s” is not a category of %(taxonomy)s.")
                                   % {"category": category, "taxonomy": CategoryTaxonomy(taxonomy).label}})
        if (taxonomy, category) not in checked:
            checked.append((taxonomy, category))
    return checked


def _contacts_checked(profile: ClusterProfile, contacts: Iterable[Any]) -> list[Any]:
    contacts = list(contacts)
    strangers = [person.name for person in contacts if person.organisation_id != profile.organisation_id]
    if strangers:
        raise ValidationError({"contacts": _("Contact persons must be people of %(organisation)s: %(names)s is not.")
                               % {"organisation": profile.organisation.name, "names": ", ".join(strangers)}})
    return contacts


def _profile_saved(profile: ClusterProfile, data: Mapping[str, Any], *, categories: Iterable[tuple[str, str]] | None,
                   technology_tags: Iterable[str] | None, regions_served: Iterable[Any] | None,
                   contacts: Iterable[Any] | None) -> ClusterProfile:
    """Fields, categories, the organisation's technology tags, regions served and contacts, all or nothing."""
    _assign(profile, data, PROFILE_FIELDS)
    checked = registry_categories_checked(categories) if categories is not None else None
    people = _contacts_checked(profile, contacts) if contacts is not None else None
    with transaction.atomic():
        _saved(profile)
        if checked is not None:
            profile.categories.exclude(
                pk__in=[c.pk for c in profile.categories.all() if (c.taxonomy, c.category) in checked]).delete()
            for taxonomy, category in checked:
                ClusterCategory.objects.get_or_create(profile=profile, taxonomy=taxonomy, category=category)
        if technology_tags is not None:
            profile.organisation.technology_tags.set(
                tag_list_get_or_create(names=technology_tags, kind=TagKind.TECHNOLOGY))
        if regions_served is not None:
            profile.regions_served.set(list(regions_served))
        if people is not None:
            profile.contacts.set(people)
    return profile


def _new_profile(organisation: Any) -> ClusterProfile:
    if organisation.type != OrganisationType.CLUSTER:
        raise ValidationError({"organisation": _("“%(name)s” is of type %(type)s: only an organisation of type "
                                                 "“%(cluster)s” has a cluster profile (change its type first).")
                               % {"name": organisation.name, "type": organisation.get_type_display(),
                                  "cluster": OrganisationType.CLUSTER.label}})
    if ClusterProfile.objects.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": _("“%(name)s” already has a cluster profile.")
                               % {"name": organisation.name}})
    return ClusterProfile(organisation=organisation)


def cluster_profile_create(*, user: Any, organisation: Any, data: Mapping[str, Any] | None = None,
                           categories: Iterable[tuple[str, str]] | None = None,
                           technology_tags: Iterable[str] | None = None, regions_served: Iterable[Any] | None = None,
                           contacts: Iterable[Any] | None = None) -> ClusterProfile:
    """The cluster profile of an organisation of type cluster (one per organisation): its editors or an
    administrator."""
    _require(can_create_for(user, organisation.pk))
    return _profile_saved(_new_profile(organisation), data or {}, categories=categories,
                          technology_tags=technology_tags, regions_served=regions_served, contacts=contacts)


def cluster_profile_update(*, user: Any, profile: ClusterProfile, data: Mapping[str, Any] | None = None,
                           categories: Iterable[tuple[str, str]] | None = None,
                           technology_tags: Iterable[str] | None = None, regions_served: Iterable[Any] | None = None,
                           contacts: Iterable[Any] | None = None) -> ClusterProfile:
    """Change a profile's fields (and, when given, categories, technology tags, regions served, contacts)."""
    _may_edit(user, profile)
    profile = ClusterProfile.objects.select_related("organisation").get(pk=profile.pk)
    return _profile_saved(profile, data or {}, categories=categories, technology_tags=technology_tags,
                          regions_served=regions_served, contacts=contacts)


def cluster_profile_load(*, organisation: Any, data: Mapping[str, Any] | None = None,
                         categories: Iterable[tuple[str, str]] | None = None,
                         technology_tags: Iterable[str] | None = None, regions_served: Iterable[Any] | None = None,
                         contacts: Iterable[Any] | None = None) -> ClusterProfile:
    """The organisation's profile created or brought to `data`, checked but with nobody's rights: for the
    platform's own loaders (the demo) and the import once it checked the user's."""
    profile = ClusterProfile.objects.filter(organisation=organisation).first() or _new_profile(organisation)
    return _profile_saved(profile, data or {}, categories=categories, technology_tags=technology_tags,
                          regions_served=regions_served, contacts=contacts)


def _member_organisation(user: Any, name: str, member_type: str, fields: Mapping[str, Any]) -> Any:
    """The organisation a member row names: an existing published one (a public listing names no secret), one
    the user belongs to, or a new unpublished one (organisations' one find-or-create by name)."""
    existing = organisation_with_name(name=name)
    vouched = [existing.pk] if existing is not None and existing.is_published else []
    kind = MEMBER_ORGANISATION_TYPE.get(member_type, OrganisationType.INTERMEDIARY)
    try:
        return organisation_get_or_create(user=user, name=name, vouched_ids=vouched, **{"type": kind, **fields})
    except ValidationError as error:
        raise ValidationError({"organisation": error.message_dict.get("organisation_name", error.messages)}) from error


def cluster_member_add(*, user: Any, profile: ClusterProfile, data: Mapping[str, Any], organisation: Any = None,
                       organisation_name: str = "", organisation_fields: Mapping[str, Any] | None = None
                       ) -> ClusterMember:
    """A member of the cluster: `organisation`, or the one `organisation_name` names (found or created, never a
    copy); an organisation is a member once."""
    _may_edit(user, profile)
    with transaction.atomic():
        if organisation is None:
            if not organisation_name.strip():
                raise ValidationError({"organisation": _("Name the member organisation.")})
            organisation = _member_organisation(user, organisation_name, data.get("member_type", ""),
                                                organisation_fields or {})
        if ClusterMember.objects.filter(profile=profile, organisation=organisation).exists():
            raise ValidationError({"organisation": _("“%(name)s” is already a member.") % {"name": organisation.name}})
        member = ClusterMember(profile=profile, organisation=organisation)
        _assign(member, data, MEMBER_FIELDS)
        return _saved(member)


def cluster_member_update(*, user: Any, member: ClusterMember, data: Mapping[str, Any]) -> ClusterMember:
    """Change a member's type, years, commitment or use of services."""
    _require(can_change(user, member))
    member = ClusterMember.objects.get(pk=member.pk)
    _assign(member, data, MEMBER_FIELDS)
    return _saved(member)


def cluster_member_remove(*, user: Any, member: ClusterMember) -> None:
    """Delete a member row (to record that it left, set `year_left` instead)."""
    _require(can_change(user, member))
    member.delete()


def member_counts_save(*, user: Any, profile: ClusterProfile, year: int, counts: Mapping[str, int]
                       ) -> list[MemberCount]:
    """The members by type at 31 December of `year` (for a cluster that keeps no list): the year's counts replaced
    by `counts` (types not given are removed); each count a whole number ≥ 0, named `counts.<type>` when not."""
    _may_edit(user, profile)
    unknown = set(counts) - set(MemberType.values)
    if unknown:
        raise ValidationError({"counts": _("Unknown member types: %(types)s.") % {"types": ", ".join(sorted(unknown))}})
    rows = []
    for member_type, count in counts.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValidationError({f"counts.{member_type}": _("“%(value)s” is not a count of members (a whole "
                                                              "number, 0 or more).") % {"value": count}})
        rows.append(MemberCount(profile=profile, year=year, member_type=member_type, count=count))
    with transaction.atomic():
        profile.member_counts.filter(year=year).delete()
        return [_saved(row) for row in rows]


def _child_save(user: Any, profile: ClusterProfile, model: type[models.Model], fields: Iterable[str],
                data: Mapping[str, Any], record: models.Model | None) -> Any:
    """A new row of the profile (`record` None) or a change to one of its rows."""
    if record is None:
        _may_edit(user, profile)
        record = model(profile=profile)
    else:
        _require(can_change(user, record) and record.profile_id == profile.pk)
        record = model.objects.get(pk=record.pk)
    _assign(record, data, fields)
    return _saved(record)


def _child_delete(user: Any, record: models.Model) -> None:
    _require(can_change(user, record))
    record.delete()


def cluster_service_save(*, user: Any, profile: ClusterProfile, data: Mapping[str, Any],
                         service: ClusterService | None = None) -> ClusterService:
    """A service of the catalogue offered in a year (once per kind and year), with the members it served."""
    return _child_save(user, profile, ClusterService, SERVICE_FIELDS, data, service)


def cluster_service_delete(*, user: Any, service: ClusterService) -> None:
    _child_delete(user, service)


def cluster_label_save(*, user: Any, profile: ClusterProfile, data: Mapping[str, Any],
                       label: ClusterLabel | None = None) -> ClusterLabel:
    """A label the cluster holds (kind, level, year awarded, expiry)."""
    return _child_save(user, profile, ClusterLabel, LABEL_FIELDS, data, label)


def cluster_label_delete(*, user: Any, label: ClusterLabel) -> None:
    _child_delete(user, label)


def international_agreement_save(*, user: Any, profile: ClusterProfile, data: Mapping[str, Any],
                                 agreement: InternationalAgreement | None = None) -> InternationalAgreement:
    """A cooperation agreement with an organisation abroad (country as a two-letter code)."""
    data = {**data, "country": str(data["country"]).strip().upper()} if "country" in data else data
    return _child_save(user, profile, InternationalAgreement, AGREEMENT_FIELDS, data, agreement)


def international_agreement_delete(*, user: Any, agreement: InternationalAgreement) -> None:
    _child_delete(user, agreement)
