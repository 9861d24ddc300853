"""Reads of organisations, people, projects and partners, filtered by what the user may see."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from smartcluster.accounts.permissions import editable_queryset, is_administrator, visible_queryset
from smartcluster.accounts.selectors import (
    membership_list,
    membership_organisation_ids,
)
from smartcluster.organisations.models import (
    HELIX_ROLE_BY_TYPE,
    Organisation,
    Partner,
    Person,
    Project,
    Tag,
)


def organisation_list(
    *,
    user: Any,
    search: str | None = None,
    type: str | None = None,  # noqa: A002 - the field's name
    helix_role: str | None = None,
    country: str | None = None,
    region: str | None = None,
    nace: str | None = None,
    tag: str | None = None,
) -> QuerySet[Organisation]:
    """Organisations the user may see, narrowed by search text and filters (region and NACE match descendants)."""
    queryset = visible_queryset(user, Organisation.objects.select_related("region", "nace"))
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(description__icontains=search))
    if type:
        queryset = queryset.filter(type=type)
    if helix_role:
        queryset = queryset.filter(type__in=[kind for kind, role in HELIX_ROLE_BY_TYPE.items() if role == helix_role])
    if country:
        queryset = queryset.filter(region__country__iexact=country)
    if region:
        # NUTS codes nest by prefix: EL6 contains EL61 contains EL611.
        queryset = queryset.filter(region__code__istartswith=region)
    if nace:
        queryset = queryset.filter(_nace_filter(nace))
    if tag:
        queryset = queryset.filter(Q(technology_tags__name__iexact=tag) | Q(sector_tags__name__iexact=tag)).distinct()
    return queryset.prefetch_related("technology_tags", "sector_tags")


def _nace_filter(code: str) -> Q:
    """A NACE section letter matches its whole section; a numeric code matches itself and the codes below it."""
    code = code.strip()
    if len(code) == 1 and code.isalpha():
        return Q(nace__section__iexact=code)
    return Q(nace__code__startswith=code) | Q(nace__eurostat_code__iexact=code)


def organisation_get(*, user: Any, organisation_id: int) -> Organisation:
    """One organisation the user may see (404 otherwise)."""
    return get_object_or_404(organisation_list(user=user), pk=organisation_id)


def organisation_editable_list(*, user: Any) -> QuerySet[Organisation]:
    """The organisations the user edits (e.g. the organisers a form offers)."""
    return editable_queryset(user, Organisation.objects.all())


def organisation_queryset(*, ids: Iterable[Any] | None = None) -> QuerySet[Organisation]:
    """All organisations, or those whose keys are `ids` (a list or an id subquery), by name: for form fields and
    look-ups by key, with no visibility filter (the caller has decided who sees them)."""
    queryset = Organisation.objects.all() if ids is None else Organisation.objects.filter(pk__in=ids)
    return queryset.order_by("name")


def organisation_with_name(*, name: str, exclude_id: int | None = None) -> Organisation | None:
    """The organisation already holding this name, ignoring case (names are unique)."""
    queryset = Organisation.objects.filter(name__iexact=name.strip())
    if exclude_id is not None:
        queryset = queryset.exclude(pk=exclude_id)
    return queryset.first()


def organisation_ids_of_member(*, user: Any) -> set[int]:
    """The organisations the user belongs to: a membership (any role) or their person record is in it."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    people = Person.objects.filter(user=user, organisation__isnull=False).values_list("organisation_id", flat=True)
    return {row["organisation_id"] for row in membership_organisation_ids(user=user)} | set(people)


def organisation_has_member(*, user: Any, organisation: Organisation) -> bool:
    """Does the user belong to the organisation: a membership (any role) or their person record is in it?"""
    return organisation.pk in organisation_ids_of_member(user=user)


def tag_list(*, kind: str | None = None) -> QuerySet[Tag]:
    queryset = Tag.objects.all()
    return queryset.filter(kind=kind) if kind else queryset


def tag_with_name(*, name: str, kind: str) -> Tag | None:
    """The tag of this kind with this name, ignoring case (names are unique per kind)."""
    return Tag.objects.filter(kind=kind, name__iexact=name.strip()).first()


def person_for_user(*, user: Any) -> Person | None:
    """The person record linked to the user's account, if any."""
    return Person.objects.filter(user=user).first()


def person_with_email(*, email: str) -> Person | None:
    """The person with this e-mail address (ignoring case; the oldest if several), if any."""
    return Person.objects.filter(email__iexact=email.strip()).order_by("pk").first() if email.strip() else None


def person_list(
    *, user: Any, organisation_id: int | None = None, search: str | None = None
) -> QuerySet[Person]:
    """People the user may see: the public sees only those who agreed to be listed; members see their own
    organisation's people; everyone sees themselves; administrators see all."""
    queryset = Person.objects.select_related("organisation")
    if not is_administrator(user):
        visible = Q(consent_to_list=True) & (
            Q(organisation__isnull=True) | Q(organisation__in=organisation_list(user=user).values("pk"))
        )
        if getattr(user, "is_authenticated", False):
            member_of = membership_organisation_ids(user=user)
            visible |= Q(organisation__in=member_of) | Q(user=user)
        queryset = queryset.filter(visible)
    if organisation_id is not None:
        queryset = queryset.filter(organisation_id=organisation_id)
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(role__icontains=search))
    return queryset


def person_get(*, user: Any, person_id: int) -> Person:
    """One person the user may see (404 otherwise)."""
    return get_object_or_404(person_list(user=user), pk=person_id)


def person_export(*, person: Person) -> dict[str, Any]:
    """Everything the platform holds on a person, as JSON-ready data (the right of access, GDPR art. 15)."""
    memberships = []
    if person.user_id:
        memberships = [
            {"organisation": m.organisation.name, "role": m.role}
            for m in membership_list(user=person.user_id)
        ]
    return {
        "id": person.pk,
        "name": person.name,
        "email": person.email,
        "role": person.role,
        "organisation": person.organisation.name if person.organisation else None,
        "consent_to_contact": person.consent_to_contact,
        "consent_to_list": person.consent_to_list,
        "consent_date": person.consent_date.isoformat() if person.consent_date else None,
        "user": person.user.get_username() if person.user else None,
        "memberships": memberships,
    }


def project_list(*, search: str | None = None, programme: str | None = None) -> QuerySet[Project]:
    """Projects are public: their names and partnerships are what the programme publishes anyway."""
    queryset = Project.objects.all()
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(acronym__icontains=search))
    if programme:
        queryset = queryset.filter(programme__icontains=programme)
    return queryset


def project_with_acronym(*, acronym: str) -> Project | None:
    """The project holding this acronym (acronyms are unique)."""
    return Project.objects.filter(acronym=acronym).first()


def project_get(*, project_id: int) -> Project:
    return get_object_or_404(Project, pk=project_id)


def partner_region_codes() -> list[str]:
    """The NUTS codes of every partner's regions (any version), sorted."""
    return sorted(set(Partner.objects.filter(regions__isnull=False).values_list("regions__code", flat=True)))


def partner_list(
    *,
    user: Any,
    project_id: int | None = None,
    role: str | None = None,
    country: str | None = None,
    search: str | None = None,
) -> QuerySet[Partner]:
    """Partners whose organisation the user may see."""
    queryset = Partner.objects.select_related("project", "organisation", "organisation__region").filter(
        organisation__in=organisation_list(user=user).values("pk")
    )
    if project_id is not None:
        queryset = queryset.filter(project_id=project_id)
    if role:
        queryset = queryset.filter(role=role)
    if country:
        queryset = queryset.filter(
            Q(regions__country__iexact=country) | Q(organisation__region__country__iexact=country)
        ).distinct()
    if search:
        queryset = queryset.filter(organisation__name__icontains=search)
    return queryset.prefetch_related("regions")


def partner_get(*, user: Any, partner_id: int) -> Partner:
    return get_object_or_404(partner_list(user=user), pk=partner_id)
