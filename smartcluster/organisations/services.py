"""Writes of organisations, people, projects and partners: permission check, validation, then save.

Every function raises `PermissionDenied` when the user may not make the change (and changes nothing), and
`ValidationError` naming the problem when the data is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model, ProtectedError
from django.db.models.deletion import RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for, is_administrator
from smartcluster.organisations.models import (
    Organisation,
    Partner,
    PartnerRole,
    Person,
    Project,
    Tag,
    TagKind,
)
from smartcluster.organisations.selectors import (
    organisation_has_member,
    organisation_with_name,
    person_with_email,
)

ORGANISATION_FIELDS = ("name", "type", "region", "nace", "size_class", "website", "description", "is_published")
PERSON_FIELDS = ("name", "email", "organisation", "role", "consent_to_contact", "consent_to_list")
PROJECT_FIELDS = ("name", "acronym", "programme", "start_date", "semesters")
PARTNER_FIELDS = ("role", "policy_instrument")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not make this change."))


def _delete_unless_used(record: Model, name: str) -> None:
    """Delete `record`, or refuse naming the kinds of records that still point at it (nothing is deleted)."""
    try:
        with transaction.atomic():
            record.delete()
    except (ProtectedError, RestrictedError) as error:
        kinds = sorted({str(used._meta.verbose_name_plural) for used in _users_of(error)})
        raise ValidationError(
            _("“%(name)s” is still used by other records (%(kinds)s): delete or move those first.")
            % {"name": name, "kinds": ", ".join(kinds)}
        ) from error


def _users_of(error: ProtectedError | RestrictedError) -> Iterable[Model]:
    return error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects


def _assign(record: Any, data: dict[str, Any], fields: Iterable[str]) -> None:
    unknown = set(data) - set(fields)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for field, value in data.items():
        setattr(record, field, value)


def tag_list_get_or_create(*, names: Iterable[str], kind: str) -> list[Tag]:
    """The tags of this kind with these names (ignoring case and surrounding spaces), created when new, in the
    order first named; a name too long for a tag is refused with a message naming it."""
    tags, seen = [], set()
    for name in (name.strip() for name in names):
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        tag = Tag.objects.filter(kind=kind, name__iexact=name).first()
        if tag is None:
            tag = Tag(kind=kind, name=name)
            tag.full_clean()
            tag.save()
        tags.append(tag)
    return tags


def _check_unique_name(organisation: Organisation) -> None:
    clash = organisation_with_name(name=organisation.name, exclude_id=organisation.pk)
    if clash is not None:
        raise ValidationError(
            {"name": _("An organisation named “%(name)s” already exists (id %(id)s).")
             % {"name": clash.name, "id": clash.pk}}
        )


def _save_organisation(
    organisation: Organisation, technology_tags: Iterable[str] | None, sector_tags: Iterable[str] | None
) -> Organisation:
    organisation.name = organisation.name.strip()
    _check_unique_name(organisation)
    organisation.full_clean()
    with transaction.atomic():
        organisation.save()
        if technology_tags is not None:
            organisation.technology_tags.set(tag_list_get_or_create(names=technology_tags, kind=TagKind.TECHNOLOGY))
        if sector_tags is not None:
            organisation.sector_tags.set(tag_list_get_or_create(names=sector_tags, kind=TagKind.SECTOR))
    return organisation


def organisation_create(
    *,
    user: Any,
    data: dict[str, Any],
    technology_tags: Iterable[str] = (),
    sector_tags: Iterable[str] = (),
) -> Organisation:
    """A new organisation (administrators only: an organisation has no owner before it exists)."""
    _require(can_create_for(user, None))
    return organisation_load(data=data, technology_tags=technology_tags, sector_tags=sector_tags)


def organisation_load(
    *, data: dict[str, Any], technology_tags: Iterable[str] = (), sector_tags: Iterable[str] = ()
) -> Organisation:
    """A new organisation, checked (unique name, valid fields) but with nobody's rights: for the platform's own
    loaders (the demo), and for the services here once they checked the user's."""
    organisation = Organisation()
    _assign(organisation, data, ORGANISATION_FIELDS)
    return _save_organisation(organisation, technology_tags, sector_tags)


def organisation_get_or_create(
    *, user: Any, name: str, vouched_ids: Iterable[int] = (), **fields: Any
) -> Organisation:
    """The organisation a self-service form names: an existing one (same name, ignoring case) only when the user
    belongs to it or the caller vouches for it (e.g. an invitation link); else a new, unpublished one with
    `fields` (type, region …), checked like every organisation (unique name, valid fields).

    The one find-or-create by name for every app that lets people name their organisation: naming is never
    joining."""
    name = name.strip()
    existing = organisation_with_name(name=name)
    if existing is not None:
        if existing.pk in set(vouched_ids) or organisation_has_member(user=user, organisation=existing):
            return existing
        raise ValidationError({"organisation_name": _(
            "An organisation named “%(name)s” is already registered and you are not one of its members. Sign "
            "in with an account of that organisation, ask its editors for an invitation link, or give your "
            "organisation's full, distinct name.") % {"name": name}})
    try:
        with transaction.atomic():
            # Not listed until its editors publish it: whoever typed the name gave no consent to a public listing.
            return organisation_load(data={"is_published": False, **fields, "name": name})
    except IntegrityError as error:  # the same name created at the same moment by someone else
        raise ValidationError({"organisation_name": _("An organisation named “%(name)s” was just registered; "
                                                      "try again.") % {"name": name}}) from error


def organisation_update(
    *,
    user: Any,
    organisation: Organisation,
    data: dict[str, Any],
    technology_tags: Iterable[str] | None = None,
    sector_tags: Iterable[str] | None = None,
) -> Organisation:
    """Change an organisation's fields (and tags, when given)."""
    _require(can_change(user, organisation))
    organisation = Organisation.objects.get(pk=organisation.pk)  # never save fields changed outside this call
    _assign(organisation, data, ORGANISATION_FIELDS)
    return _save_organisation(organisation, technology_tags, sector_tags)


def organisation_delete(*, user: Any, organisation: Organisation) -> None:
    """Delete an organisation that is no project's partner (remove the partnership first)."""
    _require(can_change(user, organisation))
    projects = list(Partner.objects.filter(organisation=organisation).values_list("project__acronym", flat=True))
    if projects:
        raise ValidationError(
            _("“%(name)s” is a partner of %(projects)s: remove it from the project first.")
            % {"name": organisation.name, "projects": ", ".join(projects)}
        )
    _delete_unless_used(organisation, organisation.name)


def _consent_date(person: Person, before: Person | None) -> None:
    """A consent is dated when it is given; withdrawing every consent clears the date."""
    gave = person.consent_to_contact or person.consent_to_list
    if not gave:
        person.consent_date = None
        return
    newly = before is None or (person.consent_to_contact and not before.consent_to_contact) or (
        person.consent_to_list and not before.consent_to_list
    )
    if newly or person.consent_date is None:
        person.consent_date = timezone.now()


def person_create(*, user: Any, data: dict[str, Any]) -> Person:
    """A new person in an organisation the user edits (administrators: any, or none)."""
    organisation = data.get("organisation")
    _require(can_create_for(user, organisation.pk if organisation else None))
    return person_load(data=data)


def person_load(*, data: dict[str, Any], user: Any = None) -> Person:
    """A new person (linked to `user` when given, consents dated now) with nobody's rights checked: for the
    platform's own loaders (the demo), and for the services here once they checked the user's."""
    person = Person(user=user)
    _assign(person, data, PERSON_FIELDS)
    _consent_date(person, None)
    person.full_clean()
    person.save()
    return person


def person_get_or_create_by_email(*, name: str, email: str, organisation: Organisation | None = None) -> Person:
    """The person with this e-mail (ignoring case; the oldest if several), else a new one with `name` and
    `organisation`: for apps that invite people, once they checked the user's rights. Never a second record."""
    existing = person_with_email(email=email)
    if existing is not None:
        return existing
    return person_load(data={"name": name.strip(), "email": email.strip(), "organisation": organisation})


def person_create_for_user(*, user: Any) -> Person:
    """The person record of a user who signed up on their own: their name and e-mail, no organisation, no consent
    yet (a matchmaking registration completes it). A user who has a person record keeps it."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person(user=user, name=user.get_full_name() or user.get_username(), email=user.email)
        person.full_clean()
        person.save()
    return person


def person_for_user_save(*, user: Any, name: str, email: str, organisation: Organisation, role: str = "") -> Person:
    """The user's own person record with the name and e-mail they gave (created when they have none): it joins
    `organisation` only when it is in none yet, and keeps its role when none is given."""
    person = Person.objects.filter(user=user).first() or Person(user=user)
    person.name, person.email = name, email
    person.organisation = person.organisation or organisation
    person.role = role or person.role
    person.full_clean()
    person.save()
    return person


def may_change_person(user: Any, person: Person) -> bool:
    """A person's organisation's editors, administrators, and the person themself."""
    own = getattr(user, "is_authenticated", False) and person.user_id == user.pk
    return own or can_change(user, person)


def person_update(*, user: Any, person: Person, data: dict[str, Any]) -> Person:
    """Change a person; moving them to another organisation needs rights on that one too."""
    _require(may_change_person(user, person))
    before = Person.objects.get(pk=person.pk)
    person = Person.objects.get(pk=person.pk)
    _assign(person, data, PERSON_FIELDS)
    if person.organisation_id != before.organisation_id:
        _require(can_create_for(user, person.organisation_id))
    _consent_date(person, before)
    person.full_clean()
    person.save()
    return person


def person_erase(*, user: Any, person: Person) -> None:
    """Erase a person on request (GDPR art. 17): delete the record, or, where other records must keep a row to
    point at, blank every personal field of it."""
    _require(may_change_person(user, person))
    try:
        with transaction.atomic():
            person.delete()
    except ProtectedError:
        Person.objects.filter(pk=person.pk).update(
            name=_("Erased person"), email="", role="", user=None,
            consent_to_contact=False, consent_to_list=False, consent_date=None,
        )


def project_create(*, user: Any, data: dict[str, Any]) -> Project:
    """A new project (administrators only)."""
    _require(is_administrator(user))
    return project_load(data=data)


def project_load(*, data: dict[str, Any]) -> Project:
    """A new project with nobody's rights checked: for the platform's own loaders (the demo), and for the
    services here once they checked the user's."""
    project = Project()
    _assign(project, data, PROJECT_FIELDS)
    project.full_clean()
    project.save()
    return project


def project_update(*, user: Any, project: Project, data: dict[str, Any]) -> Project:
    _require(can_change(user, project))
    project = Project.objects.get(pk=project.pk)
    _assign(project, data, PROJECT_FIELDS)
    project.full_clean()
    project.save()
    return project


def project_delete(*, user: Any, project: Project) -> None:
    """Delete a project with its partnerships (the organisations stay)."""
    _require(can_change(user, project))
    _delete_unless_used(project, project.acronym)


def _check_one_lead(partner: Partner) -> None:
    if partner.role != PartnerRole.LEAD:
        return
    lead = Partner.objects.filter(project_id=partner.project_id, role=PartnerRole.LEAD).exclude(pk=partner.pk).first()
    if lead is not None:
        raise ValidationError(
            {"role": _("%(project)s already has a lead partner: %(lead)s.")
             % {"project": lead.project.acronym, "lead": lead.organisation.name}}
        )


def _check_not_partner_yet(partner: Partner) -> None:
    exists = Partner.objects.filter(project_id=partner.project_id, organisation_id=partner.organisation_id)
    if exists.exclude(pk=partner.pk).exists():
        raise ValidationError(
            {"organisation": _("%(organisation)s is already a partner of %(project)s.")
             % {"organisation": partner.organisation.name, "project": partner.project.acronym}}
        )


def _save_partner(partner: Partner, regions: Iterable[Any] | None) -> Partner:
    _check_not_partner_yet(partner)
    _check_one_lead(partner)
    partner.full_clean()
    with transaction.atomic():
        partner.save()
        if regions is not None:
            partner.regions.set(list(regions))
    return partner


def partner_create(
    *, user: Any, project: Project, organisation: Organisation, data: dict[str, Any] | None = None,
    regions: Iterable[Any] = (),
) -> Partner:
    """Add an organisation to a project's partnership (administrators only: they manage the partnership)."""
    _require(is_administrator(user))
    return partner_load(project=project, organisation=organisation, data=data or {}, regions=regions)


def partner_load(
    *, project: Project, organisation: Organisation, data: dict[str, Any], regions: Iterable[Any] = ()
) -> Partner:
    """A new partnership, checked (once per project, one lead partner) but with nobody's rights: for the
    platform's own loaders (the demo), and for the services here once they checked the user's."""
    partner = Partner(project=project, organisation=organisation)
    _assign(partner, data, PARTNER_FIELDS)
    return _save_partner(partner, regions)


def partner_update(
    *, user: Any, partner: Partner, data: dict[str, Any], regions: Iterable[Any] | None = None
) -> Partner:
    """Change a partner's role, regions or policy instrument (its editors; only administrators change roles)."""
    _require(can_change(user, partner))
    partner = Partner.objects.select_related("project", "organisation").get(pk=partner.pk)
    if "role" in data and data["role"] != partner.role:
        _require(is_administrator(user))
    _assign(partner, data, PARTNER_FIELDS)
    return _save_partner(partner, regions)


def partner_delete(*, user: Any, partner: Partner) -> None:
    """Remove an organisation from a project (administrators only)."""
    _require(is_administrator(user))
    _delete_unless_used(partner, str(partner))
