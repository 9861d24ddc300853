"""Writes of the clusters app: registry (cluster profiles, members, member counts, services, labels and
international agreements, and the registry's XLSX/CSV import).

Every function raises `PermissionDenied` when the user may not make the change (and changes nothing), and
`ValidationError` naming the field when the data is wrong. A cluster manager is an editor of the cluster's
organisation (`accounts.permissions.can_change`); administrators change every profile.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.atlas.selectors import taxonomy_get
from smartcluster.clusters.choices import (
    CategoryTaxonomy,
    LabelKind,
    LabelLevel,
    LegalForm,
    MemberType,
    ServiceKind,
)
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
from smartcluster.regions.selectors import region_find
from smartcluster.sources.imports import ImportRefused, Row, RowProblem, sheet_rows

__all__ = [
    "MEMBER_ORGANISATION_TYPE", "REGISTRY_REQUIRED", "REGISTRY_SHEETS", "cluster_label_delete",
    "cluster_label_save", "cluster_member_add", "cluster_member_load", "cluster_member_remove",
    "cluster_member_update", "cluster_profile_create", "cluster_profile_load", "cluster_profile_update",
    "cluster_row_load", "cluster_service_delete", "cluster_service_save", "international_agreement_delete",
    "international_agreement_save", "member_counts_load", "member_counts_save", "registry_categories_checked",
    "registry_import",
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
        named = error.message_dict.get("organisation_name") if hasattr(error, "error_dict") else None
        raise ValidationError({"organisation": named or error.messages}) from error


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


def cluster_member_load(*, profile: ClusterProfile, organisation: Any, data: Mapping[str, Any]) -> ClusterMember:
    """The organisation's membership of the cluster created or brought to `data`, with nobody's rights checked:
    for the platform's own loaders (the demo), which name organisations they made or found themselves."""
    member = ClusterMember.objects.filter(profile=profile, organisation=organisation).first() or ClusterMember(
        profile=profile, organisation=organisation)
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
    return member_counts_load(profile=profile, year=year, counts=counts)


def member_counts_load(*, profile: ClusterProfile, year: int, counts: Mapping[str, int]) -> list[MemberCount]:
    """`member_counts_save` with nobody's rights checked: for the platform's own loaders (the demo)."""
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


def cluster_row_load(*, profile: ClusterProfile, kind: str, data: Mapping[str, Any]) -> Any:
    """A service (same kind and year), label (same kind and year) or agreement (same partner and year) of the
    profile created or brought to `data`, with nobody's rights checked: for the platform's own loaders (the demo).
    `kind` is "services", "labels" or "agreements"."""
    model, fields, keys = {"services": (ClusterService, SERVICE_FIELDS, ("kind", "year")),
                           "labels": (ClusterLabel, LABEL_FIELDS, ("kind", "year")),
                           "agreements": (InternationalAgreement, AGREEMENT_FIELDS, ("partner_name", "year"))}[kind]
    record = model.objects.filter(profile=profile, **{key: data.get(key) for key in keys}).first() or model(
        profile=profile)
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


# The registry workbook: sheet → {field: column header}; the first columns of each sheet are required. Headers are
# fixed English words (a workbook made in one language imports in any); choices are their codes (e.g. sme).
REGISTRY_SHEETS: dict[str, dict[str, str]] = {
    "Profiles": {"cluster": "Cluster", "legal_form": "Legal form", "founding_year": "Founding year",
                 "keeps_member_list": "Keeps a member list", "management_fte": "Management FTE",
                 "has_strategy": "Written strategy", "eccp_profile_url": "ECCP profile", "is_published": "Published",
                 "categories": "Categories", "technology_tags": "Technologies", "regions_served": "Regions served"},
    "Members": {"cluster": "Cluster", "member": "Member", "member_type": "Membership type",
                "year_joined": "Year joined", "year_left": "Year left", "committed": "Committed",
                "uses_services": "Uses services"},
    "Services": {"cluster": "Cluster", "kind": "Service", "year": "Year", "members_served": "Members served",
                 "description": "Description"},
    "Labels": {"cluster": "Cluster", "kind": "Label", "level": "Level", "year": "Year awarded", "name": "Name",
               "expires_on": "Expires on", "certificate_url": "Certificate"},
}
REGISTRY_REQUIRED = {"Profiles": 1, "Members": 4, "Services": 3, "Labels": 4}  # leading columns that must be there
YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0", ""}


class _Cells:
    """One row's cells read by field, each bad cell recorded as a RowProblem (sheet, row, column, why)."""

    def __init__(self, row: Row, problems: list[RowProblem]) -> None:
        self.row, self.problems, self.columns = row, problems, REGISTRY_SHEETS[row.sheet]
        self.bad = False

    def text(self, field: str) -> str:
        return self.row.cells.get(self.columns.get(field, ""), "").strip()

    def refuse(self, field: str, message: str) -> None:
        self.problems.append(RowProblem(self.row.sheet, self.row.number, self.columns.get(field, field), message))
        self.bad = True

    def read(self, field: str, parse: Any, *, required: bool = False) -> Any:
        text = self.text(field)
        if not text:
            if required:
                self.refuse(field, _("required"))
            return None
        try:
            return parse(text)
        except (ValueError, ValidationError) as error:
            self.refuse(field, error.messages[0] if isinstance(error, ValidationError) else str(error))
            return None


def _whole(text: str) -> int:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        number = math.nan
    if not number.is_integer() or number < 0:
        raise ValueError(_("“%(value)s” is not a whole number (0 or more)") % {"value": text})
    return int(number)


def _year(text: str) -> int:
    year = _whole(text)
    if not 1800 <= year <= 2100:
        raise ValueError(_("“%(value)s” is not a year between 1800 and 2100") % {"value": text})
    return year


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value < 0:
        raise ValueError(_("“%(value)s” is not a number (0 or more)") % {"value": text})
    return value


def _flag(text: str) -> bool:
    if text.casefold() in YES | NO:
        return text.casefold() in YES
    raise ValueError(_("“%(value)s” is not yes or no") % {"value": text})


def _choice(choices: type[models.TextChoices]) -> Any:
    def parse(text: str) -> str:
        for value, label in choices.choices:
            if text.casefold() in (value.casefold(), str(label).casefold()):
                return value
        raise ValueError(_("“%(value)s” is not one of %(choices)s") % {"value": text,
                                                                       "choices": ", ".join(choices.values)})
    return parse


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as error:
        raise ValueError(_("“%(value)s” is not a date (YYYY-MM-DD)") % {"value": text}) from error


def _categories(text: str) -> list[tuple[str, str]]:
    pairs = []
    for item in (part.strip() for part in text.split(";")):
        if item:
            taxonomy, _sep, key = item.partition(":")
            pairs.append((taxonomy.strip(), key.strip()))
    return registry_categories_checked(pairs)


def _regions(text: str) -> list[Any]:
    regions, unknown = [], []
    for code in (part.strip() for part in text.split(",")):
        if code:
            region = region_find(code=code)
            (regions if region else unknown).append(region or code)
    if unknown:
        raise ValueError(_("no NUTS region has the code %(codes)s") % {"codes": ", ".join(unknown)})
    return regions


def _url(text: str) -> str:
    URLValidator(schemes=["http", "https"])(text)
    return text


@dataclass
class _Plan:
    """What the rows will write once every row is known good."""

    profiles: list[tuple[Any, dict[str, Any]]] = dataclass_field(default_factory=list)
    rows: list[tuple[Row, str, dict[str, Any]]] = dataclass_field(default_factory=list)


def _cluster_of(cells: _Cells, user: Any, organisations: dict[str, Any]) -> Any:
    """The cluster organisation a row names (by name, ignoring case), when the user may change it."""
    name = cells.text("cluster")
    if not name:
        cells.refuse("cluster", _("required"))
        return None
    organisation = organisations.get(name.casefold())
    if organisation is None:
        organisation = organisation_with_name(name=name)
        if organisation is None or organisation.type != OrganisationType.CLUSTER:
            cells.refuse("cluster", _("no organisation of type cluster organisation is named “%(name)s”")
                         % {"name": name})
            return None
        organisations[name.casefold()] = organisation
    if not can_create_for(user, organisation.pk):
        cells.refuse("cluster", _("you may not change the registry entry of “%(name)s”") % {"name": name})
        return None
    return organisation


def _profile_row(cells: _Cells) -> dict[str, Any]:
    data = {"legal_form": cells.read("legal_form", _choice(LegalForm)) or "",
            "founding_year": cells.read("founding_year", _year),
            "management_fte": cells.read("management_fte", _decimal),
            "eccp_profile_url": cells.read("eccp_profile_url", _url) or ""}
    for field in ("keeps_member_list", "has_strategy", "is_published"):
        flag = cells.read(field, _flag)
        if flag is not None:
            data[field] = flag
    return {"data": data, "categories": cells.read("categories", _categories) or [],
            "technology_tags": [t.strip() for t in cells.text("technology_tags").split(",") if t.strip()],
            "regions_served": cells.read("regions_served", _regions) or []}


def _child_row(cells: _Cells) -> dict[str, Any]:
    """A Members, Services or Labels row's fields, parsed."""
    parsers: dict[str, dict[str, tuple[Any, bool]]] = {
        "Members": {"member_type": (_choice(MemberType), True), "year_joined": (_year, True),
                    "year_left": (_year, False), "committed": (_flag, False), "uses_services": (_flag, False)},
        "Services": {"kind": (_choice(ServiceKind), True), "year": (_year, True),
                     "members_served": (_whole, False), "description": (str, False)},
        "Labels": {"kind": (_choice(LabelKind), True), "level": (_choice(LabelLevel), True), "year": (_year, True),
                   "name": (str, False), "expires_on": (_date, False), "certificate_url": (_url, False)},
    }[cells.row.sheet]
    data = {field: cells.read(field, parse, required=required) for field, (parse, required) in parsers.items()}
    for field in ("committed", "uses_services"):
        if field in data and data[field] is None:
            data[field] = field == "committed"  # a member is committed unless the row says no
    for field in ("description", "name", "certificate_url"):
        if field in data and data[field] is None:
            data[field] = ""
    if cells.row.sheet == "Members" and not cells.text("member"):
        cells.refuse("member", _("required"))
    return data


def _row_refused(row: Row, error: ValidationError, problems: list[RowProblem]) -> None:
    columns = REGISTRY_SHEETS[row.sheet]
    messages = error.message_dict.items() if hasattr(error, "error_dict") else [("", error.messages)]
    for field, texts in messages:
        column = columns.get(field, columns.get("member") if field == "organisation" else "")
        problems.extend(RowProblem(row.sheet, row.number, column, text) for text in texts)


def _write_child(user: Any, profile: ClusterProfile, sheet: str, data: dict[str, Any], member: str) -> None:
    """A member, service or label created, or the one it names (same organisation; kind and year) changed."""
    if sheet == "Members":
        organisation = organisation_with_name(name=member)
        existing = profile.members.filter(organisation=organisation).first() if organisation else None
        if existing is not None:
            cluster_member_update(user=user, member=existing, data=data)
        else:
            cluster_member_add(user=user, profile=profile, organisation_name=member, data=data)
    elif sheet == "Services":
        existing = profile.services.filter(kind=data["kind"], year=data["year"]).first()
        cluster_service_save(user=user, profile=profile, data=data, service=existing)
    else:
        existing = profile.labels.filter(kind=data["kind"], year=data["year"]).first()
        cluster_label_save(user=user, profile=profile, data=data, label=existing)


def registry_import(*, user: Any, payload: bytes, filename: str, sheet: str = "Profiles") -> dict[str, int]:
    """The registry rows of an uploaded workbook (sheets Profiles, Members, Services, Labels) or CSV file (one
    sheet, `sheet`): profiles created or updated, members, services (per kind and year) and labels (per kind and
    year) added or changed. Every bad cell is listed (`ImportRefused`: sheet, row, column, why) and nothing is
    saved unless there are none. Returns the rows written per sheet."""
    is_csv = filename.lower().endswith(".csv")
    wanted = [sheet] if is_csv else list(REGISTRY_SHEETS)
    sheets = sheet_rows(payload, filename=filename, sheets={
        name: list(REGISTRY_SHEETS[name].values())[:REGISTRY_REQUIRED[name]] for name in wanted})
    problems: list[RowProblem] = []
    organisations: dict[str, Any] = {}
    plan = _Plan()
    for name in wanted:
        for row in sheets[name]:
            cells = _Cells(row, problems)
            organisation = _cluster_of(cells, user, organisations)
            parsed = _profile_row(cells) if name == "Profiles" else _child_row(cells)
            if organisation is None or cells.bad:
                continue
            if name == "Profiles":
                plan.profiles.append((organisation, parsed))
            else:
                plan.rows.append((row, organisation.name, {**parsed, "member": cells.text("member")}))
    if problems:
        raise ImportRefused(problems)
    counts = dict.fromkeys(wanted, 0)
    with transaction.atomic():
        profiles = {organisation.pk: cluster_profile_load(organisation=organisation, **fields)
                    for organisation, fields in plan.profiles}
        counts["Profiles"] = len(plan.profiles) if "Profiles" in counts else 0
        for row, cluster, data in plan.rows:
            organisation = organisations[cluster.casefold()]
            profile = profiles.get(organisation.pk) or ClusterProfile.objects.filter(organisation=organisation).first()
            if profile is None:
                problems.append(RowProblem(row.sheet, row.number, "Cluster", _(
                    "“%(name)s” has no cluster profile: add it on the Profiles sheet") % {"name": cluster}))
                continue
            member = data.pop("member")
            try:
                with transaction.atomic():
                    _write_child(user, profile, row.sheet, data, member)
                counts[row.sheet] += 1
            except ValidationError as error:
                _row_refused(row, error, problems)
        if problems:
            transaction.set_rollback(True)
    if problems:
        raise ImportRefused(problems)
    return counts
