"""The one place that decides who may read and change what.

Rules (design.md): a partner's editors change only their partner's records; administrators change all;
published records are readable by all. A record belongs to an organisation through `owner_path`, a class
attribute on the model naming the ORM path to its owning `Organisation` ("" for an Organisation itself,
"organisation" for a Partner, "partner__organisation" for a record of a partner, …). Models without an owner
path can be changed by administrators only.

Who may read a record is the model's `visibility` (a `Visibility`): PUBLISHED records are readable by all once
`is_published`, before that by their owners' members and administrators; OWNER_ONLY records (interviews, jury
scores, draft submissions) only ever by their owners' members and administrators; PUBLIC records by all. A model
that declares none is PUBLISHED when it has an `is_published` field and PUBLIC otherwise. A model that also
declares `project_path` (the ORM path to its Project) is read, unpublished or owner-only, by the members of every
partner organisation of that project too (a steering committee's internal records are the partnership's).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import models

from smartcluster.accounts.models import Membership, MembershipRole

EDITOR_ROLES = (MembershipRole.ADMINISTRATOR, MembershipRole.PARTNER_EDITOR)


class Visibility(StrEnum):
    """Who may read a model's records (declared as the model's `visibility` class attribute)."""

    PUBLIC = "public"
    PUBLISHED = "published"
    OWNER_ONLY = "owner_only"


def visibility_of(model: type[models.Model]) -> Visibility:
    """The model's declared visibility, else the one its fields imply (published with `is_published`, else public)."""
    declared = getattr(model, "visibility", None)
    if declared is not None:
        return Visibility(declared)
    has_flag = any(field.name == "is_published" for field in model._meta.get_fields())
    return Visibility.PUBLISHED if has_flag else Visibility.PUBLIC


def is_administrator(user: Any) -> bool:
    """Platform administrators: superusers and members with the administrator role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or Membership.objects.filter(user=user, role=MembershipRole.ADMINISTRATOR).exists()


def editable_organisation_ids(user: Any) -> set[int]:
    """Organisations whose records the user may change as an editor."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(
        Membership.objects.filter(user=user, role__in=EDITOR_ROLES).values_list("organisation_id", flat=True)
    )


def _owner_lookup(model: type[models.Model]) -> str | None:
    path = getattr(model, "owner_path", None)
    if path is None:
        return None
    return "pk" if path == "" else f"{path}__pk"


def owner_organisation_ids(record: models.Model) -> set[int]:
    """The organisations that own this record (empty when the model declares no owner)."""
    lookup = _owner_lookup(type(record))
    if lookup is None or record.pk is None:
        return set()
    return set(type(record)._default_manager.filter(pk=record.pk).values_list(lookup, flat=True)) - {None}


def can_change(user: Any, record: models.Model) -> bool:
    """May this user change (or delete) this saved record?"""
    if is_administrator(user):
        return True
    owners = owner_organisation_ids(record)
    return bool(owners) and bool(owners & editable_organisation_ids(user))


def can_create_for(user: Any, organisation_id: int | None) -> bool:
    """May this user create a record owned by this organisation (None: a record with no owner)?"""
    if is_administrator(user):
        return True
    return organisation_id is not None and organisation_id in editable_organisation_ids(user)


def _member_of(user: Any) -> models.QuerySet:
    """The ids of the organisations the user is a member of, in any role (their records' readers)."""
    return Membership.objects.filter(user=user).values_list("organisation_id", flat=True)


def _partnership_lookup(model: type[models.Model]) -> str | None:
    """The ORM path from the model to the organisations of its project's partners, if it declares a project."""
    path = getattr(model, "project_path", None)
    return None if path is None else f"{path}__partners__organisation__pk"


def _reader_organisation_ids(record: models.Model) -> set[int]:
    """The owners of a record and, for a record of a project, the organisations of the project's partners."""
    lookup = _partnership_lookup(type(record))
    partners = set() if lookup is None or record.pk is None else set(
        type(record)._default_manager.filter(pk=record.pk).values_list(lookup, flat=True)) - {None}
    return owner_organisation_ids(record) | partners


def can_view(user: Any, record: models.Model) -> bool:
    """May this user read this record (see `Visibility`)? Administrators read all."""
    policy = visibility_of(type(record))
    if policy is Visibility.PUBLIC or (policy is Visibility.PUBLISHED and getattr(record, "is_published", True)):
        return True
    if is_administrator(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(_reader_organisation_ids(record) & set(_member_of(user)))


def reviewed_region_codes(user: Any) -> set[str]:
    """NUTS codes of the regions of the project partners the user edits for (the regions they review)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    codes = Membership.objects.filter(user=user, role__in=EDITOR_ROLES).values_list(
        "organisation__partnerships__regions__code", flat=True)
    return set(codes) - {None}


def _containing_codes(region_code: str) -> list[str]:
    """The NUTS codes of a region and of every region containing it: codes nest by prefix (DE7 ⊃ DE73 ⊃ DE731)."""
    return [region_code[:length] for length in range(2, len(region_code) + 1)]


def can_review_region(user: Any, region_code: str | None) -> bool:
    """May this user review records of a region (a partner editor of it or of a region containing it)?"""
    if is_administrator(user):
        return True
    return bool(region_code) and bool(reviewed_region_codes(user) & set(_containing_codes(region_code)))


def region_reviewer_list(region_code: str) -> models.QuerySet:
    """The users who review records of a region by partnership (administrators review all but are not listed)."""
    return get_user_model().objects.filter(
        is_active=True, memberships__role__in=EDITOR_ROLES,
        memberships__organisation__partnerships__regions__code__in=_containing_codes(region_code)).distinct()


def editable_queryset(user: Any, queryset: models.QuerySet) -> models.QuerySet:
    """The records of a queryset that the user may change."""
    if is_administrator(user):
        return queryset
    lookup = _owner_lookup(queryset.model)
    if lookup is None:
        return queryset.none()
    return queryset.filter(**{f"{lookup}__in": editable_organisation_ids(user)}).distinct()


def visible_queryset(user: Any, queryset: models.QuerySet) -> models.QuerySet:
    """The records of a queryset that the user may read (the same rule as `can_view`)."""
    policy = visibility_of(queryset.model)
    if policy is Visibility.PUBLIC or is_administrator(user):
        return queryset
    lookup = _owner_lookup(queryset.model)
    is_reader = lookup is not None and not isinstance(user, AnonymousUser) and getattr(user, "is_authenticated", False)
    if not is_reader:
        return queryset.filter(is_published=True) if policy is Visibility.PUBLISHED else queryset.none()
    owned = models.Q(**{f"{lookup}__in": _member_of(user)})
    partnership = _partnership_lookup(queryset.model)
    if partnership is not None:
        owned |= models.Q(**{f"{partnership}__in": _member_of(user)})
    readable = models.Q(is_published=True) | owned if policy is Visibility.PUBLISHED else owned
    return queryset.filter(readable).distinct()
