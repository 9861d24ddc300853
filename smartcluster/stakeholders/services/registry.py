"""Registry writes: permission check, validation, then save.

A partner's stakeholders are links to the shared organisations and people (never copies): a named organisation is
matched against the existing ones by normalised name, website host and the e-mail of a known person before one is
created. Every function raises `PermissionDenied` when the user may not make the change (nothing changed) and
`ValidationError` naming the field when the data is wrong; the import raises `ImportRefused` naming every bad cell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.selectors import organisation_list, organisation_queryset, person_with_email
from smartcluster.organisations.services import organisation_get_or_create, person_get_or_create_by_email
from smartcluster.regions.selectors import region_find
from smartcluster.sources.imports import ImportRefused, Row, RowProblem, sheet_rows
from smartcluster.stakeholders.models import Stakeholder, StakeholderNote
from smartcluster.stakeholders.selectors.registry import stakeholder_list

__all__ = ["IMPORT_COLUMNS", "IMPORT_SHEET", "STAKEHOLDER_FIELDS", "ImportPlan", "OrganisationMatch",
           "organisation_key", "stakeholder_create", "stakeholder_delete", "stakeholder_import",
           "stakeholder_import_plan", "stakeholder_load", "stakeholder_match", "stakeholder_note_create",
           "stakeholder_note_delete", "stakeholder_note_load", "stakeholder_update", "topics_cleaned",
           "website_host"]

STAKEHOLDER_FIELDS = ("person", "partner_contact", "interest", "influence", "topics")
MAX_TOPICS, MAX_TOPIC_LENGTH = 20, 60
IMPORT_SHEET = "Stakeholders"
# The import's columns: fixed English words, so a list made in any language imports (the export writes them).
IMPORT_COLUMNS = ("organisation name", "type", "website", "region code", "person name", "e-mail", "interest",
                  "influence", "topics")
REQUIRED_COLUMNS = ("organisation name",)
IMPORT_FIELD_COLUMNS = {"organisation_name": "organisation name", "organisation": "organisation name",
                        "person_name": "person name", "person_email": "e-mail", "email": "e-mail", "name": ""}
DEFAULT_SCORE = 3
TOPIC_SEPARATORS = re.compile(r"[;,\n]")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not make this change."))


def organisation_key(name: str) -> str:
    """A name as compared for duplicates: accents, case, punctuation and spacing ignored; dots and apostrophes
    join ("Café-Nord  S.A." → "cafe nord sa")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", re.sub(r"[.'’]", "", plain)).split())


def website_host(url: str) -> str:
    """A website's host without "www." (the key for duplicates): "https://www.Acme.eu/en" → "acme.eu"."""
    url = url.strip()
    if not url:
        return ""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")


def topics_cleaned(topics: Iterable[str] | str | None) -> list[str]:
    """Topics as a list of short strings (a text is split at ; , or new lines), each once ignoring case."""
    items = TOPIC_SEPARATORS.split(topics) if isinstance(topics, str) else list(topics or [])
    cleaned: dict[str, str] = {}
    for item in items:
        if not isinstance(item, str):
            raise ValidationError({"topics": _("Give each topic as a short text.")})
        text = " ".join(item.split())
        if len(text) > MAX_TOPIC_LENGTH:
            raise ValidationError({"topics": _("“%(topic)s” is longer than %(limit)s characters.")
                                   % {"topic": text[:20] + "…", "limit": MAX_TOPIC_LENGTH}})
        if text:
            cleaned.setdefault(text.casefold(), text)
    if len(cleaned) > MAX_TOPICS:
        raise ValidationError({"topics": _("Give at most %(limit)s topics.") % {"limit": MAX_TOPICS}})
    return list(cleaned.values())


def _match_pool(user: Any) -> list[Any]:
    """The organisations a name may link to: those the user reads, and those of the registries the user reads
    (an organisation a registry created stays unpublished, yet it is the one to link again)."""
    readable = organisation_list(user=user).values("pk")
    linked = stakeholder_list(user=user).values("organisation_id")
    return list(organisation_queryset(ids=readable) | organisation_queryset(ids=linked))


@dataclass(frozen=True)
class OrganisationMatch:
    """The existing organisation a stakeholder row names, and by what it was recognised (None: a new one)."""

    organisation: Any | None
    by: str = ""


def stakeholder_match(*, user: Any, name: str, website: str = "", email: str = "",
                      candidates: Iterable[Any] | None = None) -> OrganisationMatch:
    """The existing organisation (among those the user may read) that a name, website or a known person's e-mail
    designates: by normalised name first, then website host, then the organisation of the person with the
    e-mail."""
    pool = list(candidates) if candidates is not None else _match_pool(user)
    key, host = organisation_key(name), website_host(website)
    for organisation in pool:
        if key and organisation_key(organisation.name) == key:
            return OrganisationMatch(organisation, "name")
    for organisation in pool:
        if host and website_host(organisation.website) == host:
            return OrganisationMatch(organisation, "website")
    person = person_with_email(email=email) if email else None
    if person is not None and person.organisation_id in {organisation.pk for organisation in pool}:
        return OrganisationMatch(person.organisation, "e-mail")
    return OrganisationMatch(None)


def _checked_partner_contact(partner: Any, contact: Any) -> None:
    if contact is not None and contact.organisation_id != partner.organisation_id:
        raise ValidationError({"partner_contact": _("Choose a person of %(partner)s.")
                               % {"partner": partner.organisation.name}})


def _assign(stakeholder: Stakeholder, data: Mapping[str, Any]) -> None:
    unknown = set(data) - set(STAKEHOLDER_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in data.items():
        setattr(stakeholder, name, topics_cleaned(value) if name == "topics" else value)
    _checked_partner_contact(stakeholder.partner, stakeholder.partner_contact)
    for name in ("interest", "influence"):
        value = getattr(stakeholder, name)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
            raise ValidationError({name: _("Give a whole number from 1 to 5.")})


def _saved(stakeholder: Stakeholder) -> Stakeholder:
    """Checked (fields and constraints, the field named) and saved."""
    duplicate = Stakeholder.objects.filter(partner=stakeholder.partner_id, organisation=stakeholder.organisation_id)
    if duplicate.exclude(pk=stakeholder.pk).exists():
        raise ValidationError({"organisation": _("“%(name)s” is already in this registry.")
                               % {"name": stakeholder.organisation.name}})
    stakeholder.full_clean()
    try:
        with transaction.atomic():
            stakeholder.save()
    except IntegrityError as error:  # the same organisation added at the same moment by someone else
        raise ValidationError({"organisation": _("This organisation was just added by someone else.")}) from error
    return stakeholder


def _contact(name: str, email: str, organisation: Any) -> Any | None:
    """The stakeholder's contact person: the one with this e-mail, else a new one (never a second record)."""
    name, email = name.strip(), email.strip()
    if not name and not email:
        return None
    if not email:
        raise ValidationError({"person_email": _("Give the contact person's e-mail: it is how the platform "
                                                 "recognises a person it already knows.")})
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"person_email": _("Enter a valid e-mail address.")}) from error
    if not name and person_with_email(email=email) is None:
        raise ValidationError({"person_name": _("Give the contact person's name.")})
    return person_get_or_create_by_email(name=name, email=email, organisation=organisation)


def stakeholder_load(*, partner: Any, organisation: Any, person: Any = None, partner_contact: Any = None,
                     interest: int = DEFAULT_SCORE, influence: int = DEFAULT_SCORE,
                     topics: Iterable[str] = ()) -> Stakeholder:
    """A stakeholder of a partner, checked like the pages' but with nobody's rights: for the platform's own loaders
    (the demo)."""
    stakeholder = Stakeholder(partner=partner, organisation=organisation)
    _assign(stakeholder, {"person": person, "partner_contact": partner_contact, "interest": interest,
                          "influence": influence, "topics": list(topics)})
    return _saved(stakeholder)


def stakeholder_note_load(*, stakeholder: Stakeholder, text: str, author: Any = None) -> StakeholderNote:
    """A note on a stakeholder, checked like the pages' but with nobody's rights: for the platform's own loaders."""
    note = StakeholderNote(stakeholder=stakeholder, text=text.strip(), author=author)
    note.full_clean()
    note.save()
    return note


def _organisation_for(user: Any, name: str, fields: Mapping[str, Any], email: str) -> Any:
    """The organisation a form names: an existing one it matches, else a new one (organisations' find-or-create)."""
    name = name.strip()
    if not name:
        raise ValidationError({"organisation_name": _("Name the stakeholder organisation.")})
    match = stakeholder_match(user=user, name=name, website=fields.get("website", ""), email=email)
    if match.organisation is not None:
        return match.organisation
    if not fields.get("type"):
        raise ValidationError({"type": _("Choose the type of the new organisation “%(name)s”.") % {"name": name}})
    return organisation_get_or_create(user=user, name=name, **fields)


def stakeholder_create(*, user: Any, partner: Any, data: Mapping[str, Any], organisation: Any = None,
                       organisation_name: str = "", organisation_fields: Mapping[str, Any] | None = None,
                       person_name: str = "", person_email: str = "") -> Stakeholder:
    """A stakeholder in the partner's registry (its editors and administrators): `organisation`, or the existing
    one `organisation_name`, its website or the contact's e-mail designates, else a new one with
    `organisation_fields` (type, website, region); the contact person found by e-mail or created."""
    _require(partner is not None and can_create_for(user, partner.organisation_id))
    with transaction.atomic():
        if organisation is None:
            organisation = _organisation_for(user, organisation_name, organisation_fields or {}, person_email)
        stakeholder = Stakeholder(partner=partner, organisation=organisation)
        person = _contact(person_name, person_email, organisation)
        _assign(stakeholder, {**data, **({"person": person} if person is not None else {})})
        return _saved(stakeholder)


def stakeholder_update(*, user: Any, stakeholder: Stakeholder, data: Mapping[str, Any],
                       person_name: str = "", person_email: str = "") -> Stakeholder:
    """Change a stakeholder's scores, topics and contacts (the organisation is what the entry links: delete and add
    to change it); a contact given by name and e-mail is found or created."""
    _require(can_change(user, stakeholder))
    stakeholder = Stakeholder.objects.select_related("partner__organisation", "organisation").get(pk=stakeholder.pk)
    with transaction.atomic():
        person = _contact(person_name, person_email, stakeholder.organisation)
        _assign(stakeholder, {**data, **({"person": person} if person is not None else {})})
        return _saved(stakeholder)


def stakeholder_delete(*, user: Any, stakeholder: Stakeholder) -> None:
    """Remove a stakeholder from the registry (with its notes); the organisation and people stay."""
    _require(can_change(user, stakeholder))
    stakeholder.delete()


def stakeholder_note_create(*, user: Any, stakeholder: Stakeholder, text: str) -> StakeholderNote:
    """A note on a stakeholder by one of its partner's editors (read by that partner only)."""
    _require(can_change(user, stakeholder))
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    return stakeholder_note_load(stakeholder=stakeholder, text=text, author=user)


def stakeholder_note_delete(*, user: Any, note: StakeholderNote) -> None:
    """Delete a note (the partner's editors and administrators)."""
    _require(can_change(user, note))
    note.delete()


# The import: a plan (which rows link, create or update) shown before anything is saved.

@dataclass
class ImportPlan:
    """One row of an import and what saving it will do: `link` an existing organisation, `create` one, or
    `update` the entry already in the registry."""

    row: int
    name: str
    action: str
    matched: str = ""
    by: str = ""
    fields: dict[str, Any] | None = None
    email: str = ""
    person: str = ""
    scores: dict[str, Any] | None = None


def _score(row: Row, column: str, problems: list[RowProblem]) -> int:
    text = row.cells.get(column, "").strip()
    if not text:
        return DEFAULT_SCORE
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0.5
    if not 1 <= value <= 5 or value != int(value):  # NaN fails the range, so int() never sees it
        problems.append(RowProblem(row.sheet, row.number, column, _("give a whole number from 1 to 5")))
        return DEFAULT_SCORE
    return int(value)


ORGANISATION_TYPES = {**{value: value for value in OrganisationType.values},
                      **{str(label).casefold(): value for value, label in OrganisationType.choices}}


def _organisation_fields(row: Row, problems: list[RowProblem]) -> dict[str, Any]:
    """The fields of a new organisation a row gives: type (code or label), website, region (a NUTS code)."""
    fields: dict[str, Any] = {}
    kind = row.cells.get("type", "").strip()
    if kind:
        fields["type"] = ORGANISATION_TYPES.get(kind.casefold()) or ORGANISATION_TYPES.get(kind)
        if fields["type"] is None:
            problems.append(RowProblem(row.sheet, row.number, "type", _("unknown organisation type “%(type)s” "
                                       "(use one of: %(codes)s)") % {"type": kind,
                                                                    "codes": ", ".join(OrganisationType.values)}))
    website = row.cells.get("website", "").strip()
    if website:
        fields["website"] = website if "//" in website else f"https://{website}"
        try:
            URLValidator(schemes=["http", "https"])(fields["website"])
        except ValidationError:
            problems.append(RowProblem(row.sheet, row.number, "website", _("not a web address")))
    code = row.cells.get("region code", "").strip()
    if code:
        fields["region"] = region_find(code=code)
        if fields["region"] is None:
            problems.append(RowProblem(row.sheet, row.number, "region code",
                                       _("unknown NUTS region code “%(code)s”") % {"code": code}))
    return fields


def _person_problems(row: Row, problems: list[RowProblem]) -> None:
    name, email = row.cells.get("person name", "").strip(), row.cells.get("e-mail", "").strip()
    if name and not email:
        problems.append(RowProblem(row.sheet, row.number, "e-mail", _("give the person's e-mail as well")))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(RowProblem(row.sheet, row.number, "e-mail", _("not an e-mail address")))
        if not name and person_with_email(email=email) is None:
            problems.append(RowProblem(row.sheet, row.number, "person name", _("give the person's name as well")))


def _row_plan(user: Any, partner: Any, row: Row, pool: list[Any], seen: dict[str, int],
              problems: list[RowProblem]) -> ImportPlan | None:
    """What one row will do, or None with its problems listed."""
    before = len(problems)
    name = " ".join(row.cells.get("organisation name", "").split())
    fields = _organisation_fields(row, problems)
    _person_problems(row, problems)
    scores = {column: _score(row, column, problems) for column in ("interest", "influence")}
    try:
        scores["topics"] = topics_cleaned(row.cells.get("topics", ""))
    except ValidationError as error:
        problems.append(RowProblem(row.sheet, row.number, "topics", "; ".join(error.messages)))
    if not name:
        problems.append(RowProblem(row.sheet, row.number, "organisation name", _("name the organisation")))
        return None
    if organisation_key(name) in seen:
        problems.append(RowProblem(row.sheet, row.number, "organisation name", _("the same organisation as row "
                                   "%(row)s") % {"row": seen[organisation_key(name)]}))
    seen.setdefault(organisation_key(name), row.number)
    email = row.cells.get("e-mail", "").strip()
    match = stakeholder_match(user=user, name=name, website=fields.get("website", ""), email=email,
                              candidates=pool)
    if match.organisation is None and not fields.get("type") and "type" not in fields:
        problems.append(RowProblem(row.sheet, row.number, "type", _("give the type of the new organisation")))
    if len(problems) > before:
        return None
    plan = ImportPlan(row=row.number, name=name, action="create", fields=fields, email=email,
                      person=row.cells.get("person name", "").strip(), scores=scores)
    if match.organisation is not None:
        plan.matched, plan.by = match.organisation.name, match.by
        in_registry = Stakeholder.objects.filter(partner=partner, organisation=match.organisation).exists()
        plan.action = "update" if in_registry else "link"
    return plan


def stakeholder_import_plan(*, user: Any, partner: Any, payload: bytes, filename: str) -> list[ImportPlan]:
    """What importing a list (XLSX or CSV, sheet "Stakeholders") into the partner's registry will do, row by row
    (nothing saved); `ImportRefused` names every bad cell."""
    _require(partner is not None and can_create_for(user, partner.organisation_id))
    rows = sheet_rows(payload, filename=filename, sheets={IMPORT_SHEET: REQUIRED_COLUMNS})[IMPORT_SHEET]
    if not rows:
        raise ImportRefused([RowProblem(IMPORT_SHEET, None, "", _("the sheet has no rows"))])
    pool, seen, problems = _match_pool(user), {}, []
    plans = [_row_plan(user, partner, row, pool, seen, problems) for row in rows]
    if problems:
        raise ImportRefused(problems)
    return [plan for plan in plans if plan is not None]


def _plan_saved(user: Any, partner: Any, plan: ImportPlan, pool: list[Any]) -> str:
    """Save one planned row (inside the import's transaction)."""
    match = stakeholder_match(user=user, name=plan.name, website=(plan.fields or {}).get("website", ""),
                              email=plan.email, candidates=pool)
    organisation = match.organisation
    if organisation is None:
        organisation = organisation_get_or_create(user=user, name=plan.name, **(plan.fields or {}))
        pool.append(organisation)  # a later row giving the same website links to it
    person = _contact(plan.person, plan.email, organisation)
    data = {**(plan.scores or {}), **({"person": person} if person is not None else {})}
    existing = Stakeholder.objects.filter(partner=partner, organisation=organisation).first()
    stakeholder = existing or Stakeholder(partner=partner, organisation=organisation)
    _assign(stakeholder, data)
    _saved(stakeholder)
    return plan.action


def stakeholder_import(*, user: Any, payload: bytes, filename: str, partner: Any) -> dict[str, int]:
    """Import a list into the partner's registry: existing organisations linked (never copied), the others created,
    entries already there updated; all rows or none. Returns the number of rows per action."""
    plans = stakeholder_import_plan(user=user, partner=partner, payload=payload, filename=filename)
    pool = _match_pool(user)
    counts = {"link": 0, "create": 0, "update": 0}
    with transaction.atomic():
        for plan in plans:
            try:
                counts[_plan_saved(user, partner, plan, pool)] += 1
            except ValidationError as error:
                fields = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
                raise ImportRefused([RowProblem(IMPORT_SHEET, plan.row, IMPORT_FIELD_COLUMNS.get(field, field),
                                                message) for field, messages in fields.items()
                                     for message in messages]) from error
    return counts
